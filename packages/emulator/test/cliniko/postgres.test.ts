/**
 * The Cliniko emulator on a real PostgreSQL server (`DATABASE_URL`), where requests really run concurrently: two
 * shards share one database without seeing each other's keys or data, a booking race has exactly one winner, and
 * everything survives a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../../scripts/test-services/index.ts';
import { startClinikoEmulator } from '../../src/cliniko/node/server.ts';
import { basic, clinikoClient, PINNED_NOW, race, startSeeded, USER_AGENT, type Seeded } from './helpers.ts';

let postgres: TestPostgres;
let au2: Seeded;
let uk1: Seeded;

beforeAll(async () => {
  postgres = await startTestPostgres();
  au2 = await startSeeded({ shard: 'au2', databaseUrl: postgres.url, behaviour: { doubleBooking: 'refuse' } });
  uk1 = await startSeeded({ shard: 'uk1', databaseUrl: postgres.url });
}, 90_000);

afterAll(async () => {
  await au2?.stop();
  await uk1?.stop();
  await postgres?.stop();
});

describe('Cliniko emulator on PostgreSQL', () => {
  it('keeps two shards in one database apart: keys and records', async () => {
    const refusal = await fetch(`${au2.baseUrl}/user`, { headers: { authorization: basic(uk1.seeded.key), 'user-agent': USER_AGENT } });
    expect([refusal.status, await refusal.text()]).toEqual([401, 'HTTP Basic: Access denied.\n']);
    const created = await clinikoClient(uk1.baseUrl, uk1.seeded.key).json<{ id: string }>('/patients', {
      method: 'POST',
      body: JSON.stringify({ first_name: 'Only', last_name: 'InLondon' }),
    });
    expect((await clinikoClient(au2.baseUrl, au2.seeded.key)(`/patients/${created.id}`)).status).toBe(404);
    const accounts = await Promise.all([au2.emulator.admin.listAccounts(), uk1.emulator.admin.listAccounts()]);
    expect(accounts.map((list) => list.map((account) => account.shard))).toEqual([['au2'], ['uk1']]);
    const uk1Account = accounts[1][0];
    expect(uk1Account?.timeZone).toBe('Europe/London');
  });

  it('lets exactly one of many concurrent bookings of one slot win', async () => {
    const client = clinikoClient(au2.baseUrl, au2.seeded.key);
    const statuses = (await race(au2, client, '2025-03-13T04:00:00Z', 10)).map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(9);
  });

  it('keeps keys and data across a restart', async () => {
    await au2.stop();
    const again = await startClinikoEmulator({ shard: 'au2', databaseUrl: postgres.url, now: () => PINNED_NOW });
    try {
      const page = await clinikoClient(again.baseUrl, au2.seeded.key).json<{ total_entries: number }>('/patients?q[]=archived_at:*');
      expect(page.total_entries).toBe(120);
    } finally {
      await again.stop();
    }
  }, 30_000);
});
