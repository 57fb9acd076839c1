/**
 * Opens the Cliniko store on the emulator's engines: PGlite in a data dir (default), or the PostgreSQL server at a
 * URL. The data dir holds patient data, so it is made private (0700) before the database writes anything in it.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { openPglite } from '../../store/pglite.ts';
import { openPostgres } from '../../store/postgres.ts';
import { createClinikoStore } from '../store/sql-store.ts';
import type { ClinikoStore } from '../store/types.ts';

export interface ClinikoDatabaseLocation {
  /** PGlite data directory; with neither this nor `databaseUrl`, the database lives in memory. */
  readonly dataDir?: string | undefined;
  /** A `postgres://` URL; when set, no data dir is used. Several shards can share one database. */
  readonly databaseUrl?: string | undefined;
}

/** Creates `dir` (and parents) readable by its owner only, and tightens it if it already existed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

export async function openClinikoStore(location: ClinikoDatabaseLocation): Promise<ClinikoStore> {
  if (location.databaseUrl) return createClinikoStore(await openPostgres(location.databaseUrl));
  if (location.dataDir) makePrivateDir(location.dataDir);
  return createClinikoStore(await openPglite(location.dataDir));
}
