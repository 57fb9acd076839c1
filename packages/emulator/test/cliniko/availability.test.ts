/**
 * `available_times` and `next_available_time` over HTTP, on the seeded clinic at a pinned "now" (Thursday
 * 6 March 2025, 09:00 in Melbourne): around existing, cancelled and archived appointments, an unavailable block,
 * bookings made and cancelled, the business's time zone, the online-booking rules, and the documented 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinikoClient, PINNED_NOW, startSeeded, testClock, type ClinikoClient, type Seeded } from './helpers.ts';

const clock = testClock();
let running: Seeded;
let client: ClinikoClient;
let fitzroy: string, carlton: string, amelia: string, liam: string, priya: string, initial: string, standard: string, massage: string;

beforeAll(async () => {
  running = await startSeeded({ now: clock.now });
  client = clinikoClient(running.baseUrl, running.seeded.key);
  [fitzroy, carlton] = running.seeded.businessIds as [string, string];
  [amelia, liam, priya] = running.seeded.practitionerIds as [string, string, string];
  [initial, standard, massage] = running.seeded.appointmentTypeIds as [string, string, string];
}, 60_000);

afterAll(() => running?.stop());

const path = (business: string, practitioner: string, type: string) =>
  `/businesses/${business}/practitioners/${practitioner}/appointment_types/${type}`;

async function times(query: string, target = path(fitzroy, amelia, standard)): Promise<string[]> {
  const page = await client.json<{ available_times: { appointment_start: string }[]; total_entries: number }>(
    `${target}/available_times?per_page=100&${query}`,
  );
  expect(page.total_entries).toBe(page.available_times.length);
  return page.available_times.map((time) => time.appointment_start);
}

/** The UTC start of a Melbourne wall-clock time in March 2025 (UTC+11). */
const melbourne = (date: string, hhmm: string): string =>
  new Date(Date.parse(`${date}T${hhmm}:00+11:00`)).toISOString().replace('.000Z', 'Z');

