/**
 * Serves the admin API on its own port, always on 127.0.0.1, and (with a data dir) leaves `admin.json` — its URL
 * and token, readable by the owner only — so the CLI on the same machine can reach it while PGlite is held here.
 */
import { createAdaptorServer } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { EmulatorAdmin } from '../admin.ts';
import { createAdminApi } from '../admin/http-api.ts';

export const ADMIN_FILE = 'admin.json';

export interface AdminServerOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  /** Defaults to `CLINIKAPI_ADMIN_TOKEN`, else a random one. */
  readonly token?: string;
}

export interface RunningAdminServer {
  readonly url: string;
  readonly token: string;
  stop(): Promise<void>;
}

export interface AdminLocation {
  readonly url: string;
  readonly token: string;
  readonly pid: number;
}

export async function startAdminServer(
  admin: EmulatorAdmin,
  options: AdminServerOptions,
  dataDir: string | undefined,
): Promise<RunningAdminServer> {
  const token = options.token ?? process.env.CLINIKAPI_ADMIN_TOKEN ?? randomBytes(32).toString('base64url');
  const server = createAdaptorServer({ fetch: createAdminApi(admin, token).fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, whatever host the API listens on: the admin API hands out keys.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = dataDir ? join(dataDir, ADMIN_FILE) : undefined;
  if (file) writeFileSync(file, `${JSON.stringify({ url, token, pid: process.pid } satisfies AdminLocation)}\n`, { mode: 0o600 });
  return {
    url,
    token,
    async stop() {
      if (file) rmSync(file, { force: true });
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Where the admin API of the server holding `dataDir` listens, if it left its file. */
export function readAdminLocation(dataDir: string): AdminLocation | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, ADMIN_FILE), 'utf8')) as AdminLocation;
  } catch {
    return undefined;
  }
}
