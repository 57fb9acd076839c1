/** Serves an emulator over HTTP on Node. */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from '../emulator.ts';
import { startAdminServer, type AdminServerOptions, type RunningAdminServer } from './admin-server.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openStore, type StoreLocation } from './open-store.ts';
import { nodeWebhookTransport } from './webhook-transport.ts';

export interface StartEmulatorOptions extends StoreLocation {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to 127.0.0.1: the emulator is for this machine only. */
  readonly host?: string;
  readonly shard?: string;
  readonly now?: () => number;
  /** Also serve the admin API (on 127.0.0.1, with its own token). */
  readonly admin?: AdminServerOptions;
  /**
   * Webhooks: `allowLoopback` lets endpoints on this machine register and receive (local development, tests);
   * `autoDeliver: false` sends only on `emulator.webhooks.deliverDue()`. Deliveries go out over Node's network.
   */
  readonly webhooks?: { readonly allowLoopback?: boolean; readonly autoDeliver?: boolean };
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  /** The admin API, when started with `admin`. */
  readonly admin?: { readonly url: string; readonly token: string };
  stop(): Promise<void>;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const release = options.dataDir && !options.databaseUrl ? lockDataDir(options.dataDir) : () => undefined;
  let emulator: Emulator;
  try {
    emulator = createEmulator({
      store: await openStore(options),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.now ? { now: options.now } : {}),
      webhooks: { ...options.webhooks, transport: nodeWebhookTransport() },
    });
  } catch (error) {
    release();
    throw error;
  }
  // Plain HTTP/1.1: the adaptor only returns an HTTP/2 server when asked to create one.
  const server = createAdaptorServer({ fetch: emulator.fetch, autoCleanupIncoming: true }) as Server;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let adminServer: RunningAdminServer | undefined;
  if (options.admin) {
    try {
      adminServer = await startAdminServer(emulator.admin, options.admin, options.databaseUrl ? undefined : options.dataDir);
    } catch (error) {
      server.close();
      await emulator.close();
      release();
      throw error;
    }
  }
  return {
    url: `http://${host}:${port}`,
    port,
    emulator,
    ...(adminServer ? { admin: { url: adminServer.url, token: adminServer.token } } : {}),
    async stop() {
      await adminServer?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await emulator.close();
      release();
    },
  };
}
