/** The store contract on the memory store (the browser build). */
import { createMemoryStore } from '../src/store/memory.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('memory', async () => createMemoryStore());
