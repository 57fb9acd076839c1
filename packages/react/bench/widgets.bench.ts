/**
 * `npm run bench -- react`: issue 7's numbers, measured in Debian's Chromium (scripts/chromium.ts) on production
 * builds of two small pages (Vite, React in production mode):
 *
 * - PatientList with 10,000 patients loaded: first render (commit, and to the next paint) — target ≤ 50 ms — and the
 *   row elements in the DOM — target ≤ 100 — plus how fast it follows scroll jumps and the keyboard;
 * - PatientDashboard's time to content against the in-browser emulator, for a patient with a full record.
 *
 * Figures are medians over repeated runs in one browser, printed beside their targets; nothing here fails on a
 * number (the machine is shared, and speed is read, not asserted).
 */
import react from '@vitejs/plugin-react';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumLaunchOptions, chromiumPath } from '../../../scripts/chromium.ts';
import { sourceResolution } from '../../../scripts/source-conditions.ts';

interface Summary {
  readonly runs: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

const pagesDir = join(import.meta.dirname, 'pages');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

async function buildPages(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: pagesDir,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    ...sourceResolution,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2023',
      rolldownOptions: { input: { list: join(pagesDir, 'patient-list.html'), dashboard: join(pagesDir, 'dashboard.html') } },
    },
  });
}

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(root, path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} ms`);
const line = (name: string, summary: Summary, target?: number) =>
  `  ${name.padEnd(44)} median ${ms(summary.median).padStart(9)}  p95 ${ms(summary.p95).padStart(9)}  min ${ms(summary.min).padStart(9)}  (${summary.runs} runs)` +
  (target === undefined ? '' : `  target ≤ ${target} ms ${summary.median <= target ? '✓' : '✗'}`);

async function main(): Promise<void> {
  chromiumPath();
  const outDir = mkdtempSync(join(tmpdir(), 'clinik-react-bench-'));
  const { server, origin } = await (async () => {
    const started = performance.now();
    await buildPages(outDir);
    console.log(`Built the bench pages (production React) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return serve(outDir);
  })();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const measure = async <T>(page: string): Promise<T> => {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      tab.on('pageerror', (error) => console.error(`${page}: ${error.message}`));
      await tab.goto(`${origin}/${page}`);
      await tab.waitForFunction(() => typeof window.runBench === 'function');
      const result = (await tab.evaluate(() => (window.runBench as () => Promise<unknown>)())) as T;
      await tab.close();
      return result;
    };

    const list = await measure<{
      patients: number;
      status: string;
      firstRenderCommit: Summary;
      firstRenderToPaint: Summary;
      rowElements: number;
      rowElementsWhileScrolling: number;
      domNodes: number;
      scrollJumpToRows: Summary;
      arrowKeyToFocus: Summary;
      endKeyToFocus: number;
      homeKeyToFocus: number;
    }>('patient-list.html');
    console.log(`\nPatientList, ${list.patients.toLocaleString('en')} patients loaded ("${list.status}")`);
    console.log(line('first render (render → commit)', list.firstRenderCommit, 50));
    console.log(line('first render (render → next paint)', list.firstRenderToPaint, 50));
    console.log(
      `  ${'row elements in the DOM after first render'.padEnd(44)} ${list.rowElements}  target ≤ 100 ${list.rowElements <= 100 ? '✓' : '✗'}`,
    );
    console.log(
      `  ${'row elements, most while scrolling/keys'.padEnd(44)} ${list.rowElementsWhileScrolling}  target ≤ 100 ${list.rowElementsWhileScrolling <= 100 ? '✓' : '✗'}`,
    );
    console.log(line('scroll jump → target row rendered', list.scrollJumpToRows));
    console.log(line('ArrowDown → next row focused', list.arrowKeyToFocus));
    console.log(`  ${'End (row 10,000) / Home → focused'.padEnd(44)} ${ms(list.endKeyToFocus)} / ${ms(list.homeKeyToFocus)}`);

    const dashboard = await measure<{
      requestsPerDashboard: number;
      emulatorRequest: Summary;
      timeToHeader: Summary;
      timeToContent: Summary;
      firstRun: { toHeader: number; toContent: number };
    }>('dashboard.html');
    console.log('\nPatientDashboard against the in-browser emulator (a patient with 35 linked records across 8 kinds)');
    console.log(line('render → patient header', dashboard.timeToHeader));
    console.log(line('render → every section has content', dashboard.timeToContent));
    console.log(
      `  ${'first run (cold) header / content'.padEnd(44)} ${ms(dashboard.firstRun.toHeader)} / ${ms(dashboard.firstRun.toContent)}`,
    );
    console.log(`  ${'requests per dashboard'.padEnd(44)} ${dashboard.requestsPerDashboard}`);
    console.log(line('the emulator answering that request', dashboard.emulatorRequest));
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
