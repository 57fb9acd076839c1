/** The slice of a PostgreSQL driver the SQL store needs, so PGlite and node-postgres run the very same SQL. */
export interface SqlClient {
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs several statements (migrations); no parameters. */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction on one connection, committing if it resolves and rolling back if it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
