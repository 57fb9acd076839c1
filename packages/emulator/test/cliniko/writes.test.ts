/**
 * Writes as Cliniko answers them: 201 with the object and its Location, 422 with Cliniko's body (typographic
 * apostrophe included), PUT and PATCH, archive/unarchive, cancel, conflicts, and the read paths the flows use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basic,
  clinikoClient,
  idOfLink,
  startSeeded,
  testClock,
  USER_AGENT,
  type ClinikoClient,
  type ListPage,
  type Seeded,
} from './helpers.ts';

const clock = testClock();
let running: Seeded;
let client: ClinikoClient;
let ids: { business: string; amelia: string; liam: string; standard: string; initial: string };

beforeAll(async () => {
  running = await startSeeded({ now: clock.now });
  client = clinikoClient(running.baseUrl, running.seeded.key);
  const { businessIds, practitionerIds, appointmentTypeIds } = running.seeded;
  ids = {
    business: businessIds[0] as string,
    amelia: practitionerIds[0] as string,
    liam: practitionerIds[1] as string,
    initial: appointmentTypeIds[0] as string,
    standard: appointmentTypeIds[1] as string,
  };
}, 60_000);

afterAll(() => running?.stop());

const post = (path: string, body: unknown) => client(path, { method: 'POST', body: JSON.stringify(body) });
const send = (method: string, path: string, body?: unknown) =>
  client(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('patients', () => {
  it('answers a body without Content-Type: application/json as empty: 422 with Cliniko’s exact body', async () => {
    const response = await fetch(`${running.baseUrl}/patients`, {
      method: 'POST',
      headers: { authorization: basic(running.seeded.key), 'user-agent': USER_AGENT, 'content-type': 'text/plain' },
      body: JSON.stringify({ first_name: 'Ada', last_name: 'Lovelace' }),
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toBe(
      '{"message":"Validation Failed","errors":{"first_name":"can\u2019t be blank","last_name":"can\u2019t be blank"}}',
    );
  });

  it('creates a patient: 201, the object, Location, an 18-digit string id', async () => {
    const response = await post('/patients', {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      date_of_birth: '1815-12-10',
      patient_phone_numbers: [{ phone_type: 'Home', number: '0390000000' }],
    });
    expect(response.status).toBe(201);
    const patient = (await response.json()) as {
      id: string;
      links: { self: string };
      created_at: string;
      archived_at: null;
      label: string;
    };
    expect(patient.id).toMatch(/^\d{18}$/);
    expect(response.headers.get('location')).toBe(patient.links.self);
    expect(patient).toMatchObject({
      label: 'Ada Lovelace',
      created_at: '2025-03-05T22:00:00Z',
      archived_at: null,
      patient_phone_numbers: [{ phone_type: 'Home', number: '0390000000' }],
    });
    expect(await client.json(`/patients/${patient.id}`)).toEqual(patient);
  });

  it('names every invalid field in one 422', async () => {
    const response = await post('/patients', {
      first_name: '',
      last_name: 'X',
      email: 'not-an-email',
      date_of_birth: '1999-02-30',
      reminder_type: 'Pigeon',
      accepted_sms_marketing: 'yes',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      message: 'Validation Failed',
      errors: {
        first_name: 'can\u2019t be blank',
        email: 'is invalid',
        date_of_birth: 'is invalid',
        reminder_type: 'is not included in the list',
        accepted_sms_marketing: 'is invalid',
      },
    });
  });

  it('answers an object field sent as a string with {"message":"must be an object"}, and bad JSON with a 400', async () => {
    const response = await post('/patients', { first_name: 'A', last_name: 'B', custom_fields: '{"sections":[]}' });
    expect([response.status, await response.json()]).toEqual([422, { message: 'must be an object' }]);
    const broken = await client('/patients', { method: 'POST', body: '{"first_name": "A",' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).not.toContain('first_name');
  });

  it('updates with PATCH and PUT: only the fields sent change, null clears, updated_at moves', async () => {
    const created = (await (await post('/patients', { first_name: 'Grace', last_name: 'Hopper', notes: 'Navy' })).json()) as { id: string };
    clock.advance(60_000);
    const patched = await send('PATCH', `/patients/${created.id}`, { last_name: 'Murray Hopper' });
    expect(await patched.json()).toMatchObject({
      first_name: 'Grace',
      last_name: 'Murray Hopper',
      notes: 'Navy',
      updated_at: '2025-03-05T22:01:00Z',
    });
    const put = await send('PUT', `/patients/${created.id}`, { notes: null });
    expect(await put.json()).toMatchObject({ last_name: 'Murray Hopper', notes: '' });
    const blanked = await send('PATCH', `/patients/${created.id}`, { first_name: null });
    expect([blanked.status, ((await blanked.json()) as { errors: object }).errors]).toEqual([422, { first_name: 'can\u2019t be blank' }]);
  });

  it('archives (204) and unarchives (the patient); an archived patient can still be read', async () => {
    const { id } = (await (await post('/patients', { first_name: 'Archie', last_name: 'Vist' })).json()) as { id: string };
    const archived = await send('POST', `/patients/${id}/archive`);
    expect([archived.status, await archived.text()]).toEqual([204, '']);
    expect(await client.json(`/patients/${id}`)).toMatchObject({ archived_at: '2025-03-05T22:01:00Z' });
    const listed = async (path: string) =>
      (await client.json<{ patients: { id: string }[] }>(path)).patients.some((patient) => patient.id === id);
    expect(await listed(`/patients?q[]=id:=${id}`)).toBe(false);
    expect(await listed(`/patients/archived?q[]=id:=${id}`)).toBe(true);
    expect(await listed(`/patients?q[]=id:=${id}&q[]=archived_at:*`)).toBe(true);
    const restored = await send('POST', `/patients/${id}/unarchive`);
    expect([restored.status, ((await restored.json()) as { archived_at: unknown }).archived_at]).toEqual([200, null]);
    expect(await listed(`/patients?q[]=id:=${id}`)).toBe(true);
    expect((await send('DELETE', `/patients/${id}`)).status).toBe(204);
    expect(await listed(`/patients?q[]=id:=${id}`)).toBe(false);
  });

  it('answers 404 for an id that does not exist, or cannot be one', async () => {
    for (const path of ['/patients/999999999999999999', '/patients/abc', '/individual_appointments/1', '/nothing/here']) {
      const response = await client(path);
      expect([response.status, await response.json()]).toEqual([404, { message: 'Not found' }]);
    }
  });
});

describe('medical alerts', () => {
  it('creates, lists under the patient, filters by patient_id, and archives', async () => {
    const patient = (await client.json<{ patients: { id: string }[] }>('/patients?per_page=1')).patients[0] as { id: string };
    const missing = await post('/medical_alerts', { name: 'Asthma', patient_id: '999' });
    expect([missing.status, await missing.json()]).toEqual([422, { message: 'Validation Failed', errors: { patient_id: 'must exist' } }]);
    const created = await post('/medical_alerts', { name: 'Asthma', patient_id: patient.id });
    expect(created.status).toBe(201);
    const alert = (await created.json()) as { id: string; patient: { links: { self: string } } };
    expect(idOfLink(alert.patient)).toBe(patient.id);
    const nested = await client.json<ListPage>(`/patients/${patient.id}/medical_alerts`);
    const byFilter = await client.json<ListPage>(`/medical_alerts?q[]=patient_id:=${patient.id}`);
    expect(nested.medical_alerts).toEqual(byFilter.medical_alerts);
    expect((nested.medical_alerts as { name: string }[]).map((entry) => entry.name)).toContain('Asthma');
    expect((await send('POST', `/medical_alerts/${alert.id}/archive`)).status).toBe(204);
    expect(
      ((await client.json<ListPage>(`/patients/${patient.id}/medical_alerts`)).medical_alerts as { id: string }[]).map((entry) => entry.id),
    ).not.toContain(alert.id);
  });
});

describe('individual appointments', () => {
  const at = '2025-03-12T03:00:00Z'; // Wednesday 14:00 in Melbourne
  let patientId = '';
  const body = () => ({
    starts_at: at,
    patient_id: patientId,
    practitioner_id: ids.amelia,
    appointment_type_id: ids.initial,
    business_id: ids.business,
  });

  beforeAll(async () => {
    patientId = ((await (await post('/patients', { first_name: 'Booking', last_name: 'Patient' })).json()) as { id: string }).id;
  });

  it('books with string ids; ends_at defaults to the type’s duration; links point at the related records', async () => {
    const response = await post('/individual_appointments', body());
    expect(response.status).toBe(201);
    type Link = { links: { self: string } };
    const appointment = (await response.json()) as Record<
      'patient' | 'practitioner' | 'business' | 'appointment_type' | 'conflicts',
      Link
    > & {
      ends_at: string;
      patient_name: string;
      id: string;
    };
    expect(appointment.ends_at).toBe('2025-03-12T04:00:00Z');
    expect(appointment.patient_name).toBe('Booking Patient');
    expect([
      idOfLink(appointment.patient),
      idOfLink(appointment.practitioner),
      idOfLink(appointment.business),
      idOfLink(appointment.appointment_type),
    ]).toEqual([patientId, ids.amelia, ids.business, ids.initial]);
    expect(appointment.conflicts.links.self).toBe(`${running.baseUrl}/individual_appointments/${appointment.id}/conflicts`);
  });

  it('refuses a booking missing fields, naming ids that do not exist and an end before the start', async () => {
    const empty = await post('/individual_appointments', {});
    const blank = 'can\u2019t be blank';
    expect((await empty.json()) as object).toEqual({
      message: 'Validation Failed',
      errors: { patient_id: blank, practitioner_id: blank, appointment_type_id: blank, business_id: blank, starts_at: blank },
    });
    const unknown = await post('/individual_appointments', { ...body(), patient_id: '12345', business_id: '1' });
    expect(((await unknown.json()) as { errors: object }).errors).toEqual({ patient_id: 'must exist', business_id: 'must exist' });
    const backwards = await post('/individual_appointments', { ...body(), ends_at: '2025-03-12T02:00:00Z' });
    expect(((await backwards.json()) as { errors: object }).errors).toEqual({ ends_at: 'must be after starts_at' });
  });

  it('moves an appointment keeping its length, or recomputes the end from the type when ends_at is null', async () => {
    const { id } = (await (
      await post('/individual_appointments', { ...body(), starts_at: '2025-03-13T03:00:00Z', ends_at: '2025-03-13T03:20:00Z' })
    ).json()) as { id: string };
    const moved = await send('PATCH', `/individual_appointments/${id}`, { starts_at: '2025-03-13T04:00:00Z' });
    expect(await moved.json()).toMatchObject({ starts_at: '2025-03-13T04:00:00Z', ends_at: '2025-03-13T04:20:00Z' });
    const retyped = await send('PUT', `/individual_appointments/${id}`, { appointment_type_id: ids.standard, ends_at: null });
    expect(await retyped.json()).toMatchObject({ starts_at: '2025-03-13T04:00:00Z', ends_at: '2025-03-13T04:30:00Z' });
  });

  it('cancels with a reason (204); cancelled ones leave the default list but come back on request', async () => {
    const { id } = (await (await post('/individual_appointments', { ...body(), starts_at: '2025-03-14T05:00:00Z' })).json()) as {
      id: string;
    };
    const noReason = await send('PATCH', `/individual_appointments/${id}/cancel`, { cancellation_note: 'no reason' });
    expect(((await noReason.json()) as { errors: object }).errors).toEqual({ cancellation_reason: 'can\u2019t be blank' });
    const badReason = await send('PATCH', `/individual_appointments/${id}/cancel`, { cancellation_reason: 99 });
    expect(((await badReason.json()) as { errors: object }).errors).toEqual({ cancellation_reason: 'is not included in the list' });
    const cancelled = await send('PATCH', `/individual_appointments/${id}/cancel`, { cancellation_reason: 50, cancellation_note: 'Clash' });
    expect([cancelled.status, await cancelled.text()]).toEqual([204, '']);
    expect(await client.json(`/individual_appointments/${id}`)).toMatchObject({
      cancelled_at: '2025-03-05T22:01:00Z',
      cancellation_reason: 50,
      cancellation_reason_description: 'Other',
      cancellation_note: 'Clash',
    });
    const listed = async (path: string) =>
      ((await client.json<ListPage>(path)).individual_appointments as { id: string }[]).some((entry) => entry.id === id);
    expect(await listed(`/individual_appointments?q[]=id:=${id}`)).toBe(false);
    expect(await listed(`/individual_appointments?q[]=id:=${id}&q[]=cancelled_at:*`)).toBe(true);
    expect(await listed(`/individual_appointments/cancelled?q[]=id:=${id}`)).toBe(true);
  });

  it('reports conflicts: the seeded double booking has one, a free appointment none', async () => {
    const all = (await allAppointments()).filter((entry) => entry.notes?.startsWith('Double-booked'));
    expect(all).toHaveLength(1);
    expect(await client.json(`/individual_appointments/${(all[0] as { id: string }).id}/conflicts`)).toEqual({
      conflicts: { exist: true },
    });
    const free = (await (await post('/individual_appointments', { ...body(), starts_at: '2025-03-19T22:00:00Z' })).json()) as {
      id: string;
    };
    expect(await client.json(`/individual_appointments/${free.id}/conflicts`)).toEqual({ conflicts: { exist: false } });
  });

  it('shows the day view query of the docs, and the legacy /patients/:id/appointments', async () => {
    const day = await client.json<ListPage>(
      `/individual_appointments?q[]=starts_at:>=2025-03-11T13:00:00Z&q[]=starts_at:<2025-03-12T13:00:00Z&q[]=practitioner_id:=${ids.amelia},${ids.liam}&sort=starts_at&per_page=100`,
    );
    const starts = (day.individual_appointments as { starts_at: string }[]).map((entry) => entry.starts_at);
    expect(starts.length).toBeGreaterThan(0);
    expect(starts).toEqual([...starts].sort());
    expect(starts.every((start) => start >= '2025-03-11T13:00:00Z' && start < '2025-03-12T13:00:00Z')).toBe(true);
    const legacy = await client.json<ListPage>(`/patients/${patientId}/appointments`);
    expect((legacy.appointments as { appointment_start: string }[]).map((entry) => entry.appointment_start)).toContain(at);
  });
});

describe('reference data', () => {
  it('lists practitioners by business and by appointment type, active and inactive', async () => {
    const names = async (path: string) =>
      ((await client.json<ListPage>(path)).practitioners as { first_name: string }[]).map((entry) => entry.first_name).sort();
    expect(await names(`/businesses/${ids.business}/practitioners`)).toEqual(['Amelia', 'Liam']);
    expect(await names(`/businesses/${running.seeded.businessIds[1]}/practitioners/inactive`)).toEqual(['Priya']);
    expect(await names(`/appointment_types/${ids.standard}/practitioners`)).toEqual(['Amelia', 'Liam']);
    expect(await names(`/appointment_types/${ids.standard}/practitioners/inactive`)).toEqual(['Priya']);
    const offered = await client.json<ListPage>(`/practitioners/${ids.liam}/appointment_types`);
    expect((offered.appointment_types as { name: string }[]).map((type) => type.name).sort()).toEqual([
      'Initial Consultation',
      'Remedial Massage',
      'Standard Consultation',
    ]);
  });

  it('creates and archives appointment types, checking colour and practitioners', async () => {
    const bad = await post('/appointment_types', {
      name: 'Dry needling',
      duration_in_minutes: 2000,
      color: 'red',
      practitioner_ids: ['1'],
    });
    expect(((await bad.json()) as { errors: object }).errors).toEqual({ duration_in_minutes: 'must be less than or equal to 1440' });
    const badRefs = await post('/appointment_types', {
      name: 'Dry needling',
      duration_in_minutes: 20,
      color: 'red',
      practitioner_ids: ['1'],
    });
    expect(((await badRefs.json()) as { errors: object }).errors).toEqual({ color: 'is invalid', practitioner_ids: 'is invalid' });
    const created = await post('/appointment_types', {
      name: 'Dry needling',
      duration_in_minutes: 20,
      color: '#abc',
      practitioner_ids: [ids.liam],
    });
    const type = (await created.json()) as { id: string };
    expect(created.status).toBe(201);
    const offered = async () =>
      ((await client.json<ListPage>(`/practitioners/${ids.liam}/appointment_types`)).appointment_types as { id: string }[]).map(
        (entry) => entry.id,
      );
    expect(await offered()).toContain(type.id);
    expect((await send('POST', `/appointment_types/${type.id}/archive`)).status).toBe(204);
    expect(await offered()).not.toContain(type.id);
    expect(
      ((await client.json<ListPage>('/appointment_types/archived')).appointment_types as { id: string }[]).map((entry) => entry.id),
    ).toEqual([type.id]);
  });

  it('shows settings to administrators only; the public settings to anyone', async () => {
    const { key } = await running.emulator.admin.createKey({ userId: running.seeded.userIds.receptionist });
    const desk = clinikoClient(running.baseUrl, key);
    expect((await desk('/settings')).status).toBe(403);
    expect(await desk.json('/settings/public')).toMatchObject({ account: { time_zone: 'Melbourne' }, online_bookings: { enabled: true } });
    expect(await client.json('/settings')).toMatchObject({
      account: { time_zone: 'Melbourne', country: 'Australia' },
      patient_custom_fields_definition: { sections: [] },
    });
  });
});

async function allAppointments(): Promise<{ id: string; notes: string | null }[]> {
  return (await client.json<ListPage>('/individual_appointments?per_page=100')).individual_appointments as {
    id: string;
    notes: string | null;
  }[];
}
