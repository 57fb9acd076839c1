/**
 * Read-after-write on PGlite, through the whole API: every create, and every update, is read back by id at once and
 * must come back exactly as the write answered. The hosted API promises this; searches there are only eventually
 * consistent, while the emulator's are immediate too — also checked here. Prints counts and latencies.
 */
import { createEmulator } from '../src/emulator.ts';
import { deepEqual } from '../src/resources/json-patch.ts';
import { openPglite } from '../src/store/pglite.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { report, summarise } from './measure.ts';

const ROUNDS = 300;
const emulator = createEmulator({ store: await createSqlStore(await openPglite()) });
await emulator.admin.createOrganisation({ id: 'org_bench', name: 'Bench clinic', plan: 'enterprise' });
const { key } = await emulator.admin.createKey({ organisationId: 'org_bench', environment: 'test' });
const call = async (
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: { id: string; meta: { versionId: string } } & Record<string, unknown> }> => {
  const response = await emulator.fetch(
    new Request(`http://bench.local${path}`, {
      method,
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }),
  );
  return { status: response.status, ...((await response.json()) as { data: { id: string; meta: { versionId: string } } }) };
};

const patient = await call('POST', '/v1/patients', { firstName: 'Read', lastName: 'After-Write' });
const writes: number[] = [];
const reads: number[] = [];
let stale = 0;
let missingFromSearch = 0;
for (let round = 0; round < ROUNDS; round++) {
  let started = performance.now();
  const created = await call('POST', '/v1/observations', {
    patientId: patient.data.id,
    status: 'final',
    code: 'Heart rate',
    valueQuantity: { value: 60 + (round % 40), unit: 'beats/min' },
  });
  writes.push(performance.now() - started);
  started = performance.now();
  const read = await call('GET', `/v1/observations/${created.data.id}`);
  reads.push(performance.now() - started);
  // Deep equality: PostgreSQL's jsonb keeps keys in its own order, which JSON does not give meaning to.
  if (read.status !== 200 || !deepEqual(read.data, created.data)) stale += 1;

  const updated = await call('PATCH', `/v1/observations/${created.data.id}`, { note: `round ${round}` });
  const reread = await call('GET', `/v1/observations/${created.data.id}`);
  if (!deepEqual(reread.data, updated.data)) stale += 1;

  const found = (await call('GET', `/v1/observations?patientId=${patient.data.id}&count=1&sort=-lastUpdated`)).data as unknown as {
    data: { id: string }[];
  };
  if (found.data[0]?.id !== created.data.id) missingFromSearch += 1;
}
report('create (POST /v1/observations)', summarise(writes));
report('read by id straight after the create', summarise(reads));
console.log(`Read-after-write by id: ${ROUNDS * 2 - stale}/${ROUNDS * 2} writes read back exactly as answered (${stale} stale)`);
console.log(
  `Search straight after create: ${ROUNDS - missingFromSearch}/${ROUNDS} found at once (the hosted API only promises this within seconds)`,
);
if (stale > 0) process.exitCode = 1;
