/**
 * Two bookings racing for one slot. As Cliniko does (its maintainers: it "does not enforce double bookings"), the
 * default stores both and `…/conflicts` reports them; with `doubleBooking: 'refuse'` exactly one wins and the others
 * get a 422. The PostgreSQL run of the race is in `postgres.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinikoClient, race, startSeeded, type Seeded } from './helpers.ts';

let allowing: Seeded;
let refusing: Seeded;

beforeAll(async () => {
  [allowing, refusing] = await Promise.all([startSeeded(), startSeeded({ shard: 'au3', behaviour: { doubleBooking: 'refuse' } })]);
}, 90_000);

afterAll(async () => {
  await allowing?.stop();
  await refusing?.stop();
});

const SLOT = '2025-03-13T05:00:00Z'; // Thursday 16:00 in Melbourne: free in the seed

describe('booking one slot twice', () => {
  it('stores both by default, as Cliniko does, and reports the conflict on each', async () => {
    const client = clinikoClient(allowing.baseUrl, allowing.seeded.key);
    const responses = await race(allowing, client, SLOT, 2);
    expect(responses.map((response) => response.status)).toEqual([201, 201]);
    for (const response of responses) {
      const { id } = (await response.json()) as { id: string };
      expect(await client.json(`/individual_appointments/${id}/conflicts`)).toEqual({ conflicts: { exist: true } });
    }
    const target = `/businesses/${allowing.seeded.businessIds[0]}/practitioners/${allowing.seeded.practitionerIds[0]}/appointment_types/${allowing.seeded.appointmentTypeIds[1]}`;
    const times = await client.json<{ available_times: { appointment_start: string }[] }>(
      `${target}/available_times?from=2025-03-13&to=2025-03-13`,
    );
    expect(times.available_times.map((time) => time.appointment_start)).not.toContain(SLOT);
  });

  it('lets exactly one of many racing bookings win when double bookings are refused', async () => {
    const client = clinikoClient(refusing.baseUrl, refusing.seeded.key);
    const responses = await race(refusing, client, SLOT, 8);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(7);
    const loser = responses.find((response) => response.status === 422) as Response;
    expect(await loser.json()).toEqual({
      message: 'Validation Failed',
      errors: { starts_at: 'overlaps another appointment of this practitioner' },
    });
    const winner = (await (responses.find((response) => response.status === 201) as Response).json()) as { id: string };
    expect(await client.json(`/individual_appointments/${winner.id}/conflicts`)).toEqual({ conflicts: { exist: false } });

    // Overlapping without the same start is refused too; another practitioner at that time is not.
    expect((await race(refusing, client, '2025-03-13T05:15:00Z', 1))[0]?.status).toBe(422);
    expect((await race(refusing, client, SLOT, 1, refusing.seeded.practitionerIds[1]))[0]?.status).toBe(201);
    // Once the winner is cancelled the slot can be booked again.
    await client(`/individual_appointments/${winner.id}/cancel`, { method: 'PATCH', body: JSON.stringify({ cancellation_reason: 30 }) });
    expect((await race(refusing, client, SLOT, 1))[0]?.status).toBe(201);
  });

  it('serves no control routes unless asked to', async () => {
    const response = await fetch(`${allowing.url}/__emulator/clock`);
    expect(response.status).toBe(404);
  });
});
