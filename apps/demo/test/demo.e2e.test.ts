/**
 * The walking skeleton as a user runs it: the real demo server (emulator on PGlite, proxy, Vite-served app) driven
 * through Debian's Chromium. Besides the flow, it proves the ClinikAPI key never reaches the browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, chromiumPath } from '../../../scripts/chromium.ts';
import { startDemo, type RunningDemo } from '../server/demo-server.ts';

interface Captured {
  readonly url: string;
  readonly headers: string;
  readonly body: string;
}

let demo: RunningDemo;
let browser: Browser;
let dataDir: string;
let apiKey: string;

beforeAll(async () => {
  chromiumPath();
  dataDir = mkdtempSync(join(tmpdir(), 'clinik-demo-e2e-'));
  demo = await startDemo({ dataDir, port: 0 });
  apiKey = (JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { apiKey: string }).apiKey;
  browser = await chromium.launch(chromiumLaunchOptions());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Records every response the page received in full, headers and body, for the leak scan. Only finished requests
 * count: a long-lived connection (Vite's hot-reload channel) has no body to read.
 */
function captureResponses(page: Page): () => Promise<Captured[]> {
  const pending: Promise<Captured | undefined>[] = [];
  page.on('requestfinished', (request: Request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return undefined;
        return {
          url: response.url(),
          headers: JSON.stringify(await response.allHeaders()),
          body: await response.text().catch(() => ''),
        };
      })(),
    );
  });
  return async () => (await Promise.all(pending)).filter((entry): entry is Captured => entry !== undefined);
}

const rowNames = (page: Page) => page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').allTextContents();

describe('demo clinic, end to end', () => {
  let context: BrowserContext;
  let page: Page;
  let responses: () => Promise<Captured[]>;

  it('signs in, lists and searches the seeded patients, creates one, signs out', async () => {
    context = await browser.newContext();
    page = await context.newPage();
    responses = captureResponses(page);

    await page.goto(demo.url);
    await page.getByRole('button', { name: 'Sign in as Dr. Grace Lin' }).click();

    // PatientList is a virtualised grid: it renders the rows in view, and counts all of them in aria-rowcount.
    const patients = page.getByRole('grid', { name: 'Patients' });
    await patients.getByRole('rowheader', { name: 'Amara Okafor' }).waitFor();
    await expect.poll(() => patients.getAttribute('aria-rowcount')).toBe('21');

    await page.getByRole('searchbox', { name: 'Search patients' }).fill('okaf');
    await expect.poll(() => rowNames(page)).toEqual(['Amara Okafor']);

    await page.getByRole('link', { name: 'New patient' }).click();
    const form = page.getByRole('form', { name: 'New patient' });
    await form.getByRole('button', { name: 'Create patient' }).click();
    // The schema the emulator enforces runs in the browser first: both required names are flagged on their fields.
    await expect.poll(() => form.getByLabel('First name').getAttribute('aria-invalid')).toBe('true');
    await expect(form.getByLabel('Last name').getAttribute('aria-invalid')).resolves.toBe('true');
    await form.getByLabel('First name').fill('Zoe');
    await form.getByLabel('Last name').fill('Quintero');
    await form.getByLabel('Date of birth').fill('1990-01-02');
    await form.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoe Quintero' }).waitFor();

    await page.getByRole('link', { name: '← All patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('quint');
    await expect.poll(() => rowNames(page)).toEqual(['Zoe Quintero']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in as Dr. Grace Lin' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/clinik/patients')).status);
    expect(status).toBe(401);
  });

  it('never lets the key reach the browser: responses, headers, cookies, storage, scripts', async () => {
    const secretPart = apiKey.replace(/^clk_(test|live)_/, '').replace(/-[a-z]{2}\d{1,2}$/, '');
    const captured = await responses();
    expect(captured.length).toBeGreaterThan(10);
    expect(captured.some((response) => response.url.includes('/api/clinik/patients'))).toBe(true);
    expect(captured.some((response) => /\.(tsx?|js)(\?|$)/.test(response.url))).toBe(true);

    const leaks = captured
      .filter((response) => `${response.headers}\n${response.body}`.includes(secretPart))
      .map((response) => response.url);
    expect(leaks).toEqual([]);

    const cookies = JSON.stringify(await context.cookies());
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.textContent ?? '').join('\n'));
    for (const surface of [cookies, storage, scripts]) expect(surface).not.toContain(secretPart);
    await context.close();
  });
});