describe('available_times', () => {
  it('offers the practitioner’s windows in the business’s zone, in time order, as UTC', async () => {
    const today = await times('from=2025-03-06&to=2025-03-06');
    const expected = [
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ];
    expect(today).toEqual(expected.map((hhmm) => melbourne('2025-03-06', hhmm)));
    // Saturday: Amelia works at Carlton (hidden from online bookings), not Fitzroy; Sunday: nowhere.
    expect(await times('from=2025-03-08&to=2025-03-09')).toEqual([]);
    const sorted = await times('from=2025-03-06&to=2025-03-13&sort=appointment_start:desc');
    expect(sorted).toEqual([...sorted].sort());
  });

  it('leaves out booked and blocked time, but not time freed by a cancelled or archived appointment', async () => {
    // Seeded: Fri 09:00 initial (60 min) and 14:30, a cancelled 11:00; Mon an archived 11:00; Tue an overlapping
    // 10:00/10:15 pair; Wed an 11:00–12:00 unavailable block.
    const friday = await times('from=2025-03-07&to=2025-03-07');
    expect(friday).not.toContain(melbourne('2025-03-07', '09:00'));
    expect(friday).not.toContain(melbourne('2025-03-07', '09:30'));
    expect(friday).not.toContain(melbourne('2025-03-07', '14:30'));
    expect(friday).toContain(melbourne('2025-03-07', '10:00'));
    expect(friday).toContain(melbourne('2025-03-07', '11:00'));
    expect(await times('from=2025-03-10&to=2025-03-10')).toContain(melbourne('2025-03-10', '11:00'));
    const tuesday = await times('from=2025-03-11&to=2025-03-11');
    expect(['10:00', '10:30'].map((hhmm) => tuesday.includes(melbourne('2025-03-11', hhmm)))).toEqual([false, false]);
    expect(tuesday).toContain(melbourne('2025-03-11', '11:00'));
    const wednesday = await times('from=2025-03-12&to=2025-03-12');
    expect(['10:30', '11:00', '11:30', '12:00'].map((hhmm) => wednesday.includes(melbourne('2025-03-12', hhmm)))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('takes a booked slot away and gives it back when the booking is cancelled', async () => {
    const slot = melbourne('2025-03-13', '15:00');
    expect(await times('from=2025-03-13&to=2025-03-13')).toContain(slot);
    const patient = (await client.json<{ patients: { id: string }[] }>('/patients?per_page=1')).patients[0] as { id: string };
    const booked = await client('/individual_appointments', {
      method: 'POST',
      body: JSON.stringify({
        starts_at: slot,
        patient_id: patient.id,
        practitioner_id: amelia,
        appointment_type_id: standard,
        business_id: fitzroy,
      }),
    });
    const { id } = (await booked.json()) as { id: string };
    expect(await times('from=2025-03-13&to=2025-03-13')).not.toContain(slot);
    // The 60-minute type also loses 14:00 (its end would run into the booking).
    expect(await times('from=2025-03-13&to=2025-03-13', path(fitzroy, amelia, initial))).not.toContain(melbourne('2025-03-13', '14:00'));
    await client(`/individual_appointments/${id}/cancel`, { method: 'PATCH', body: JSON.stringify({ cancellation_reason: 10 }) });
    expect(await times('from=2025-03-13&to=2025-03-13')).toContain(slot);
  });

  it('offers nothing for a hidden business, a hidden practitioner, a hidden type, or an inactive practitioner', async () => {
    const window = 'from=2025-03-06&to=2025-03-13';
    expect(await times(window, path(carlton, amelia, standard))).toEqual([]);
    expect(await times(window, path(fitzroy, liam, standard))).toEqual([]);
    expect(await times(window, path(fitzroy, liam, massage))).toEqual([]);
    expect(await times(window, path(carlton, priya, standard))).toEqual([]);
  });

  it('counts days in the business’s own time zone', async () => {
    const { admin } = running.emulator;
    const accountId = running.seeded.accountId;
    // A London business: at the pinned now (22:00 UTC on 5 March) it is still the 5th there, the 6th in Melbourne.
    const london = await admin.addRecord(accountId, 'businesses', {
      business_name: 'Soho Rehab',
      show_in_online_bookings: true,
      time_zone_identifier: 'Europe/London',
    });
    const practitioner = await admin.addRecord(accountId, 'practitioners', {
      user_id: running.seeded.userIds.administrator,
      first_name: 'Ola',
      last_name: 'Berg',
      show_in_online_bookings: true,
      active: true,
      business_ids: [london.id],
    });
    const type = await admin.addRecord(accountId, 'appointment_types', {
      name: 'Review',
      duration_in_minutes: 30,
      show_in_online_bookings: true,
      practitioner_ids: [practitioner.id],
    });
    for (const day_of_week of [3, 4]) {
      await admin.addRecord(accountId, 'daily_availabilities', {
        business_id: london.id,
        practitioner_id: practitioner.id,
        day_of_week,
        availabilities: [{ starts_at: '22:00', ends_at: '23:00' }],
      });
    }
    const target = path(london.id, practitioner.id, type.id);
    expect(await times('from=2025-03-05&to=2025-03-06', target)).toEqual([
      '2025-03-05T22:00:00Z',
      '2025-03-05T22:30:00Z',
      '2025-03-06T22:00:00Z',
      '2025-03-06T22:30:00Z',
    ]);
    const tooEarly = await client(`${path(fitzroy, amelia, standard)}/available_times?from=2025-03-05&to=2025-03-06`);
    expect(tooEarly.status).toBe(400);
  });

  it.each([
    ['no from', 'to=2025-03-07'],
    ['no to', 'from=2025-03-07'],
    ['a date-time instead of a date', 'from=2025-03-07T00:00:00Z&to=2025-03-08'],
    ['to before from', 'from=2025-03-08&to=2025-03-07'],
    ['more than 7 days apart', 'from=2025-03-07&to=2025-03-15'],
    ['from before today', 'from=2025-03-05&to=2025-03-07'],
  ])('answers %s with the documented 400 text', async (_label, query) => {
    const response = await client(`${path(fitzroy, amelia, standard)}/available_times?${query}`);
    expect([response.status, await response.text()]).toEqual([
      400,
      'Invalid time frame definition. Please check from/to param limitations.',
    ]);
  });

  it('accepts a window exactly 7 days apart, and pages it with links', async () => {
    const page = await client.json<{ available_times: unknown[]; total_entries: number; links: { next?: string } }>(
      `${path(fitzroy, amelia, standard)}/available_times?from=2025-03-06&to=2025-03-13&per_page=10`,
    );
    expect(page.available_times).toHaveLength(10);
    expect(page.total_entries).toBeGreaterThan(50);
    expect(page.links.next).toBe(
      `${running.baseUrl}${path(fitzroy, amelia, standard)}/available_times?from=2025-03-06&to=2025-03-13&per_page=10&page=2`,
    );
  });

  it('honours the appointment type’s lead time', async () => {
    await client(`/appointment_types/${standard}`, { method: 'PATCH', body: JSON.stringify({ online_bookings_lead_time_hours: 2 }) });
    try {
      expect((await times('from=2025-03-06&to=2025-03-06'))[0]).toBe(melbourne('2025-03-06', '11:00'));
    } finally {
      await client(`/appointment_types/${standard}`, { method: 'PATCH', body: JSON.stringify({ online_bookings_lead_time_hours: 0 }) });
    }
  });

  it('honours the account’s limit of appointments per day segment', async () => {
    const { admin } = running.emulator;
    const account = await admin.createAccount({ name: 'Quiet Clinic', settings: { max_appointments_per_day_segment: 1 } });
    const quiet = await admin.seed({ accountId: account.id });
    const quietClient = clinikoClient(running.baseUrl, (await admin.createKey({ userId: quiet.userIds.administrator })).key);
    const [business, practitioner, type] = [quiet.businessIds[0], quiet.practitionerIds[0], quiet.appointmentTypeIds[1]] as [
      string,
      string,
      string,
    ];
    const page = await quietClient.json<{ available_times: { appointment_start: string }[] }>(
      `${path(business, practitioner, type)}/available_times?from=2025-03-06&to=2025-03-07`,
    );
    const starts = page.available_times.map((time) => time.appointment_start);
    // Thursday has no appointments yet; Friday's 09:00 fills the morning and its 14:30 the afternoon.
    expect(starts.filter((start) => start < melbourne('2025-03-07', '00:00'))).toHaveLength(14);
    expect(starts.filter((start) => start >= melbourne('2025-03-07', '00:00'))).toEqual([]);
  });
});

describe('next_available_time', () => {
  it('answers the first free start from now, or within from/to', async () => {
    expect(await client.json(`${path(fitzroy, amelia, standard)}/next_available_time`)).toEqual({
      appointment_start: melbourne('2025-03-06', '09:00'),
      links: { self: `${running.baseUrl}${path(fitzroy, amelia, standard)}/next_available_time` },
    });
    clock.set(PINNED_NOW + 4 * 3_600_000 + 60_000); // 13:01: the next window opens at 14:00
    try {
      expect(await client.json(`${path(fitzroy, amelia, standard)}/next_available_time`)).toMatchObject({
        appointment_start: melbourne('2025-03-06', '14:00'),
      });
    } finally {
      clock.set(PINNED_NOW);
    }
    // Monday's 09:00–10:00 is booked.
    const monday = await client.json(`${path(fitzroy, amelia, standard)}/next_available_time?from=2025-03-10&to=2025-03-10`);
    expect(monday).toMatchObject({ appointment_start: melbourne('2025-03-10', '10:00') });
  });

  it('answers without appointment_start when nothing is free', async () => {
    const body = await client.json<Record<string, unknown>>(`${path(fitzroy, liam, standard)}/next_available_time`);
    expect(body).toEqual({ links: { self: `${running.baseUrl}${path(fitzroy, liam, standard)}/next_available_time` } });
  });
});
