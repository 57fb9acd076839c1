/**
 * Measures what a newcomer waits for: from `npm start` to the first paint of the patient list in Chromium
 * (signing in as the first demo user on the way). `--reset` measures a cold start, as after a fresh install: no demo
 * data (the emulator creates and seeds it) and no Vite dependency cache (Vite pre-bundles the app's dependencies).
 *
 *   npm run measure:start [-- --reset]
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath } from '../../../scripts/chromium.ts';

chromiumPath();
const reset = process.argv.includes('--reset');
if (reset) rmSync(new URL('../node_modules/.vite', import.meta.url), { recursive: true, force: true });
const port = String(3300 + Math.floor(Math.random() * 500));
const started = performance.now();
const server = spawn('npm', ['start', '--silent', '--', '--port', port, ...(reset ? ['--reset'] : [])], {
  cwd: new URL('../../..', import.meta.url).pathname,
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});

const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /running at (http:\/\/\S+)/.exec(output);
    if (match?.[1]) resolve(match[1]);
  });
  server.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
});
const serverReady = performance.now();

const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.goto(url);
await page
  .getByRole('button', { name: /^Sign in as / })
  .first()
  .click();
await page.getByRole('grid', { name: 'Patients' }).getByRole('rowheader').first().waitFor();
// The row is in the DOM; wait for the frame that shows it.
await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
const listPainted = performance.now();
await browser.close();
process.kill(-(server.pid as number), 'SIGINT');

console.log(
  `${reset ? 'cold' : 'warm'} npm start: server ready ${Math.round(serverReady - started)} ms, ` +
    `patient list painted ${Math.round(listPainted - started)} ms`,
);
