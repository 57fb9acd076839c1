/**
 * Where the demo keeps its data — the emulator's database, the API key and cookie secret, the audit log — and the
 * rule that it is never anywhere the development server could serve from.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { APP_SOURCE_DIRS, DEMO_ROOT, REPO_ROOT } from './served-sources.ts';

/** The environment variable that moves the demo's data (`--data-dir` does the same). */
export const DATA_DIR_VARIABLE = 'CLINIKAPI_DEMO_DATA_DIR';

/** Where versions before this one kept the data: inside the app's folder, which the development server served. */
export const LEGACY_DATA_DIR = join(DEMO_ROOT, '.data');

/** A data dir the demo refuses to use; the message says why and what to do. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** The user's folder for application state: XDG's state dir on Linux, Application Support on macOS, LocalAppData on Windows. */
function userStateDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
}

/**
 * The demo's data dir: `CLINIKAPI_DEMO_DATA_DIR` when set, else a folder of this checkout's own under the user's
 * state dir (two clones of the repo do not share, or reset, each other's data).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[DATA_DIR_VARIABLE];
  if (chosen) return resolve(chosen);
  const checkout = `${basename(REPO_ROOT)}-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 8)}`;
  return join(userStateDir(env), 'clinikapi-demo', checkout);
}

function isWithin(path: string, dir: string): boolean {
  const within = relative(dir, path);
  return within === '' || (!within.startsWith('..') && !isAbsolute(within));
}

/** Refuses a data dir that Vite's root or one of the folders it may serve contains. */
export function assertNotServed(dataDir: string): void {
  const dir = resolve(dataDir);
  const served = [DEMO_ROOT, ...APP_SOURCE_DIRS].find((folder) => isWithin(dir, folder));
  if (served) {
    throw new DataDirError(
      `The data dir ${dir} is inside ${served}, which the development server serves files from. ` +
        `Pick a folder outside it with --data-dir or ${DATA_DIR_VARIABLE}.`,
    );
  }
}

/** Creates `dir` (and missing parents) readable by its owner only, and makes an existing one so. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
