/**
 * The demo clinic's server, and the example of how to mount the proxy: your own login decides who is signed in,
 * `clinikProxy` takes it from there. The ClinikAPI key lives only in this process.
 */
import { clinikProxy } from '@clinikapi/proxy';
import express from 'express';
import { join } from 'node:path';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { mountClientAssets } from './client-assets.ts';
import { startDemoEmulator } from './demo-emulator.ts';
import { demoUsers } from './demo-users.ts';
import { demoPolicy } from './policy.ts';
import { devLogin } from './session.ts';

export interface DemoOptions {
  /** Where the emulator's database and the demo's secrets live. */
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly mode?: 'development' | 'production';
  /** How long a development sign-in lasts (default 8 hours). */
  readonly sessionTtlMs?: number;
}

export interface RunningDemo {
  readonly url: string;
  readonly emulatorUrl: string;
  /** True when this start created the demo data. */
  readonly seeded: boolean;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const mode = options.mode ?? 'development';
  const { running: emulator, secrets, seeded } = await startDemoEmulator(options.dataDir);

  const app = express();
  app.disable('x-powered-by');
  const login = devLogin(demoUsers(secrets.portalPatients, secrets.practitioners), secrets.cookieSecret, {
    secureCookies: mode === 'production',
    sessionTtlMs: options.sessionTtlMs,
  });
  app.use(login.parseCookies);
  app.use('/auth', login.routes);

  // The whole integration: everything under /api/clinik goes to ClinikAPI as the signed-in user, with the key
  // attached here, server-side, and only what the user's role allows.
  app.use(
    '/api/clinik',
    clinikProxy({
      apiKey: secrets.apiKey,
      upstream: emulator.url,
      session: login.currentUser,
      policy: demoPolicy,
      // One record per call — who, which patient, allowed or not — never what the record says.
      logger: pino({ name: 'clinikapi-proxy' }, pino.destination({ dest: join(options.dataDir, 'audit.ndjson'), mkdir: true, sync: false })),
    }),
  );

  const closeAssets = await mountClientAssets(app, mode);

  const server = app.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await closeAssets();
    await emulator.stop();
    throw error;
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    emulatorUrl: emulator.url,
    seeded,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await closeAssets();
      await emulator.stop();
    },
  };
}
