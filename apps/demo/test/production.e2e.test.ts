/**
 * What ships: the demo's production build served by the same server (`NODE_ENV=production`), and the built
 * Storybook. Neither may carry a key — whoever's key it is — and the running app must work from the built files
 * alone. The proxy's audit log is checked here too: who touched which patient, never what the record says, never
 * the key.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { DEMO_ROOT, REPO_ROOT } from '../server/served-sources.ts';
import { expectAccessible, expectNoKeyIn, KEY_SHAPED, signIn, type DemoUnderTest, type Session, withDemoSession } from './harness.ts';
import { dataFiles, leaksOf, plantDataInApp, secretValues } from './served-files.ts';

let target: DemoUnderTest;
let session: Session;
let page: Page;

/** Every file under `dir`, with its text. */
function filesOf(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

/** The files under `dir` that contain a key-shaped string, with what matched. */
function keyShapedIn(dir: string): string[] {
  return filesOf(dir).flatMap(({ path, text }) => [...text.matchAll(KEY_SHAPED)].map((match) => `${path}: ${match[0]}`));
}

withDemoSession(
  async () => {
    await build({ root: DEMO_ROOT, configFile: join(DEMO_ROOT, 'vite.config.ts'), logLevel: 'error' });
    return { mode: 'production' };
  },
  (started) => ({ target, session, page } = started),
  180_000,
);

describe('the production build', () => {
  it('serves the built app, not the development server, and it works', async () => {
    const scripts = await page.locator('script[src]').evaluateAll((elements) => elements.map((element) => element.getAttribute('src')));
    expect(scripts).toEqual([expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)]);
    await signIn(page, 'Dr. Grace Lin');
    await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader', { name: 'Amara Okafor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor();
    await expectAccessible(page, 'the dashboard, production build');
    const urls = (await session.responses()).map((response) => response.url);
    expect(urls.filter((url) => url.includes('/@vite/') || url.includes('/node_modules/'))).toEqual([]);
    // The session cookie is Secure in production (browsers accept Secure cookies from http://localhost).
    const [cookie] = await session.context.cookies();
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expectNoKeyIn(await session.responses(), target.apiKey);
  });

  it("serves the build and nothing else: every way of asking for the data, or a copy of it in the app's folder, is refused", async () => {
    const planted = plantDataInApp(target.dataDir);
    try {
      const files = [...dataFiles(target.dataDir), ...Object.values(planted.files).flat(), planted.pipe];
      expect(await leaksOf(target.demo.url, files, secretValues(target.dataDir), planted)).toEqual([]);
    } finally {
      planted.remove();
    }
  });

  it('carries no key-shaped string in any built file (the scan finds one when there is one)', () => {
    const planted = mkdtempSync(join(tmpdir(), 'key-scan-'));
    try {
      writeFileSync(join(planted, 'leak.js'), `const k = "clk_test_${'a1B2'.repeat(8)}";`);
      expect(keyShapedIn(planted)).toHaveLength(1);
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
    const dist = join(DEMO_ROOT, 'dist');
    expect(filesOf(dist).length).toBeGreaterThan(2);
    // Any key-shaped string, whoever's: the running demo's own key is created after the build, so looking for it
    // here could never fail; the responses it could leak through are scanned in the first test.
    expect(keyShapedIn(dist)).toEqual([]);
  });

  it('writes an audit log that names who touched which patient, and nothing of the record or the key', async () => {
    const auditPath = join(target.dataDir, 'audit.ndjson');
    // Records are written as each event-loop turn ends: wait for those of the calls above.
    await expect.poll(() => readFileSync(auditPath, 'utf8').split('\n').filter(Boolean).length, { timeout: 10_000 }).toBeGreaterThan(2);
    const text = readFileSync(auditPath, 'utf8');
    const records = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const amara = target.portalPatients.user_amara_okafor as string;
    expect(records.some((record) => JSON.stringify(record).includes(amara))).toBe(true);
    expect(records.every((record) => JSON.stringify(record).includes('user_grace_lin'))).toBe(true);
    for (const forbidden of ['Okafor', 'Amara', 'Penicillin', 'Hypertension', target.apiKey.slice('clk_test_'.length)]) {
      expect({ forbidden, found: text.includes(forbidden) }).toEqual({ forbidden, found: false });
    }
  });
});

describe('the built Storybook', () => {
  it('carries no key-shaped string in any file', () => {
    const out = mkdtempSync(join(tmpdir(), 'storybook-static-'));
    try {
      const storybook = join(REPO_ROOT, 'node_modules', '.bin', 'storybook');
      const result = spawnSync(storybook, ['build', '-o', out, '--quiet'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 });
      expect(result.status, result.stderr).toBe(0);
      expect(filesOf(out).filter(({ path }) => path.endsWith('.js')).length).toBeGreaterThan(20);
      expect(keyShapedIn(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
