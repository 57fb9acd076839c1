/** The store contract on a real PostgreSQL server (a private one from Debian's binaries, or DATABASE_URL's). */
import { startTestPostgres } from '../../../scripts/test-services/index.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { openPostgres } from '../src/store/postgres.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('PostgreSQL', async () => {
  const server = await startTestPostgres();
  const store = await createSqlStore(await openPostgres(server.url));
  return Object.assign(store, { dispose: () => server.stop() });
});
