/** REST search over clinical paths: the catalogue's parameters, date ranges, sorting, and paging through everything. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { json, newOrganisationKey, type Caller } from './helpers.ts';

let running: RunningEmulator;
let clinic: Caller;
let ada: string;
let alan: string;

interface Page {
  data: {
    data: { id: string; effectiveDateTime?: string; status?: string; start?: string }[];
    total: number;
    cursor?: string;
    hasMore: boolean;
  };
}

const post = async (path: string, body: Record<string, unknown>): Promise<string> => {
  const response = await clinic(path, { method: 'POST', body: JSON.stringify(body) });
  const parsed = await json<{ data: { id: string }; issues?: unknown }>(response);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed.issues)}`);
  return parsed.data.id;
};
const search = async (query: string) => {
  const response = await clinic(query);
  expect(response.status, query).toBe(200);
  return (await json<Page>(response)).data;
};

beforeAll(async () => {
  running = await startEmulator();
  clinic = await newOrganisationKey(running, 'org_search', { plan: 'enterprise' });
  ada = await post('/v1/patients', { firstName: 'Ada', lastName: 'Lovelace' });
  alan = await post('/v1/patients', { firstName: 'Alan', lastName: 'Turing' });
  const times = ['2025-01-14T23:59:59Z', '2025-01-15T00:00:00Z', '2025-01-15T12:00:00Z', '2025-01-16T00:00:00Z', '2025-01-20'];
  for (const [index, effectiveDateTime] of times.entries()) {
    await post('/v1/observations', { patientId: ada, status: index % 2 ? 'preliminary' : 'final', code: 'Heart rate', effectiveDateTime });
  }
  await post('/v1/observations', { patientId: alan, status: 'final', code: 'Heart rate', effectiveDateTime: '2025-01-15T08:00:00Z' });
  await post('/v1/prescriptions', { patientId: ada, prescriberId: 'dr-a', medication: 'Amoxicillin 500mg' });
  await post('/v1/prescriptions', {
    patientId: ada,
    prescriberId: 'dr-b',
    medication: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display: 'Metformin 500mg' },
  });
  await post('/v1/conditions', {
    patientId: ada,
    code: { system: 'http://hl7.org/fhir/sid/icd-10', code: 'I10', display: 'Hypertension' },
    clinicalStatus: 'active',
  });
  await post('/v1/conditions', { patientId: alan, code: 'Asthma', clinicalStatus: 'resolved', abatementString: 'childhood' });
  await post('/v1/notes', {
    patientId: ada,
    authorId: 'dr-a',
    encounterId: 'enc-1',
    type: 'progress-note',
    title: 'Visit',
    content: 'Well.',
  });
  await post('/v1/notes', { patientId: ada, authorId: 'dr-b', type: 'discharge-summary', title: 'Discharge', content: 'Home.' });
  await post('/v1/allergies', { patientId: alan, code: 'Peanuts', category: ['food'], criticality: 'high', clinicalStatus: 'active' });
  await post('/v1/practitioners', { firstName: 'Grace', lastName: 'Hopper', specialty: 'Cardiology', npi: '1234567893' });
  for (const day of [3, 1, 2]) {
    await post('/v1/appointments', {
      patientId: ada,
      status: 'booked',
      start: `2025-02-0${day}T09:00:00Z`,
      end: `2025-02-0${day}T09:30:00Z`,
    });
  }
}, 60_000);

afterAll(() => running?.stop());

describe('clinical search', () => {
  it('filters by patient and status (comma means or)', async () => {
    expect((await search(`/v1/observations?patientId=${ada}`)).total).toBe(5);
    expect((await search(`/v1/observations?patientId=${ada}&status=final`)).total).toBe(3);
    expect((await search(`/v1/observations?status=final,preliminary`)).total).toBe(6);
  });

  it('takes dateFrom and dateTo as whole days, inclusive, in UTC', async () => {
    const onDay = await search(`/v1/observations?patientId=${ada}&dateFrom=2025-01-15&dateTo=2025-01-15`);
    expect(onDay.data.map((record) => record.effectiveDateTime).sort()).toEqual(['2025-01-15T00:00:00Z', '2025-01-15T12:00:00Z']);
    expect((await search(`/v1/observations?patientId=${ada}&dateFrom=2025-01-16`)).total).toBe(2);
    expect((await search(`/v1/observations?patientId=${ada}&dateTo=2025-01-14`)).total).toBe(1);
    expect((await search(`/v1/observations?dateFrom=2025-01-15T06:00:00Z&dateTo=2025-01-15T12:00:00Z`)).total).toBe(2);
  });

  it('sorts by date either way, by the element name too, newest first by default', async () => {
    const ascending = await search(`/v1/observations?patientId=${ada}&sort=date`);
    expect(ascending.data.map((record) => record.effectiveDateTime)).toEqual([
      '2025-01-14T23:59:59Z',
      '2025-01-15T00:00:00Z',
      '2025-01-15T12:00:00Z',
      '2025-01-16T00:00:00Z',
      '2025-01-20',
    ]);
    const descending = await search(`/v1/observations?patientId=${ada}&sort=-effectiveDateTime`);
    expect(descending.data.map((record) => record.effectiveDateTime)).toEqual(
      [...ascending.data.map((record) => record.effectiveDateTime)].reverse(),
    );
    expect((await search(`/v1/observations?patientId=${ada}`)).data[0]?.effectiveDateTime).toBe('2025-01-20');
    const appointments = await search(`/v1/appointments?patientId=${ada}&sort=start`);
    expect(appointments.data.map((record) => record.start?.slice(0, 10))).toEqual(['2025-02-01', '2025-02-02', '2025-02-03']);
  });

  it('pages through every match once, in order, with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(`/v1/observations?sort=date&count=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(6);
      seen.push(...page.data.map((record) => record.id));
      cursor = page.hasMore ? page.cursor : undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('finds records by the resource-specific parameters', async () => {
    expect((await search('/v1/prescriptions?prescriberId=dr-b')).total).toBe(1);
    expect((await search('/v1/prescriptions?medication=amoxicillin%20500mg')).total).toBe(1);
    expect((await search('/v1/prescriptions?medication=860975')).total).toBe(1);
    expect((await search('/v1/conditions?code=I10')).total).toBe(1);
    expect((await search('/v1/conditions?clinicalStatus=resolved')).total).toBe(1);
    expect((await search('/v1/notes?type=progress-note&authorId=dr-a&encounterId=enc-1')).total).toBe(1);
    expect((await search('/v1/allergies?criticality=high&category=food')).total).toBe(1);
    expect((await search('/v1/practitioners?specialty=cardiology&npi=1234567893&name=hop')).total).toBe(1);
  });

  it('finds a name whatever its accents: "Zoe" finds Zoë, "nunez" finds Núñez, and the other way round', async () => {
    const zoe = await post('/v1/patients', { firstName: 'Zoë', lastName: 'Quintero' });
    const jose = await post('/v1/patients', { firstName: 'José', lastName: 'Núñez' });
    const names = async (query: string) =>
      (await search(`/v1/patients?name=${encodeURIComponent(query)}`)).data.map((patient) => patient.id);
    expect(await names('Zoe')).toEqual([zoe]);
    expect(await names('zoë')).toEqual([zoe]);
    expect(await names('NUNEZ')).toEqual([jose]);
    expect(await names('josé núñez')).toEqual([jose]);
  });

  it('refuses empty and repeated parameters, and parameters of other paths', async () => {
    expect((await clinic('/v1/observations?status=')).status).toBe(400);
    expect((await clinic('/v1/observations?status=final&status=amended')).status).toBe(400);
    expect((await clinic('/v1/observations?code=I10')).status).toBe(400);
    expect((await clinic('/v1/patients?patientId=x')).status).toBe(400);
    expect((await clinic('/v1/patients?active=maybe')).status).toBe(400);
  });
});
