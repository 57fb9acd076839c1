/** Embedded PostgreSQL (PGlite, WebAssembly) in an on-disk data dir: the emulator's default database. */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlClient } from './sql-client.ts';

type Queryable = Pick<PGlite, 'query' | 'exec'>;

function wrap(db: Queryable, transaction: SqlClient['transaction'], close: SqlClient['close']): SqlClient {
  return {
    async query<Row extends object>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(text, [...params]);
      return { rows: result.rows };
    },
    async exec(text) {
      await db.exec(text);
    },
    transaction,
    close,
  };
}

/** Opens (creating if needed) a PGlite database; `dataDir` undefined keeps it in memory. */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const client: SqlClient = wrap(
    db,
    (work) =>
      db.transaction((tx) =>
        work(
          wrap(
            tx,
            () => Promise.reject(new Error('Nested transactions are not supported')),
            () => Promise.resolve(),
          ),
        ),
      ),
    () => db.close(),
  );
  return client;
}
