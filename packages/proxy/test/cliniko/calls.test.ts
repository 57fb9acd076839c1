/**
 * Ordinary Cliniko calls through the proxy, against a real Cliniko emulator on shard au4 (a key ending `-au4`, as
 * in the issue): the calls an integrator makes, paging by following the rewritten links to the end, filters,
 * archive and unarchive, cancelling, Cliniko's 429 and its reset time, and two bookings racing for one slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/policy/roles.ts';
import { proxyApp, settled, type ProxyApp } from '../harness.ts';
import {
  MOUNT,
  asUser,
  clinikoUpstream,
  direct,
  headerSession,
  idOfLink,
  startShard,
  type ClinikoList,
  type Shard,
} from './cliniko-harness.ts';

let au4: Shard;
let app: ProxyApp;
let get: ReturnType<typeof asUser>;

beforeAll(async () => {
  // Double bookings refused, so of two racing bookings exactly one can be stored.
  au4 = await startShard('au4', { doubleBooking: 'refuse' });
  app = await proxyApp({
    upstream: clinikoUpstream({ au4: au4.running }),
    apiKey: au4.key,
    session: headerSession({ desk: { id: 'u-desk', roles: ['frontDesk'] } }),
    policy: roles({ frontDesk: ['*:*'] }),
  });
  get = asUser(app, 'desk');
}, 60_000);
afterAll(async () => {
  await app?.close();
  await au4?.running.stop();
});

/** The shard's own address never reaches the browser, in a body or a header. */
async function readThrough(response: Response): Promise<string> {
  const text = await response.text();
  expect(text).not.toContain(au4.running.url);
  expect(text).not.toContain('cliniko.com');
  for (const [, value] of response.headers) expect(value).not.toContain(au4.running.url);
  return text;
}

describe('the calls a Cliniko integrator makes', () => {
  it('answers every one, with every link on the mount', async () => {
    const { seeded } = au4.running;
    const patients = (await direct<ClinikoList<'patients'>>(au4, '/patients?per_page=1')).body.patients;
    const paths = [
      '/individual_appointments',
      '/businesses',
      '/user',
      `/practitioners/${seeded?.practitionerIds[0]}/appointment_types`,
      `/patients/${patients[0]?.id}/appointments`,
      '/patients?q[]=last_name:=Smith',
      '/patients?page=2',
      `/appointment_types/${seeded?.appointmentTypeIds[0]}`,
      '/settings/public',
    ];
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const body = JSON.parse(await readThrough(response)) as { links?: { self?: string } };
      expect(body.links?.self ?? '', path).toMatch(new RegExp(`^${MOUNT}/`));
    }
  });

  it('keeps 18-digit ids exactly (strings end to end)', async () => {
    const { body } = await direct<ClinikoList<'individual_appointments'>>(au4, '/individual_appointments?per_page=100');
    const long = body.individual_appointments.map((appointment) => appointment.id as string).filter((id) => id.length === 18);
    expect(long.length).toBeGreaterThan(0);
    const response = await get(`/individual_appointments/${long[0]}`);
    const text = await readThrough(response);
    expect(text).toContain(`"id":"${long[0]}"`);
  });
});

