/** Create, read, search, update (merge and JSON Patch) and delete on every one of the 62 paths, over HTTP. */
import { RESOURCE_CATALOGUE, TENANT_TAG_SYSTEM, hasSimplifiedSchemas, type MappedResourcePath } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { fhirExample } from './fixtures/fhir-examples.ts';
import { FULL_EXAMPLES, PATIENT } from './fixtures/full-examples.ts';
import { json, newOrganisationKey, type Caller } from './helpers.ts';

const UPDATE_CHANGES: Record<MappedResourcePath, Record<string, unknown>> = {
  patients: { phone: '+1 555 0100' },
  practitioners: { specialty: 'Nephrology' },
  'practitioner-roles': { role: 'consultant' },
  encounters: { status: 'cancelled' },
  observations: { note: 'Rechecked' },
  medications: { status: 'inactive' },
  prescriptions: { status: 'completed' },
  appointments: { status: 'fulfilled' },
  intakes: { status: 'amended' },
  consents: { status: 'inactive' },
  labs: { conclusion: 'Normal' },
  notes: { title: 'Amended title' },
  assessments: { summary: 'Improved' },
  documents: { title: 'Revised' },
  conditions: { note: 'Reviewed' },
  allergies: { criticality: 'low' },
  immunizations: { lotNumber: 'NEW1' },
  'care-plans': { status: 'completed' },
  goals: { achievementStatus: 'achieved' },
};

/** A search that finds the example of `path`. */
const SIMPLIFIED_SEARCHES: Partial<Record<MappedResourcePath, string>> = {
  patients: `name=ann%20ev&email=MARY@example.org&phone=${encodeURIComponent('+44 (20) 7946-0000')}&gender=female&birthDate=1969-11-22&active=true`,
  practitioners: 'name=ravi&npi=1234567893&specialty=cardiology',
  'practitioner-roles': 'status=active',
  medications: 'status=active',
};

interface Envelope<T> {
  data: T;
}
interface Stored {
  id: string;
  resourceType?: string;
  language?: string;
  meta: { versionId: string; tag?: { system: string; code: string }[] };
}

let running: RunningEmulator;
let clinic: Caller;
let patientId: string;

beforeAll(async () => {
  running = await startEmulator();
  clinic = await newOrganisationKey(running, 'org_crud');
  const response = await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Ada', lastName: 'Lovelace' }) });
  patientId = (await json<Envelope<Stored>>(response)).data.id;
}, 60_000);

afterAll(() => running?.stop());

function bodyFor(path: string): { body: unknown; search: string; change: Record<string, unknown> } {
  if (hasSimplifiedSchemas(path)) {
    const body = JSON.parse(
      JSON.stringify(FULL_EXAMPLES[path])
        .replaceAll(`"${PATIENT}"`, `"${patientId}"`)
        .replaceAll(`Patient/${PATIENT}`, `Patient/${patientId}`),
    );
    return { body, search: SIMPLIFIED_SEARCHES[path] ?? `patientId=${patientId}`, change: UPDATE_CHANGES[path] };
  }
  const example = fhirExample(path, patientId);
  const [param, value] = example.searchable;
  return { body: example.body, search: `${param}=${encodeURIComponent(value)}`, change: { [example.change[0]]: example.change[1] } };
}

describe.each(RESOURCE_CATALOGUE.map((entry) => [entry.path, entry] as const))('/v1/%s', (path, definition) => {
  it('creates, reads, finds, updates, patches and deletes a record', async () => {
    const { body, search, change } = bodyFor(path);
    const created = await clinic(`/v1/${path}`, { method: 'POST', body: JSON.stringify(body) });
    const createdBody = await json<Envelope<Stored> & { issues?: unknown }>(created);
    expect(created.status, JSON.stringify(createdBody.issues)).toBe(201);
    const id = createdBody.data.id;
    expect(created.headers.get('location')).toBe(`/v1/${path}/${id}`);
    if (path !== 'patients') {
      expect(createdBody.data.resourceType).toBe(definition.resourceType);
      expect(createdBody.data.meta.tag).toContainEqual({ system: TENANT_TAG_SYSTEM, code: 'org_crud' });
    }

    const read = await clinic(`/v1/${path}/${id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');
    expect((await json<Envelope<Stored>>(read)).data).toEqual(createdBody.data);

    const found = await json<Envelope<{ data: Stored[]; total: number }>>(await clinic(`/v1/${path}?${search}`));
    expect(found.data.data.map((record) => record.id)).toContain(id);

    if (definition.operations.includes('update')) {
      const merged = await clinic(`/v1/${path}/${id}`, { method: 'PATCH', headers: { 'if-match': 'W/"1"' }, body: JSON.stringify(change) });
      const mergedBody = await json<Envelope<Stored> & { issues?: unknown }>(merged);
      expect(merged.status, JSON.stringify(mergedBody.issues)).toBe(200);
      expect(mergedBody.data.meta.versionId).toBe('2');
      expect(mergedBody.data).not.toEqual(createdBody.data);

      const patched = await clinic(`/v1/${path}/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json-patch+json' },
        body: JSON.stringify([
          { op: 'test', path: '/meta/versionId', value: '2' },
          { op: 'add', path: '/language', value: 'en-GB' },
        ]),
      });
      expect(patched.status).toBe(200);
      expect(patched.headers.get('etag')).toBe('W/"3"');
      if (path !== 'patients') expect((await json<Envelope<Stored>>(patched)).data.language).toBe('en-GB');
    } else {
      const refused = await clinic(`/v1/${path}/${id}`, { method: 'PATCH', body: JSON.stringify(change) });
      expect(refused.status).toBe(405);
    }

    expect((await clinic(`/v1/${path}/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await clinic(`/v1/${path}/${id}`)).status).toBe(404);
  });
});
