/** Serves one shard's Cliniko emulator over HTTP on Node: `startClinikoEmulator({ shard, port, dataDir | databaseUrl })`. */
import { createAdaptorServer } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ADMIN_FILE, type AdminLocation } from '../../node/admin-server.ts';
import { lockDataDir } from '../../node/data-dir-lock.ts';
import { createClinikoAdminApi } from './admin-api.ts';
import { createClinikoEmulator, type ClinikoEmulator, type ClinikoEmulatorOptions } from '../emulator.ts';
import type { ClinikoSeedSummary } from '../seed/clinic.ts';
import { makePrivateDir, openClinikoStore, type ClinikoDatabaseLocation } from './database.ts';

export interface StartClinikoEmulatorOptions extends ClinikoDatabaseLocation, Omit<ClinikoEmulatorOptions, 'store'> {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to 127.0.0.1: the emulator is for this machine only. */
  readonly host?: string;
  /** Also serve the admin API on 127.0.0.1 (port 0 picks one); the CLI finds it through `<dataDir>/admin.json`. */
  readonly admin?: { readonly port?: number; readonly token?: string };
  /** Load the demo clinic into a new account and make a key for its administrator (returned, never printed). */
  readonly seed?: boolean;
}

export interface RunningClinikoEmulator {
  /** E.g. `http://127.0.0.1:4020`. */
  readonly url: string;
  /** `url` + `/v1`: where Cliniko's paths start. */
  readonly baseUrl: string;
  readonly port: number;
  readonly shard: string;
  readonly emulator: ClinikoEmulator;
  /** With `seed: true`: the clinic, and a key of its administrator (with its `-shard` suffix). */
  readonly seeded?: ClinikoSeedSummary & { readonly key: string };
  readonly admin?: { readonly url: string; readonly token: string };
  /** Stops the servers and closes the database; calling it again waits for the same stop. */
  stop(): Promise<void>;
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export async function startClinikoEmulator(options: StartClinikoEmulatorOptions): Promise<RunningClinikoEmulator> {
  const { dataDir, databaseUrl } = options;
  if (dataDir && !databaseUrl) makePrivateDir(dataDir);
  const release = dataDir && !databaseUrl ? lockDataDir(dataDir) : () => undefined;
  const servers: Server[] = [];
  let emulator: ClinikoEmulator | undefined;
  let adminFile: string | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (adminFile) rmSync(adminFile, { force: true });
      for (const server of servers) await close(server);
      await emulator?.close();
      release();
    })());
  try {
    emulator = createClinikoEmulator({ ...options, store: await openClinikoStore({ dataDir, databaseUrl }) });
    const api = createAdaptorServer({ fetch: emulator.fetch, autoCleanupIncoming: true }) as Server;
    servers.push(api);
    const host = options.host ?? '127.0.0.1';
    const port = await listen(api, options.port ?? 0, host);
    let admin: RunningClinikoEmulator['admin'];
    if (options.admin) {
      const token = options.admin.token ?? process.env.CLINIKAPI_ADMIN_TOKEN ?? randomBytes(32).toString('base64url');
      const adminServer = createAdaptorServer({ fetch: createClinikoAdminApi(emulator.admin, token).fetch }) as Server;
      servers.push(adminServer);
      // Loopback only, whatever host the API listens on: the admin API hands out keys.
      admin = { url: `http://127.0.0.1:${await listen(adminServer, options.admin.port ?? 0, '127.0.0.1')}`, token };
      if (dataDir && !databaseUrl) {
        adminFile = join(dataDir, ADMIN_FILE);
        writeFileSync(adminFile, `${JSON.stringify({ ...admin, pid: process.pid } satisfies AdminLocation)}\n`, { mode: 0o600 });
      }
    }
    let seeded: RunningClinikoEmulator['seeded'];
    if (options.seed) {
      const summary = await emulator.admin.seed();
      seeded = { ...summary, key: (await emulator.admin.createKey({ userId: summary.userIds.administrator })).key };
    }
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url,
      baseUrl: `${url}/v1`,
      port,
      shard: emulator.shard,
      emulator,
      ...(seeded ? { seeded } : {}),
      ...(admin ? { admin } : {}),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
