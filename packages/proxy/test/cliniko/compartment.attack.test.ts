/**
 * Attack suite, the patient compartment on Cliniko, against a real emulator. A patient user (their Cliniko patient
 * id on the session) is granted everything, so the compartment alone stands between them and the clinic: they use
 * the booking flow on their own records; another patient's records are unreachable by every carried route — every
 * route with a patient's record or a patient in its path, generated from core's route table, each tried on their own
 * record (it works) and on another's (the same 404 as a record that does not exist, and nothing changes) — and by
 * every form of list filter and write body that could name someone else.
 */
import { CLINIKO_ROUTES, findClinikoResource, type ClinikoRoute } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientCompartment } from '../../src/policy/patient-compartment.ts';
import { allOf } from '../../src/policy/policy.ts';
import { grants, roles } from '../../src/policy/roles.ts';
import { proxyApp, type ProxyApp } from '../harness.ts';
import { asUser, clinikoUpstream, direct, headerSession, idOfLink, startShard, type ClinikoList, type Shard } from './cliniko-harness.ts';

let shard: Shard;
let app: ProxyApp;
let me: string;
let other: string;
let asPatient: ReturnType<typeof asUser>;
const MISSING = '999999999';

/** A future weekday morning no seeded appointment uses, one hour further on each call. */
let hour = 0;
const nextStart = () => new Date(Date.UTC(2031, 5, 2, 0, 0) + (hour += 1) * 3_600_000).toISOString().replace('.000Z', 'Z');

async function makeAppointment(patient: string): Promise<string> {
  const { seeded } = shard.running;
  const { status, body } = await direct<{ id: string }>(shard, '/individual_appointments', {
    method: 'POST',
    body: JSON.stringify({
      starts_at: nextStart(),
      patient_id: patient,
      practitioner_id: seeded?.practitionerIds[0],
      appointment_type_id: seeded?.appointmentTypeIds[0],
      business_id: seeded?.businessIds[0],
    }),
  });
  expect(status).toBe(201);
  return body.id;
}

async function makeAlert(patient: string): Promise<string> {
  const { body } = await direct<{ id: string }>(shard, '/medical_alerts', {
    method: 'POST',
    body: JSON.stringify({ name: 'Test alert', patient_id: patient }),
  });
  return body.id;
}

beforeAll(async () => {
  shard = await startShard('au1');
  const patients = (await direct<ClinikoList<'patients'>>(shard, '/patients?per_page=2&sort=id')).body.patients;
  [me, other] = patients.map((patient) => patient.id as string) as [string, string];
  for (const patient of [me, other]) {
    await makeAppointment(patient);
    await makeAlert(patient);
  }
  app = await proxyApp({
    upstream: clinikoUpstream({ au1: shard.running }),
    apiKey: shard.key,
    session: headerSession({
      patient: { id: 'u-patient', roles: ['patient'], clinikoPatientId: me },
      stranger: { id: 'u-x', roles: ['patient'] },
    }),
    policy: roles({
      patient: allOf(
        grants(['*:*']),
        patientCompartment({
          patientId: (user) => user.clinikoPatientId as string,
          shared: ['businesses', 'practitioners', 'appointment_types'],
        }),
      ),
    }),
  });
  asPatient = asUser(app, 'patient');
}, 60_000);
afterAll(async () => {
  await app?.close();
  await shard?.running.stop();
});

/** The patient each record of a Cliniko answer belongs to. */
const ownersOf = (records: readonly Record<string, unknown>[]) =>
  new Set(records.map((record) => idOfLink((record.patient as { links: { self: string } }).links.self)));
/** An error envelope without its request id: two 404s that say the same must be equal. */
const sameAnswer = async (response: Response) => ({
  status: response.status,
  body: { ...((await response.json()) as object), requestId: undefined },
});