describe('paging', () => {
  it('follows links.next through the proxy to the last page, seeing every patient once', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${MOUNT}/patients?per_page=50&sort=last_name`;
    let total = 0;
    let pages = 0;
    while (next) {
      expect(next.startsWith(`${MOUNT}/patients?`)).toBe(true);
      const response = await fetch(`${app.url}${next}`, { headers: { 'x-test-user': 'desk' } });
      expect(response.status).toBe(200);
      const page = JSON.parse(await readThrough(response)) as ClinikoList<'patients'>;
      seen.push(...page.patients.map((patient) => patient.id as string));
      total = page.total_entries;
      next = page.links.next;
      pages += 1;
    }
    // 120 seeded, 3 archived: three pages of 50.
    expect(pages).toBe(3);
    expect(seen).toHaveLength(117);
    expect(new Set(seen).size).toBe(117);
    expect(total).toBe(117);
  });

  it('refuses a page size over Cliniko’s 100 before it is sent', async () => {
    expect((await get('/patients?per_page=100')).status).toBe(200);
    const before = au4.served.length;
    const response = await get('/patients?per_page=1000');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'per_page' }] });
    expect(au4.served.length).toBe(before);
  });
});

describe('filters', () => {
  it('passes typed conditions, AND-ed, and Cliniko answers them', async () => {
    const smiths = (await (await get('/patients?q[]=last_name:~smith&per_page=100')).json()) as ClinikoList<'patients'>;
    expect(smiths.patients.length).toBeGreaterThan(2);
    for (const patient of smiths.patients) expect(String(patient.last_name).toLowerCase()).toContain('smith');
    const may = (await (
      await get('/patients?q[]=date_of_birth:=****-05-**&q[]=last_name:~smith&per_page=100')
    ).json()) as ClinikoList<'patients'>;
    for (const patient of may.patients) expect(String(patient.date_of_birth).slice(5, 7)).toBe('05');
    expect(may.total_entries).toBeLessThan(smiths.total_entries);
  });

  it.each([
    ['an unknown field', 'q[]=password:=x'],
    ['an operator its type does not take', 'q[]=last_name:>A'],
    ['a value of another type', 'q[]=id:=abc'],
    ['a condition without an operator', 'q[]=last_name'],
    ['a date that is no date', 'q[]=date_of_birth:=2020-02-30'],
  ])('refuses %s with a 400 naming q[], before anything is sent', async (_name, query) => {
    const before = au4.served.length;
    const response = await get(`/patients?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string; diagnostics: string }[] };
    expect(body.issues[0]?.path).toBe('q[]');
    expect(JSON.stringify(body)).not.toContain('abc');
    expect(au4.served.length).toBe(before);
  });
});

describe('available times', () => {
  const timesOf = () => {
    const { seeded } = au4.running;
    return `/businesses/${seeded?.businessIds[0]}/practitioners/${seeded?.practitionerIds[0]}/appointment_types/${seeded?.appointmentTypeIds[0]}/available_times`;
  };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('refuses a window over 7 days, or without both ends, before it is sent', async () => {
    const before = au4.served.length;
    for (const query of [
      `from=${day(1)}&to=${day(9)}`,
      `from=${day(1)}`,
      `from=${day(3)}&to=${day(1)}`,
      `from=${day(1)}&to=${day(2)}&sort=appointment_start`,
    ]) {
      expect((await get(`${timesOf()}?${query}`)).status, query).toBe(400);
    }
    expect(au4.served.length).toBe(before);
  });

  it('passes Cliniko’s plain-text 400 for a window in the past on as a 400 envelope, not its text', async () => {
    const response = await get(`${timesOf()}?from=${day(-3)}&to=${day(-2)}`);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain('Invalid time frame');
    expect(JSON.parse(text)).toMatchObject({ code: 'BAD_REQUEST', issues: [] });
  });
});

describe('archive, unarchive and cancel', () => {
  it('archives a patient out of the default list and unarchives them back', async () => {
    const created = await get('/patients', { method: 'POST', body: { first_name: 'Archie', last_name: 'Vault' } });
    expect(created.status).toBe(201);
    const patient = (await created.json()) as { id: string };
    expect(created.headers.get('location')).toBe(`${MOUNT}/patients/${patient.id}`);
    const listed = async (query: string) =>
      ((await (await get(`/patients?q[]=id:=${patient.id}${query}`)).json()) as ClinikoList<'patients'>).total_entries;

    const archived = await get(`/patients/${patient.id}/archive`, { method: 'POST' });
    expect(archived.status).toBe(204);
    expect(await listed('')).toBe(0);
    expect(await listed('&q[]=archived_at:*')).toBe(1);
    const archivedList = (await (await get('/patients/archived?per_page=100')).json()) as ClinikoList<'patients'>;
    expect(archivedList.patients.map((entry) => entry.id)).toContain(patient.id);

    const restored = await get(`/patients/${patient.id}/unarchive`, { method: 'POST' });
    expect(restored.status).toBe(200);
    const body = JSON.parse(await readThrough(restored)) as { archived_at: unknown; links: { self: string } };
    expect(body).toMatchObject({ archived_at: null, links: { self: `${MOUNT}/patients/${patient.id}` } });
    expect(await listed('')).toBe(1);
  });

  it('refuses a body on archive, and cancels an appointment with a reason', async () => {
    expect((await get('/patients/1/archive', { method: 'POST', body: { archived: true } })).status).toBe(400);
    const { body } = await direct<ClinikoList<'individual_appointments'>>(au4, '/individual_appointments?per_page=1');
    const id = body.individual_appointments[0]?.id as string;
    expect((await get(`/individual_appointments/${id}/cancel`, { method: 'PATCH', body: {} })).status).toBe(422);
    const cancelled = await get(`/individual_appointments/${id}/cancel`, {
      method: 'PATCH',
      body: { cancellation_reason: 50, cancellation_note: 'Moved away' },
    });
    expect(cancelled.status).toBe(204);
    expect((await direct(au4, `/individual_appointments/${id}`)).body).toMatchObject({
      cancellation_reason: 50,
      cancellation_reason_description: 'Other',
    });
  });
});

