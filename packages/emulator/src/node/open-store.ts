/** Opens the PostgreSQL store the Node emulator runs on: a real server for `databaseUrl`, else PGlite. */
import { createSqlStore } from '../store/sql-store.ts';
import { openPglite } from '../store/pglite.ts';
import { openPostgres } from '../store/postgres.ts';
import type { EmulatorStore } from '../store/types.ts';

export interface StoreLocation {
  /** PGlite data directory; omitted, the database lives in memory for the life of the process. */
  readonly dataDir?: string | undefined;
  /** A `postgres://` URL; when set, the data dir is not used. */
  readonly databaseUrl?: string | undefined;
}

export async function openStore(location: StoreLocation): Promise<EmulatorStore> {
  const client = location.databaseUrl ? await openPostgres(location.databaseUrl) : await openPglite(location.dataDir);
  return createSqlStore(client);
}
