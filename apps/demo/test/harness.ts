/**
 * What every end-to-end test file needs: the real demo server (emulator on PGlite, proxy, app), Debian's Chromium,
 * a record of every response for the key-leak scan, axe run inside the page, and screenshots for the README.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromiumLaunchOptions, chromiumPath } from '../../../scripts/chromium.ts';
import { startDemo, type DemoOptions, type RunningDemo } from '../server/demo-server.ts';
import { samePicture } from './same-picture.ts';

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Captured {
  readonly url: string;
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

export interface DemoUnderTest {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** The demo's data directory: emulator database, secrets, the proxy's audit log. */
  readonly dataDir: string;
  /** The demo's ClinikAPI key (its Cliniko key with `api: 'cliniko'`), to prove it never reaches the browser. */
  readonly apiKey: string;
  /** Portal account → Patient id. */
  readonly portalPatients: Readonly<Record<string, string>>;
  /** The day the demo was seeded from and its browsers' clocks stand at, when the test pinned one. */
  readonly today: Date | undefined;
  stop(): Promise<void>;
}

export async function startDemoUnderTest(options: Partial<DemoOptions> = {}): Promise<DemoUnderTest> {
  chromiumPath();
  const dataDir = mkdtempSync(join(tmpdir(), 'clinik-demo-e2e-'));
  const demo = await startDemo({ dataDir, port: 0, ...options });
  const secrets = JSON.parse(readFileSync(join(dataDir, options.api === 'cliniko' ? 'cliniko-secrets.json' : 'secrets.json'), 'utf8')) as {
    apiKey: string;
    portalPatients: Record<string, string>;
  };
  const browser = await chromium.launch(chromiumLaunchOptions());
  return {
    demo,
    browser,
    dataDir,
    apiKey: secrets.apiKey,
    portalPatients: secrets.portalPatients,
    today: options.today,
    async stop() {
      await browser.close();
      await demo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every response received in full so far. */
  responses(): Promise<Captured[]>;
  /** Uncaught page errors and console errors, which a test expects to be none. */
  readonly errors: string[];
}

export async function openSession(target: DemoUnderTest): Promise<Session> {
  const context = await target.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...(target.today ? { timezoneId: 'UTC', locale: 'en-US' } : {}),
  });
  // A pinned day stands still in the page (timers keep running): a form's "now", an age, "tomorrow" read the same in
  // every run, so a screenshot changes only when the picture does.
  if (target.today) await context.clock.setFixedTime(target.today);
  const page = await context.newPage();
  const pending: Promise<Captured | undefined>[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Only requests that finished have a body to read; Vite's hot-reload channel never does.
  page.on('requestfinished', (request: Request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return undefined;
        return {
          url: response.url(),
          status: response.status(),
          headers: JSON.stringify(await response.allHeaders()),
          body: await response.text().catch(() => ''),
        };
      })(),
    );
  });
  await page.goto(target.demo.url);
  return {
    context,
    page,
    errors,
    responses: async () => (await Promise.all(pending)).filter((entry): entry is Captured => entry !== undefined),
  };
}

/** What `withDemoSession` hands its callback once the demo and the browser session are up. */
export interface StartedDemo {
  readonly target: DemoUnderTest;
  readonly session: Session;
  readonly page: Page;
}

/**
 * The demo and one browser session for a test file: started before its tests (`options` may be a function, for
 * work that must come first, such as a build or a fake identity provider), handed to `ready`, and closed and stopped
 * after them — also when starting failed half way.
 */
export function withDemoSession(
  options: Partial<DemoOptions> | (() => Promise<Partial<DemoOptions>>),
  ready: (started: StartedDemo) => void,
  timeoutMs = 120_000,
): void {
  let target: DemoUnderTest | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    target = await startDemoUnderTest(typeof options === 'function' ? await options() : options);
    session = await openSession(target);
    ready({ target, session, page: session.page });
  }, timeoutMs);
  afterAll(async () => {
    await session?.context.close();
    await target?.stop();
  });
}

export async function signIn(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Runs axe (WCAG 2.1 A and AA, in the real browser, so colour contrast included) on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${where}`).toEqual([]);
}

/**
 * The day the screenshot-taking tests pin (`withDemoSession({ today: SCREENSHOT_DAY })`): a Monday soon after the
 * emulator's demo records, which are dated January 2025.
 */
export const SCREENSHOT_DAY = new Date('2025-02-03T08:30:00Z');

/** A screenshot for the README, written where the docs link to it — only when the picture changed (`same-picture.ts`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // The pointer off the page's content, and the frame that shows it drawn: left where the last click was, it hovers
  // whatever the page moved under it — a chart then shows its tooltip or not depending on when Chromium noticed.
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // Transitions finished and the caret hidden: a picture taken mid-fade differs from the last run's by the fade.
  const taken = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  const browser = page.context().browser();
  if (existsSync(path) && browser && (await samePicture(browser, readFileSync(path), taken))) return;
  writeFileSync(path, taken);
}

/** Every key-shaped string in `text`: what a leaked ClinikAPI key looks like, whoever's it is. */
export const KEY_SHAPED = /clk_(?:test|live)_[A-Za-z0-9]{16,}/g;

/** Fails with the URLs of every response whose headers or body contain the key (or its secret part). */
export function expectNoKeyIn(captured: readonly Captured[], apiKey: string): void {
  const secret = apiKey.replace(/^clk_(test|live)_/, '').replace(/-[a-z]{2}\d{1,2}$/, '');
  expect(captured.length).toBeGreaterThan(0);
  expect(captured.filter((response) => `${response.headers}\n${response.body}`.includes(secret)).map((response) => response.url)).toEqual(
    [],
  );
}

/** Books the first free time `daysAhead` days from the page's today in its AppointmentScheduler, and waits for it. */
export async function bookFirstFreeSlot(page: Page, daysAhead: number): Promise<void> {
  const form = page.getByRole('form', { name: 'Book an appointment' });
  const now = await page.evaluate(() => Date.now());
  await form.getByLabel(/^Date/).fill(new Date(now + daysAhead * 86_400_000).toISOString().slice(0, 10));
  const times = form.getByRole('radiogroup', { name: /^Time/ });
  await times.getByRole('radio').first().waitFor();
  await times.locator('input[type=radio]:not([disabled])').first().check();
  await form.getByRole('button', { name: 'Book appointment' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: /^Booked for/ })
    .waitFor();
}

/** Calls the proxy from inside the page, as a curious or malicious user could, and returns status and body. */
export async function callFromPage(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(`/api/clinik/${path}`, {
        method: init.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(init.method && init.method !== 'GET' ? { 'x-csrf': '1' } : {}),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      return { status: response.status, body: (await response.text()) || '' };
    },
    { path, init },
  );
}
