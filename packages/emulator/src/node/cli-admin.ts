/**
 * Which admin the CLI talks to. PGlite is single-process: while a server holds the data dir, the CLI goes through
 * that server's admin API (found in the data dir's `admin.json`); otherwise it takes the lock and opens the
 * database itself. With `DATABASE_URL` any number of processes may share the server, so it connects directly.
 */
import { createAdmin } from '../admin.ts';
import { adminHttpClient, type AdminClient } from '../admin/http-client.ts';
import { readAdminLocation } from './admin-server.ts';
import { dataDirHolder, lockDataDir } from './data-dir-lock.ts';
import { openStore } from './open-store.ts';
import { nodeWebhookTransport } from './webhook-transport.ts';

export interface AdminTarget {
  readonly dataDir: string;
  readonly shard?: string | undefined;
  /** Register webhook endpoints on this machine (used when no server owns the data; a server applies its own rule). */
  readonly allowLoopback?: boolean | undefined;
}

export class CliError extends Error {}

export async function withAdmin<T>(target: AdminTarget, work: (admin: AdminClient) => Promise<T>): Promise<T> {
  const explicitUrl = process.env.CLINIKAPI_ADMIN_URL;
  if (explicitUrl) {
    const token = process.env.CLINIKAPI_ADMIN_TOKEN;
    if (!token) throw new CliError('CLINIKAPI_ADMIN_URL is set; set CLINIKAPI_ADMIN_TOKEN to its admin token too');
    return work(adminHttpClient(explicitUrl, token));
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const holder = dataDirHolder(target.dataDir);
    if (holder !== undefined) {
      const location = readAdminLocation(target.dataDir);
      if (!location || location.pid !== holder) {
        throw new CliError(
          `The data dir ${target.dataDir} is in use by process ${holder}, which serves no admin API; stop it or start it with the CLI`,
        );
      }
      return work(adminHttpClient(location.url, location.token));
    }
  }
  const release = databaseUrl ? () => undefined : lockDataDir(target.dataDir);
  const store = await openStore({ dataDir: target.dataDir, databaseUrl });
  try {
    return await work(
      createAdmin(store, Date.now, target.shard, { allowLoopback: target.allowLoopback ?? false, resolve: nodeWebhookTransport().resolve }),
    );
  } finally {
    await store.close();
    release();
  }
}
