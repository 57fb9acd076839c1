/**
 * The SDK calls whose meaning is more than a field each: appointment times in every combination the contract
 * allows, reads with `include`, deleting a patient, the FHIR passthrough, and the search parameters the SDK's
 * types add to the contract's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/node/server.ts';
import { newOrganisationKey } from '../helpers.ts';
import { sdkErrorOf, sdkWire, type SdkWire } from './wire.ts';

interface Fhir {
  id: string;
  resourceType: string;
  [element: string]: unknown;
}

let running: RunningEmulator;
let sdk: SdkWire;
let patientId: string;

beforeAll(async () => {
  running = await startEmulator();
  const clinic = await newOrganisationKey(running, 'org_sdk_behaviour', { plan: 'enterprise' });
  sdk = sdkWire({ baseUrl: running.url, apiKey: clinic.key });
  patientId = ((await sdk.create('patients', { firstName: 'Bea', lastName: 'Haviour' })).data as Fhir).id;
}, 60_000);

afterAll(() => running?.stop());

const created = async (path: string, body: unknown): Promise<Fhir> => {
  const response = await sdk.create(path, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.data as Fhir;
};

describe('appointments: start, end and minutesDuration in every combination the contract allows', () => {
  const START = '2025-02-01T14:00:00+01:00';
  const END = '2025-02-01T14:45:00+01:00';
  const given = { start: START, end: END, minutesDuration: 30 };
  /** What FHIR's start and end must be for the fields given. */
  const expected: [keyof typeof given | 'none', ...(keyof typeof given)[]][] = [
    ['none'],
    ['start'],
    ['end'],
    ['minutesDuration'],
    ['start', 'end'],
    ['start', 'minutesDuration'],
    ['end', 'minutesDuration'],
    ['start', 'end', 'minutesDuration'],
  ];
  const times: Record<string, { start?: string; end?: string }> = {
    none: {},
    start: { start: START },
    end: { end: END },
    minutesDuration: {},
    'start+end': { start: START, end: END },
    // The SDK's create: the end is start + minutesDuration, written in the start's own zone.
    'start+minutesDuration': { start: START, end: '2025-02-01T14:30:00+01:00' },
    'end+minutesDuration': { start: '2025-02-01T14:15:00+01:00', end: END },
    'start+end+minutesDuration': { start: START, end: END },
  };

  it.each(['booked', 'proposed', 'arrived'])('takes each combination with status %s, deriving what FHIR needs', async (status) => {
    for (const fields of expected) {
      const chosen = fields.filter((field) => field !== 'none') as (keyof typeof given)[];
      const body = { status, patientId, ...Object.fromEntries(chosen.map((field) => [field, given[field]])) };
      const appointment = await created('appointments', body);
      const label = chosen.join('+') || 'none';
      expect({ start: appointment.start, end: appointment.end }, `${status} with ${label}`).toEqual(times[label]);
      if (chosen.includes('minutesDuration')) expect(appointment.minutesDuration).toBe(30);
    }
  });

  it('moves a derived end when an update changes the start or the duration, and keeps one that was given', async () => {
    const derived = await created('appointments', { status: 'booked', patientId, start: '2025-02-01T14:00:00Z', minutesDuration: 30 });
    const moved = (await sdk.update('appointments', derived.id, { start: '2025-02-01T16:00:00Z' })).data as Fhir;
    expect([moved.start, moved.end]).toEqual(['2025-02-01T16:00:00Z', '2025-02-01T16:30:00Z']);
    const longer = (await sdk.update('appointments', derived.id, { minutesDuration: 60 })).data as Fhir;
    expect([longer.start, longer.end]).toEqual(['2025-02-01T16:00:00Z', '2025-02-01T17:00:00Z']);

    const explicit = await created('appointments', {
      status: 'booked',
      patientId,
      start: '2025-02-01T14:00:00Z',
      end: '2025-02-01T15:00:00Z',
      minutesDuration: 30,
    });
    const shorter = (await sdk.update('appointments', explicit.id, { minutesDuration: 20 })).data as Fhir;
    expect([shorter.start, shorter.end]).toEqual(['2025-02-01T14:00:00Z', '2025-02-01T15:00:00Z']);
  });

  it('refuses times that disagree, saying which field to change', async () => {
    const backwards = await sdk.create('appointments', {
      status: 'booked',
      patientId,
      start: '2025-02-01T14:00:00Z',
      end: '2025-02-01T13:00:00Z',
    });
    expect((backwards.body as { issues: { diagnostics: string }[] }).issues.map((issue) => issue.diagnostics)).toEqual([
      'end: Must be after start',
    ]);
    const tooLong = await sdk.create('appointments', {
      status: 'booked',
      patientId,
      start: '2025-02-01T14:00:00Z',
      end: '2025-02-01T14:15:00Z',
      minutesDuration: 30,
    });
    expect((tooLong.body as { issues: { diagnostics: string }[] }).issues.map((issue) => issue.diagnostics)).toEqual([
      'minutesDuration: Longer than the time from start to end; change end, or leave it out to have it derived',
    ]);
  });
});