describe('Cliniko’s rate limit', () => {
  it('passes a 429 on with Retry-After from X-RateLimit-Reset, and names the shard in the audit record', async () => {
    au4.running.emulator.forceRateLimit(1);
    const before = app.log.records().length;
    const response = await get('/user');
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    // The emulator's window is a minute from the user's first request, its reset a whole second: at most 61 s away.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(61);
    expect(await response.json()).toMatchObject({ code: 'RATE_LIMITED' });
    const [record] = (await settled(app.log, before + 1)).slice(before);
    expect(record).toMatchObject({ upstream: { shard: 'au4', status: 429 }, status: 429 });
    expect((await get('/user')).status).toBe(200);
  });
});

describe('two bookings racing for one slot', () => {
  it('stores exactly one; the other gets Cliniko’s 422 with the field it is about', async () => {
    const { seeded } = au4.running;
    const [business] = seeded?.businessIds ?? [];
    const [practitioner] = seeded?.practitionerIds ?? [];
    const [type] = seeded?.appointmentTypeIds ?? [];
    // From tomorrow in UTC: never before today in Melbourne, where the clinic is.
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const times = await get(
      `/businesses/${business}/practitioners/${practitioner}/appointment_types/${type}/available_times?from=${from}&to=${to}`,
    );
    expect(times.status).toBe(200);
    const slot = ((await times.json()) as ClinikoList<'available_times', { appointment_start: string }>).available_times.at(
      -1,
    )?.appointment_start;
    expect(slot).toBeDefined();
    const patients = (await direct<ClinikoList<'patients'>>(au4, '/patients?per_page=5')).body.patients;

    const attempts = await Promise.all(
      patients.map((patient) =>
        get('/individual_appointments', {
          method: 'POST',
          body: {
            starts_at: slot,
            patient_id: patient.id,
            practitioner_id: practitioner,
            appointment_type_id: type,
            business_id: business,
          },
        }),
      ),
    );
    const statuses = attempts.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 422, 422, 422, 422]);
    const refused = attempts.find((response) => response.status === 422) as Response;
    expect(await refused.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [{ path: 'starts_at', diagnostics: 'starts_at: overlaps another appointment of this practitioner' }],
    });
    const booked = attempts.find((response) => response.status === 201) as Response;
    const appointment = JSON.parse(await readThrough(booked)) as { id: string; patient: { links: { self: string } } };
    expect(booked.headers.get('location')).toBe(`${MOUNT}/individual_appointments/${appointment.id}`);
    expect(appointment.patient.links.self).toMatch(new RegExp(`^${MOUNT}/patients/\\d+$`));
    const stored = await direct<ClinikoList<'individual_appointments'>>(
      au4,
      `/individual_appointments?q[]=starts_at:>=${slot}&q[]=starts_at:<=${slot}&q[]=practitioner_id:=${practitioner}`,
    );
    expect(stored.body.total_entries).toBe(1);
    expect(idOfLink((stored.body.individual_appointments[0] as { patient: { links: { self: string } } }).patient.links.self)).toBe(
      idOfLink(appointment.patient.links.self),
    );
  });
});
