/**
 * Every browser test runs Debian's Chromium, never a downloaded one. `CHROME_PATH` overrides the location; without
 * a browser the tests fail with the command that installs it — they are never skipped.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Install it with: sudo apt-get install -y --no-install-recommends chromium ` +
        '(or set CHROME_PATH to a Chromium binary).',
    );
  }
  return path;
}

/** Launch options for playwright; the path is checked by `chromiumPath()` where a browser is actually needed. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[]; headless: true } {
  return { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true };
}

/** Vitest global setup for browser projects: stop at once, with the install command, when Chromium is missing. */
export default function requireChromium(): void {
  chromiumPath();
}
