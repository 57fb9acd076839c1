/**
 * `npm start`: the emulator, the demo server and the React app, in one process. Ctrl-C stops all of it.
 * `npm start -- --reset` deletes the demo's data first; `--port` picks another port.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_ROOT } from './client-assets.ts';
import { startDemo } from './demo-server.ts';
import { SessionModeError } from './session-mode.ts';

const startedAt = performance.now();
const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
  },
});

const dataDir = join(DEMO_ROOT, '.data');
if (values.reset) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log('Demo data deleted; starting over.');
}

const SIGN_IN = { development: 'the development login (demo users)', clerk: 'Clerk', auth0: 'Auth0' } as const;

const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development';
const demo = await startDemo({ dataDir, port: Number(values.port), mode, env: process.env }).catch((error: unknown) => {
  // A mis-set environment is the user's to fix: say what to change, without a stack trace.
  if (!(error instanceof SessionModeError)) throw error;
  console.error(`\n  Cannot start the demo: ${error.message}\n`);
  process.exit(1);
});
console.log(
  `\n  Riverside Family Clinic (ClinikAPI demo) is running at ${demo.url}\n` +
    `  ${demo.seeded ? 'Created the demo clinic and its patients' : 'Reusing the data from the last run'} · ` +
    `emulator at ${demo.emulatorUrl} · ready in ${Math.round(performance.now() - startedAt)} ms\n` +
    `  Sign-in: ${SIGN_IN[demo.sessionMode]} · proxy audit records: ${join(dataDir, 'audit.ndjson')}\n` +
    '  Press Ctrl-C to stop.\n',
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void demo.stop().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
