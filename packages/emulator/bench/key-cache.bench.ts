/**
 * A cached key check: what every authenticated request pays once its key is in the 60-second cache — reading the
 * header, checking the key's format, hashing it (SHA-256) and the cache lookup. Target p50 ≤ 0.05 ms.
 */
import { authenticate } from '../src/auth/authenticate.ts';
import { createKeyCache } from '../src/auth/key-cache.ts';
import { createEmulator } from '../src/emulator.ts';
import { createMemoryStore } from '../src/store/memory.ts';
import { report, summarise } from './measure.ts';

const store = createMemoryStore();
const emulator = createEmulator({ store });
await emulator.admin.createOrganisation({ id: 'org_bench', name: 'Bench clinic', plan: 'pro' });
const { key } = await emulator.admin.createKey({ organisationId: 'org_bench', environment: 'live' });
const keys = createKeyCache(store, Date.now);
const options = { keys, now: Date.now };
const headers = new Headers({ 'x-api-key': key });
const basic = new Headers({ authorization: `Basic ${btoa(`${key}:`)}` });

// Warm the cache (one database lookup), then time single checks.
for (let index = 0; index < 2000; index++) await authenticate(headers, options);

const RUNS = 100_000;
for (const [label, presented] of [
  ['cached key check (x-api-key)', headers],
  ['cached key check (Basic auth)', basic],
] as const) {
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await authenticate(presented, options);
    samples.push(performance.now() - started);
  }
  report(label, summarise(samples), { p50: 0.05 });
}