describe('a patient’s own booking flow', () => {
  it('reads their record, their lists (confined to them), the shared catalogue and available times', async () => {
    expect((await asPatient(`/patients/${me}`)).status).toBe(200);
    for (const path of [
      '/individual_appointments',
      '/appointments',
      '/medical_alerts',
      `/patients/${me}/appointments`,
      `/patients/${me}/medical_alerts`,
    ]) {
      const response = await asPatient(`${path}${path.includes('?') ? '&' : '?'}per_page=100`);
      expect(response.status, path).toBe(200);
      const key = path.split('/').at(-1) as string;
      const list = (await response.json()) as Record<string, Record<string, unknown>[]>;
      expect(list[key]?.length, path).toBeGreaterThan(0);
      expect([...ownersOf(list[key] ?? [])], path).toEqual([me]);
    }
    const { seeded } = shard.running;
    expect((await asPatient('/businesses')).status).toBe(200);
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const times = `/businesses/${seeded?.businessIds[0]}/practitioners/${seeded?.practitionerIds[0]}/appointment_types/${seeded?.appointmentTypeIds[0]}`;
    expect((await asPatient(`${times}/available_times?from=${from}&to=${from}`)).status).toBe(200);
    expect((await asPatient(`${times}/next_available_time`)).status).toBe(200);
    for (const unshared of ['/users', '/user', '/settings/public']) expect((await asPatient(unshared)).status, unshared).toBe(403);
  });

  it('books for themselves and cancels their own booking', async () => {
    const { seeded } = shard.running;
    const booking = {
      starts_at: nextStart(),
      practitioner_id: seeded?.practitionerIds[0],
      appointment_type_id: seeded?.appointmentTypeIds[0],
      business_id: seeded?.businessIds[0],
    };
    const booked = await asPatient('/individual_appointments', { method: 'POST', body: { ...booking, patient_id: me } });
    expect(booked.status).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    expect((await asPatient(`/individual_appointments/${id}/cancel`, { method: 'PATCH', body: { cancellation_reason: 10 } })).status).toBe(
      204,
    );
    expect((await direct<{ cancellation_reason: number }>(shard, `/individual_appointments/${id}`)).body.cancellation_reason).toBe(10);
  });

  it('is refused everything without a patient id on the session', async () => {
    expect((await asUser(app, 'stranger')(`/patients/${me}`)).status).toBe(403);
  });
});

/** A carried route as a path, its ids those of `patient`'s records (or the ones made for it). */
interface RouteCase {
  readonly route: ClinikoRoute;
  /** The path and body for the patient `whose`; a write gets a record of its own, made first. */
  make(whose: string): Promise<{ path: string; body?: unknown; record?: string }>;
}

const BODIES: Readonly<Record<string, unknown>> = {
  'PATCH /patients/{id}': { notes: 'Changed' },
  'PATCH /medical_alerts/{id}': { name: 'Changed' },
  'PATCH /individual_appointments/{id}': { notes: 'Changed' },
  'PATCH /individual_appointments/{id}/cancel': { cancellation_reason: 50 },
};

/** Every route with a patient's record, or a patient, in its path. */
const PATIENT_ROUTES: readonly RouteCase[] = CLINIKO_ROUTES.filter(
  (route) =>
    route.path.includes('{patient_id}') || (route.path.includes('{id}') && findClinikoResource(route.resource)?.patientLink !== null),
).map((route) => ({
  route,
  async make(whose) {
    const definition = findClinikoResource(route.resource);
    let record: string | undefined;
    if (route.path.includes('{id}')) {
      if (definition?.patientLink === 'self') record = whose;
      else if (route.resource === 'medical_alerts') record = await makeAlert(whose);
      else record = await makeAppointment(whose);
    }
    const path = route.path.replace('{id}', record ?? '').replace('{patient_id}', whose);
    const body = BODIES[`${route.method} ${route.path}`];
    return { path, ...(body === undefined ? {} : { body }), ...(record === undefined ? {} : { record }) };
  },
}));

/** What the upstream holds of `patient`: their record, appointments and alerts, as staff see them. */
async function stateOf(patient: string): Promise<string> {
  const parts = await Promise.all([
    direct(shard, `/patients/${patient}`),
    direct(shard, `/individual_appointments?q[]=patient_id:=${patient}&q[]=archived_at:*&q[]=cancelled_at:*&per_page=100`),
    direct(shard, `/medical_alerts?q[]=patient_id:=${patient}&q[]=archived_at:*&per_page=100`),
  ]);
  return JSON.stringify(parts.map((part) => part.body));
}

