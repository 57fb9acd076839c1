/** Opens the PostgreSQL store the Node emulator runs on: a real server for `databaseUrl`, else PGlite. */
import { createSqlStore } from '../store/sql-store.ts';
import { openPglite } from '../store/pglite.ts';
import { openPostgres } from '../store/postgres.ts';
import type { EmulatorStore } from '../store/types.ts';
import { createPrivateDir, makeTreePrivate } from './private-dir.ts';

export interface StoreLocation {
  /**
   * PGlite data directory, created if missing; it and everything in it are made readable by the owner only (folders
   * 0700, files 0600). Omitted, the database lives in memory for the life of the process.
   */
  readonly dataDir?: string | undefined;
  /** A `postgres://` URL; when set, the data dir is not used. */
  readonly databaseUrl?: string | undefined;
}

export async function openStore(location: StoreLocation): Promise<EmulatorStore> {
  if (location.databaseUrl) return createSqlStore(await openPostgres(location.databaseUrl));
  const { dataDir } = location;
  if (!dataDir) return createSqlStore(await openPglite());
  createPrivateDir(dataDir);
  const client = await openPglite(dataDir);
  makeTreePrivate(dataDir);
  return createSqlStore(client);
}