describe('reads with include, as the SDK asks for them', () => {
  it('patients.read(id, { include }) sends Type:subject and Type:patient for each type and gets the patient’s records', async () => {
    const reader = ((await sdk.create('patients', { firstName: 'Rea', lastName: 'Der' })).data as Fhir).id;
    await created('encounters', { status: 'finished', class: 'AMB', patientId: reader });
    await created('appointments', { status: 'booked', patientId: reader, start: '2025-02-01T14:00:00Z', minutesDuration: 15 });
    await created('consents', { patientId: reader, scope: 'treatment', category: 'treatment' });
    await created('observations', { status: 'final', code: 'Heart rate', patientId });
    const types = [
      'Encounter',
      'Observation',
      'Medication',
      'Appointment',
      'QuestionnaireResponse',
      'Consent',
      'DiagnosticReport',
      'MedicationRequest',
      'DocumentReference',
      'ClinicalImpression',
      'Composition',
    ];
    // Medication belongs to no patient; the SDK asks for it anyway, and none point at the patient.
    const read = await sdk.readPatientWith(reader, types);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    const bundle = read.data as { resourceType: string; entry: { resource: Fhir }[] };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((entry) => entry.resource.resourceType).sort()).toEqual(['Appointment', 'Consent', 'Encounter', 'Patient']);
    expect((await sdk.readPatientWith(reader, ['Spaceship'])).status).toBe(400);
  });

  it.each([
    ['encounters', 'Encounter', { status: 'finished', class: 'AMB' }],
    ['observations', 'Observation', { status: 'final', code: 'Heart rate' }],
    ['appointments', 'Appointment', { status: 'proposed' }],
    ['labs', 'DiagnosticReport', { status: 'final', code: 'CBC' }],
  ])('%s.read(id, { include }) sends _include=%s:element and gets the record', async (path, resourceType, body) => {
    const record = await created(path, { ...body, patientId });
    const read = await sdk.readWith(path, resourceType, record.id, ['patient', 'subject']);
    expect(read.status).toBe(200);
    expect(read.data).toMatchObject({ resourceType, id: record.id });
    const wrongType = await sdk.readWith(path, 'Patient', record.id, ['link']);
    expect(wrongType.status).toBe(400);
  });
});

describe('deleting a patient, as the contract documents a delete', () => {
  it('is a 204 even with records; the records stay, found by patientId', async () => {
    const leaving = ((await sdk.create('patients', { firstName: 'Le', lastName: 'Aving' })).data as Fhir).id;
    const note = await created('notes', { patientId: leaving, title: 'Last visit', content: 'Moving away' });
    expect((await sdk.remove('patients', leaving)).status).toBe(204);
    expect((await sdk.read('patients', leaving)).status).toBe(404);
    expect(((await sdk.search('notes', { patientId: leaving })).data as { data: Fhir[] }).data.map((record) => record.id)).toEqual([
      note.id,
    ]);
  });
});

describe('the FHIR passthrough through fhir.request', () => {
  it('creates as application/fhir+json, searches, and patches with RFC 6902 as application/json-patch+json', async () => {
    const createdRaw = await sdk.fhir('POST', '/Observation', {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: `Patient/${patientId}` },
    });
    expect(createdRaw.status).toBe(201);
    // A raw FHIR body has a resourceType, so the SDK hands it over as it is.
    const observation = createdRaw.data as Fhir;
    expect(observation.resourceType).toBe('Observation');
    const found = (await sdk.fhir('GET', `/Observation?code=8867-4&patient=${patientId}`)).data as { entry: { resource: Fhir }[] };
    expect(found.entry.map((entry) => entry.resource.id)).toContain(observation.id);
    const patched = await sdk.fhir('PATCH', `/Observation/${observation.id}`, [{ op: 'replace', path: '/status', value: 'amended' }]);
    expect((patched.data as Fhir).status).toBe('amended');
  });
});

describe('search parameters the SDK’s types add to the contract’s', () => {
  it('finds notes by category and by date, and documents by date (one day, or one instant)', async () => {
    const note = await created('notes', {
      patientId,
      title: 'Cardiology review',
      content: 'Stable',
      category: 'cardiology',
      date: '2025-01-15T10:40:00Z',
    });
    const document = await created('documents', {
      status: 'final',
      type: 'Discharge summary',
      patientId,
      practitionerId: 'prac-1',
      title: 'Discharge',
      date: '2025-01-16T12:00:00Z',
      sections: [{ title: 'Course', text: 'Fine' }],
    });
    const ids = async (path: string, params: Record<string, string>) =>
      ((await sdk.search(path, params)).data as { data: Fhir[] }).data.map((record) => record.id);
    expect(await ids('notes', { category: 'cardiology' })).toContain(note.id);
    expect(await ids('notes', { date: '2025-01-15' })).toContain(note.id);
    expect(await ids('notes', { date: '2025-01-14' })).not.toContain(note.id);
    expect(await ids('documents', { date: '2025-01-16T12:00:00Z' })).toContain(document.id);
  });

  it('refuses the ones with no meaning on a path, naming the parameters the path takes', async () => {
    const refused = await sdk.search('medications', { patientId });
    expect(refused.status).toBe(400);
    expect((refused.body as { issues: { diagnostics: string }[] }).issues[0]?.diagnostics).toBe(
      'patientId: Unknown search parameter; medications takes status, sort, count, cursor',
    );
    expect(sdkErrorOf(refused).code).toBe('BAD_REQUEST');
  });
});

describe('fields the SDK types more loosely than the contract', () => {
  it('takes an encounter’s reasonCode as a list, one reason per FHIR reasonCode', async () => {
    const encounter = await created('encounters', {
      status: 'finished',
      class: 'AMB',
      patientId,
      reasonCode: ['Chest pain', 'Shortness of breath'],
    });
    expect(encounter.reasonCode).toEqual([{ text: 'Chest pain' }, { text: 'Shortness of breath' }]);
  });
});
