/**
 * The demo on Cliniko (`npm start -- --api cliniko`): the same server, sign-in and app as the ClinikAPI demo, with
 * the proxy mounted on Cliniko's API (`upstreams.cliniko()`) at `/api/cliniko` and a shard of the Cliniko emulator
 * behind it. The key, and the shard's address, live only in this process: every link Cliniko answers with is
 * rewritten by the proxy onto `/api/cliniko`.
 */
import { auditDestination, clinikProxy, upstreams } from '@clinikapi/proxy';
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import { mountClientAssets } from '../client-assets.ts';
import { assertNotServed } from '../data-dir.ts';
import type { DemoOptions, RunningDemo } from '../demo-server.ts';
import { demoUsers } from '../demo-users.ts';
import { publicSessionConfig, readSessionMode } from '../session-mode.ts';
import { demoSignIn } from '../sign-in.ts';
import { CLINIKO_SHARD, CLINIKO_USER_AGENT, startDemoCliniko } from './cliniko-emulator.ts';
import { clinikoDemoPolicy } from './cliniko-policy.ts';

/** Where the browser reaches Cliniko: the proxy's mount. */
export const CLINIKO_MOUNT = '/api/cliniko';

export async function startClinikoDemo(options: DemoOptions): Promise<RunningDemo> {
  const mode = options.mode ?? 'development';
  const sessionMode = readSessionMode(options.env ?? {});
  assertNotServed(options.dataDir);
  const { running: emulator, secrets, seeded } = await startDemoCliniko(options.dataDir);

  const app = express();
  app.disable('x-powered-by');
  // The app asks which API it runs on together with which sign-in: the same answer, plus `api`.
  app.get('/auth/config', (_req, res) => {
    res.json({ data: { ...publicSessionConfig(sessionMode), api: 'cliniko' } });
  });
  const signIn = await demoSignIn(sessionMode, {
    users: demoUsers(secrets.portalPatients, secrets.practitioners),
    cookieSecret: secrets.cookieSecret,
    secureCookies: mode === 'production',
    sessionTtlMs: options.sessionTtlMs,
    appOrigin: `http://localhost:${options.port ?? 3000}`,
  });
  app.use(signIn.router);

  const audit = auditDestination({ dest: join(options.dataDir, 'audit.ndjson'), mkdir: true });
  // The whole integration: Cliniko's API as the signed-in user may use it, the key attached here, server-side.
  app.use(
    CLINIKO_MOUNT,
    clinikProxy({
      apiKey: secrets.apiKey,
      upstream: upstreams.cliniko({
        userAgent: CLINIKO_USER_AGENT,
        shards: [CLINIKO_SHARD],
        defaultShard: CLINIKO_SHARD,
        shardUrl: () => emulator.url,
      }),
      session: signIn.session,
      policy: clinikoDemoPolicy,
      logger: pino({ name: 'clinikapi-proxy' }, audit),
    }),
  );

  const server = createServer(app);
  const closeAssets = await mountClientAssets(app, server, mode);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
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
    sessionMode: sessionMode.kind,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closeAssets();
      await closed;
      await new Promise<void>((resolve) => audit.end(resolve));
      await emulator.stop();
    },
  };
}
