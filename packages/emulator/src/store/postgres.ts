/** A real PostgreSQL server through node-postgres, used when `DATABASE_URL` is set. */
import pg from 'pg';
import type { SqlClient } from './sql-client.ts';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

function queries(db: Queryable): Pick<SqlClient, 'query' | 'exec'> {
  return {
    async query<Row extends object>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row & pg.QueryResultRow>(text, [...params]);
      return { rows: result.rows };
    },
    async exec(text) {
      await db.query(text);
    },
  };
}

export async function openPostgres(connectionString: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start-up with the driver's message rather than on the first request.
  await pool.query('select 1');
  return {
    ...queries(pool),
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const result = await work({
          ...queries(connection),
          transaction: () => Promise.reject(new Error('Nested transactions are not supported')),
          close: () => Promise.resolve(),
        });
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback');
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