describe('another patient’s records, by every route', () => {
  it('covers every route that names a patient or a patient’s record', () => {
    expect(PATIENT_ROUTES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(PATIENT_ROUTES.map((entry) => [`${entry.route.method} ${entry.route.path}`, entry] as const))(
    '%s',
    async (_name, { route, make }) => {
      const own = await make(me);
      const mine = await asPatient(own.path, { method: route.method, body: own.body });
      expect(mine.status, 'on their own record').toBeLessThan(300);

      const theirs = await make(other);
      const before = await stateOf(other);
      const attempt = await asPatient(theirs.path, { method: route.method, body: theirs.body });
      const missing = await asPatient(theirs.path.replace(theirs.record ?? other, MISSING), { method: route.method, body: theirs.body });
      // The same 404 as a record that does not exist: no oracle for who has which appointment.
      expect(await sameAnswer(attempt)).toEqual(await sameAnswer(missing));
      expect(attempt.status).toBe(404);
      expect(await stateOf(other)).toBe(before);
    },
  );
});

describe('another patient’s records, by list filters', () => {
  const lists = ['/individual_appointments', '/individual_appointments/cancelled', '/appointments', '/medical_alerts'];
  const filters = (them: string) => [
    `patient_id:=${them}`,
    `patient_id:=${me},${them}`,
    `patient_id:!=${me}`,
    'patient_id:?',
    'patient_id:!?',
    `patient_id:>${me}`,
    'patient_id:>=0',
  ];

  it.each(lists)('%s: a filter on anyone but them is the 404, and a list is confined to them', async (path) => {
    for (const filter of filters(other)) {
      const response = await asPatient(`${path}?q[]=${filter}`);
      expect(response.status, filter).toBe(404);
    }
    for (const query of ['', `?q[]=patient_id:=${me}`, '?q=id:>0', '?q[]=created_at:>=2000-01-01T00:00:00Z&per_page=100']) {
      const response = await asPatient(`${path}${query}`);
      expect(response.status, query).toBe(200);
      const list = (await response.json()) as Record<string, Record<string, unknown>[]> & { links: { self: string } };
      const records = list[path.split('/')[1] as string] ?? [];
      for (const owner of ownersOf(records)) expect(owner, `${path}${query}`).toBe(me);
      expect(decodeURIComponent(list.links.self)).toContain(`q[]=patient_id:=${me}`);
    }
  });

  it('confines the lists under a practitioner and a business to them too', async () => {
    const { seeded } = shard.running;
    for (const path of [
      `/practitioners/${seeded?.practitionerIds[0]}/appointments`,
      `/businesses/${seeded?.businessIds[0]}/appointments`,
    ]) {
      const response = await asPatient(`${path}?per_page=100`);
      expect(response.status, path).toBe(200);
      const records = ((await response.json()) as ClinikoList<'appointments'>).appointments;
      expect([...ownersOf(records)], path).toEqual([me]);
    }
  });
});

describe('another patient, named in a write body', () => {
  const booking = () => {
    const { seeded } = shard.running;
    return {
      starts_at: nextStart(),
      practitioner_id: seeded?.practitionerIds[0],
      appointment_type_id: seeded?.appointmentTypeIds[0],
      business_id: seeded?.businessIds[0],
    };
  };
  const forms = (them: string): [string, Record<string, unknown>][] => [
    ['their id', { patient_id: them }],
    ['their id as a number', { patient_id: Number(them) }],
    ['their id with a leading zero', { patient_id: `0${them}` }],
    ['their id with a space', { patient_id: ` ${them}` }],
    ['no patient at all', {}],
    ['a null patient', { patient_id: null }],
    ['their id wrapped as Rails wraps parameters', { patient_id: me, individual_appointment: { patient_id: them } }],
    ['their id in a list', { patient_id: me, patient_ids: [them] }],
  ];

  it.each(forms('OTHER').map(([name]) => name))('refuses a booking with %s, and books nothing', async (name) => {
    const [, body] = forms(other).find(([form]) => form === name) as [string, Record<string, unknown>];
    const before = await stateOf(other);
    const response = await asPatient('/individual_appointments', { method: 'POST', body: { ...booking(), ...body } });
    expect(response.status).toBe(403);
    expect(await stateOf(other)).toBe(before);
    // The same booking for themselves goes through: the refusal is about the patient, not the booking.
    expect((await asPatient('/individual_appointments', { method: 'POST', body: { ...booking(), patient_id: me } })).status).toBe(201);
  });

  it('refuses moving their own appointment, or an alert, to another patient', async () => {
    const mine = await makeAppointment(me);
    expect((await asPatient(`/individual_appointments/${mine}`, { method: 'PATCH', body: { patient_id: other } })).status).toBe(403);
    expect(
      (await direct<{ patient: { links: { self: string } } }>(shard, `/individual_appointments/${mine}`)).body.patient.links.self,
    ).toMatch(new RegExp(`/patients/${me}$`));
    expect((await asPatient('/medical_alerts', { method: 'POST', body: { name: 'x', patient_id: other } })).status).toBe(403);
    expect((await asPatient('/medical_alerts', { method: 'POST', body: { name: 'x', patient_id: me } })).status).toBe(201);
  });
});
