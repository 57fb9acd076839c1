/**
 * `npm start`: the emulator, the demo server and the React app, in one process. Ctrl-C stops all of it.
 * `npm start -- --reset` deletes the demo's data first; `--port` picks another port; `--data-dir` (or
 * `CLINIKAPI_DEMO_DATA_DIR`) another place for the data; `--api cliniko` runs the demo on Cliniko's API (a shard of
 * the Cliniko emulator) instead of ClinikAPI's.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirError, defaultDataDir, LEGACY_DATA_DIR } from './data-dir.ts';
import { startDemo } from './demo-server.ts';
import { SessionModeError } from './session-mode.ts';

const startedAt = performance.now();
const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string' },
    api: { type: 'string', default: 'clinikapi' },
  },
});
if (values.api !== 'clinikapi' && values.api !== 'cliniko') {
  console.error(`\n  Cannot start the demo: --api is clinikapi (the default) or cliniko.\n`);
  process.exit(1);
}
const api = values.api;

const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir();
if (values.reset) {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(LEGACY_DATA_DIR, { recursive: true, force: true });
  console.log('Demo data deleted; starting over.');
}

const SIGN_IN = { development: 'the development login (demo users)', clerk: 'Clerk', auth0: 'Auth0' } as const;

const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development';
const demo = await startDemo({ dataDir, port: Number(values.port), mode, env: process.env, api }).catch((error: unknown) => {
  // A mis-set environment or data dir is the user's to fix: say what to change, without a stack trace.
  if (!(error instanceof SessionModeError || error instanceof DataDirError)) throw error;
  console.error(`\n  Cannot start the demo: ${error.message}\n`);
  process.exit(1);
});
console.log(
  `\n  ${api === 'cliniko' ? 'Harbourside Allied Health (Cliniko demo)' : 'Riverside Family Clinic (ClinikAPI demo)'} is running at ${demo.url}\n` +
    `  ${demo.seeded ? 'Created the demo clinic and its patients' : 'Reusing the data from the last run'} · ` +
    `emulator at ${demo.emulatorUrl} · ready in ${Math.round(performance.now() - startedAt)} ms\n` +
    `  Sign-in: ${SIGN_IN[demo.sessionMode]} · data, API key and proxy audit records in ${dataDir}\n` +
    '  Press Ctrl-C to stop.\n',
);
if (existsSync(LEGACY_DATA_DIR)) {
  // Earlier versions kept the data inside the app's folder. Nothing serves it any more, but it holds an API key.
  console.log(`  ${LEGACY_DATA_DIR} holds an earlier version's data and API key and is no longer used: delete it (--reset does).\n`);
}

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void demo.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
