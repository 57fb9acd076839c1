/** The emulator over HTTP on a real PostgreSQL server (`DATABASE_URL`), where writers really run concurrently. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../scripts/test-services/index.ts';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { callerFor, json, newOrganisationKey, type Caller } from './helpers.ts';

let postgres: TestPostgres;
let running: RunningEmulator;
let clinic: Caller;

beforeAll(async () => {
  postgres = await startTestPostgres();
  running = await startEmulator({ databaseUrl: postgres.url });
  clinic = await newOrganisationKey(running, 'org_pg');
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await postgres?.stop();
});

describe('emulator on PostgreSQL', () => {
  it('creates once under a burst of concurrent retries with one Idempotency-Key', async () => {
    const body = JSON.stringify({ firstName: 'Burst', lastName: 'Once' });
    const responses = await Promise.all(
      Array.from({ length: 16 }, () => clinic('/v1/patients', { method: 'POST', headers: { 'idempotency-key': 'pg-burst' }, body })),
    );
    const ids = new Set(await Promise.all(responses.map(async (response) => (await json<{ data: { id: string } }>(response)).data.id)));
    expect(ids.size).toBe(1);
    expect((await json<{ data: { total: number } }>(await clinic('/v1/patients?name=burst'))).data.total).toBe(1);
  });

  it('lets one of many concurrent If-Match writers win', async () => {
    const id = (
      await json<{ data: { id: string } }>(
        await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Race', lastName: 'Pg' }) }),
      )
    ).data.id;
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        clinic(`/v1/patients/${id}`, {
          method: 'PATCH',
          headers: { 'if-match': 'W/"1"' },
          body: JSON.stringify({ phone: `+1 555 01${index}0` }),
        }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
  });

  it('keeps keys and data in the server across emulator restarts', async () => {
    await running.stop();
    running = await startEmulator({ databaseUrl: postgres.url });
    const again = callerFor(running, clinic.key);
    expect((await json<{ data: { total: number } }>(await again('/v1/patients?name=once'))).data.total).toBe(1);
  }, 30_000);
});
