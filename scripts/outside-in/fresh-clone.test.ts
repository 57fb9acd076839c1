/**
 * A newcomer's first minutes: clone the repository into an empty folder, type the README's "Try it" commands exactly
 * (the quick start, then the production build), and open the page in Chromium each time. Nothing from this working copy comes along — no `node_modules`, no `dist`, no demo
 * data — only npm's download cache, which a user has too. `OUTSIDE_IN_REVISION` clones another commit (default HEAD).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, chromiumPath } from '../chromium.ts';
import { blocksUnder } from './markdown.ts';
import { mustSh, sh, startLongRunning, userEnv, type LongRunning } from './shell.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const REVISION = process.env.OUTSIDE_IN_REVISION ?? 'HEAD';
/** Install, first start and a cold Vite pre-bundle on a busy two-core machine. */
const START_TIMEOUT_MS = 360_000;

describe('a fresh clone, with the README quick start typed as written', () => {
  let folder = '';
  let clone = '';
  let started = 0;
  let production = '';
  let demo: LongRunning | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    chromiumPath();
    const [quickStartBlock, productionBlock] = blocksUnder('README.md', readFileSync(join(ROOT, 'README.md'), 'utf8'), 'Try it', 'sh', 2);
    const quickStart = quickStartBlock?.body.trim() ?? '';
    production = productionBlock?.body.trim() ?? '';
    folder = mkdtempSync(join(tmpdir(), 'clinik-fresh-clone-'));
    clone = join(folder, 'clinikapi');
    const commit = (await mustSh(`git rev-parse --verify ${REVISION}^{commit}`, { cwd: ROOT, env: process.env })).output.trim();
    await mustSh(`git clone --quiet --no-checkout "${ROOT}" clinikapi && git -C clinikapi checkout --quiet ${commit}`, { cwd: folder });
    started = performance.now();
    // PORT=0: the README's port 3000 may be taken on a shared machine; the server prints the address it got. The
    // demo's data goes in this run's temporary folder, not the user's state folder, so nothing outlives the test.
    demo = await startLongRunning(quickStart, {
      cwd: clone,
      env: userEnv({ PORT: '0', CLINIKAPI_DEMO_DATA_DIR: join(folder, 'demo-data') }),
      ready: /running at (http:\/\/\S+)/,
      timeoutMs: START_TIMEOUT_MS,
    });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(demo.ready);
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('renders the sign-in screen: no bundler overlay, no page error, no console error', async () => {
    const overlay = page.locator('vite-error-overlay');
    await page
      .getByRole('button', { name: /^Sign in as / })
      .first()
      .or(overlay)
      .waitFor({ timeout: 60_000 });
    const overlayText =
      (await overlay.count()) > 0
        ? await overlay.evaluate((element) => element.shadowRoot?.querySelector('.message')?.textContent ?? 'an error')
        : '';
    expect(overlayText, 'Vite error overlay').toBe('');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('signs in and shows the patient list', async () => {
    await page
      .getByRole('button', { name: /^Sign in as / })
      .first()
      .click();
    const rows = page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader');
    await rows.first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    console.log(`fresh clone: \`npm install && npm start\` to the patient list in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(await rows.count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('runs the emulator README’s CLI in the clone, with no build step', async () => {
    const data = join(folder, 'emulator-data');
    const cli = `npx clinikapi-emulator keys create --org org_fresh --env test --plan pro --data-dir "${data}"`;
    const created = await sh(cli, { cwd: clone });
    expect(created.code, created.output).toBe(0);
    expect(created.stdout.trim()).toMatch(/^clk_test_\S+$/);
  });

  it(
    'serves the production build with the README’s command',
    async () => {
      await demo?.stop();
      demo = await startLongRunning(production, {
        cwd: clone,
        env: userEnv({ PORT: '0', CLINIKAPI_DEMO_DATA_DIR: join(folder, 'demo-data') }),
        ready: /running at (http:\/\/\S+)/,
        timeoutMs: START_TIMEOUT_MS,
      });
      const fresh = await (browser as Browser).newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      fresh.on('pageerror', (error) => errors.push(String(error)));
      fresh.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
      });
      await fresh.goto(demo.ready);
      expect(await fresh.locator('script[src*="/@vite/client"]').count(), 'a production page, not the dev server').toBe(0);
      await fresh
        .getByRole('button', { name: /^Sign in as / })
        .first()
        .click({ timeout: 60_000 });
      await fresh.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first().waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
    },
    START_TIMEOUT_MS,
  );

  it('leaves the clone as git checked it out: nothing it wrote is tracked or unignored', async () => {
    const status = await mustSh('git status --porcelain', { cwd: clone });
    expect(status.output.trim(), 'files changed or created in the clone').toBe('');
  });
});
