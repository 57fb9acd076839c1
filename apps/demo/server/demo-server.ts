/**
 * The demo clinic's server, and the example of how to mount the proxy: your own login decides who is signed in,
 * `clinikProxy` takes it from there. The ClinikAPI key lives only in this process.
 */
import { auditDestination, clinikProxy } from '@clinikapi/proxy';
import express from 'express';
import { createServer } from 'node:http';
import { join } from 'node:path';
import pino from 'pino';
import type { AddressInfo } from 'node:net';
import { mountClientAssets } from './client-assets.ts';
import { assertNotServed } from './data-dir.ts';
import { DEMO_ORGANISATION, registerDemoWebhook, startDemoEmulator } from './demo-emulator.ts';
import { demoUsers } from './demo-users.ts';
import { demoPolicy } from './policy.ts';
import { readSessionMode, type Environment, type SessionMode } from './session-mode.ts';
import { demoSignIn } from './sign-in.ts';

export interface DemoOptions {
  /**
   * Where the emulator's database, the demo's secrets and the audit log live: never under the app's folder or another
   * folder the development server serves (the demo refuses to start with one there).
   */
  readonly dataDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly mode?: 'development' | 'production';
  /** How long a development sign-in lasts (default 8 hours). */
  readonly sessionTtlMs?: number;
  /**
   * The environment the session mode is read from — the development login, Clerk or Auth0. `main.ts` passes
   * `process.env`; without it the demo runs the development login, whatever the shell exports (tests rely on it).
   */
  readonly env?: Environment;
  /**
   * The day the first start seeds the upcoming appointments from (default: today). The end-to-end tests pin it, and
   * the browser's clock with it, so the dates on screen — and the README's screenshots — are the same every run.
   */
  readonly today?: Date;
  /** The API behind the proxy: ClinikAPI (the default) or Cliniko (`npm start -- --api cliniko`, server/cliniko/). */
  readonly api?: 'clinikapi' | 'cliniko';
}

export interface RunningDemo {
  readonly url: string;
  readonly emulatorUrl: string;
  /** True when this start created the demo data. */
  readonly seeded: boolean;
  readonly sessionMode: SessionMode['kind'];
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  if (options.api === 'cliniko') return (await import('./cliniko/cliniko-demo-server.ts')).startClinikoDemo(options);
  const mode = options.mode ?? 'development';
  // Read before anything starts: a half-configured identity provider stops the demo here, naming what is missing.
  const sessionMode = readSessionMode(options.env ?? {});
  assertNotServed(options.dataDir);
  const { running: emulator, secrets, seeded } = await startDemoEmulator(options.dataDir, options.today);

  const app = express();
  app.disable('x-powered-by');
  // Who is signed in: the development login, or Clerk or Auth0 when their variables are set (see sign-in.ts).
  const signIn = await demoSignIn(sessionMode, {
    users: demoUsers(secrets.portalPatients, secrets.practitioners),
    cookieSecret: secrets.cookieSecret,
    secureCookies: mode === 'production',
    sessionTtlMs: options.sessionTtlMs,
    appOrigin: `http://localhost:${options.port ?? 3000}`,
  });
  app.use(signIn.router);

  // One record per call — who, which patient, allowed or not — never what the record says. The proxy's own audit
  // destination: each turn's records in one synchronous write, and stop() writes what is pending before it closes.
  const audit = auditDestination({ dest: join(options.dataDir, 'audit.ndjson'), mkdir: true });

  // The whole integration: everything under /api/clinik goes to ClinikAPI as the signed-in user, with the key
  // attached here, server-side, and only what the user's role allows. `live`: ClinikAPI's webhooks come in at
  // /api/clinik/webhooks/clinikapi, and each browser hears, at /api/clinik/events, of the changes its user may see.
  app.use(
    '/api/clinik',
    clinikProxy({
      apiKey: secrets.apiKey,
      upstream: emulator.url,
      session: signIn.session,
      policy: demoPolicy,
      logger: pino({ name: 'clinikapi-proxy' }, audit),
      live: { webhookSecret: secrets.webhookSecret, tenantId: DEMO_ORGANISATION },
    }),
  );

  const server = createServer(app);
  const closeAssets = await mountClientAssets(app, server, mode);
  const port = await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
  })
    .then(async () => {
      const { port: listening } = server.address() as AddressInfo;
      await registerDemoWebhook(emulator, secrets, `http://127.0.0.1:${listening}/api/clinik`);
      return listening;
    })
    .catch(async (error: unknown) => {
      server.close();
      await closeAssets();
      await emulator.stop();
      throw error;
    });

  return {
    url: `http://localhost:${port}`,
    emulatorUrl: emulator.url,
    seeded,
    sessionMode: sessionMode.kind,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // Vite closes the hot-reload sockets, which the HTTP server waits for.
      await closeAssets();
      await closed;
      await new Promise<void>((resolve) => audit.end(resolve));
      await emulator.stop();
    },
  };
}
