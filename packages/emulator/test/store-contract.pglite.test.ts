/** The store contract on embedded PGlite (the emulator's default database). */
import { createSqlStore } from '../src/store/sql-store.ts';
import { openPglite } from '../src/store/pglite.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('PGlite', async () => createSqlStore(await openPglite()));
