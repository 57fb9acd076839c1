/** The FHIR passthrough, `$everything`, `_revinclude` and the CapabilityStatement — all within the caller's tenant. */
import { TENANT_TAG_SYSTEM } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { json, newOrganisationKey, type Caller } from './helpers.ts';

interface Bundle {
  resourceType: 'Bundle';
  type: string;
  total: number;
  link?: { relation: string; url: string }[];
  entry: {
    fullUrl: string;
    resource: { resourceType: string; id: string; meta: { tag: { system: string; code: string }[] } };
    search: { mode: string };
  }[];
}

let running: RunningEmulator;
let clinic: Caller;
let other: Caller;
let patientId: string;
let otherPatientId: string;

const fhir = (caller: Caller, path: string, init: RequestInit = {}) =>
  caller(`/v1/fhir/${path}`, {
    ...init,
    headers: { 'content-type': 'application/fhir+json', ...(init.headers as Record<string, string>) },
  });

const createPatient = async (caller: Caller, family: string): Promise<string> => {
  const response = await fhir(caller, 'Patient', {
    method: 'POST',
    body: JSON.stringify({ resourceType: 'Patient', name: [{ given: ['Test'], family }] }),
  });
  expect(response.status).toBe(201);
  return (await json<{ id: string }>(response)).id;
};

const observation = (subject: string, code: string) =>
  JSON.stringify({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: `Patient/${subject}` },
    effectiveDateTime: '2025-01-15T10:00:00Z',
  });

beforeAll(async () => {
  running = await startEmulator();
  clinic = await newOrganisationKey(running, 'org_fhir');
  other = await newOrganisationKey(running, 'org_fhir_other');
  patientId = await createPatient(clinic, 'Mine');
  otherPatientId = await createPatient(other, 'Theirs');
  for (const code of ['8867-4', '8480-6']) await fhir(clinic, 'Observation', { method: 'POST', body: observation(patientId, code) });
  await fhir(other, 'Observation', { method: 'POST', body: observation(otherPatientId, '8867-4') });
  await clinic('/v1/conditions', { method: 'POST', body: JSON.stringify({ patientId, code: 'Hypertension', clinicalStatus: 'active' }) });
}, 60_000);

afterAll(() => running?.stop());

describe('FHIR passthrough', () => {
  it('creates raw FHIR with the tenant tag forced, and reads it back as application/fhir+json', async () => {
    const response = await fhir(clinic, 'Observation', {
      method: 'POST',
      body: JSON.stringify({
        ...JSON.parse(observation(patientId, '29463-7')),
        meta: {
          tag: [
            { system: TENANT_TAG_SYSTEM, code: 'org_fhir_other' },
            { system: 'https://example.org/tags', code: 'kept' },
          ],
        },
      }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toContain('application/fhir+json');
    const created = await json<Bundle['entry'][number]['resource']>(response);
    expect(created.meta.tag).toEqual([
      { system: 'https://example.org/tags', code: 'kept' },
      { system: TENANT_TAG_SYSTEM, code: 'org_fhir' },
    ]);
    const read = await fhir(clinic, `Observation/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');
  });

  it('searches with FHIR parameters and pages with links', async () => {
    const bundle = await json<Bundle>(await fhir(clinic, `Observation?patient=Patient/${patientId}&code=8867-4,8480-6&_count=1`));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    expect(bundle.entry).toHaveLength(1);
    const next = bundle.link?.find((link) => link.relation === 'next')?.url as string;
    const second = await json<Bundle>(await fhir(clinic, next.slice(next.indexOf('/v1/fhir/') + '/v1/fhir/'.length)));
    expect(second.entry[0]?.resource.id).not.toBe(bundle.entry[0]?.resource.id);
    expect((await json<Bundle>(await fhir(clinic, 'Observation?date=ge2025-01-15&date=lt2025-01-16'))).total).toBeGreaterThanOrEqual(2);
    expect((await json<Bundle>(await fhir(clinic, 'Observation?date=gt2025-01-15'))).total).toBe(0);
  });

  it('never shows another tenant: search, read, patch, delete, a foreign _tag', async () => {
    const theirs = await json<Bundle>(await fhir(other, 'Observation'));
    const theirId = theirs.entry[0]?.resource.id as string;
    const mine = await json<Bundle>(await fhir(clinic, 'Observation?_count=100'));
    expect(mine.entry.map((entry) => entry.resource.id)).not.toContain(theirId);
    expect((await fhir(clinic, `Observation/${theirId}`)).status).toBe(404);
    expect(
      (await fhir(clinic, `Observation/${theirId}`, { method: 'PATCH', body: '[{"op":"replace","path":"/status","value":"amended"}]' }))
        .status,
    ).toBe(404);
    expect((await fhir(clinic, `Observation/${theirId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await json<Bundle>(await fhir(clinic, `Observation?_tag=${TENANT_TAG_SYSTEM}|org_fhir_other`))).total).toBe(0);
    expect((await json<{ status: string }>(await fhir(other, `Observation/${theirId}`))).status).toBe('final');
  });

  it('patches with JSON Patch only, honouring test and If-Match', async () => {
    const bundle = await json<Bundle>(await fhir(clinic, `Observation?code=8480-6`));
    const id = bundle.entry[0]?.resource.id as string;
    const failed = await fhir(clinic, `Observation/${id}`, {
      method: 'PATCH',
      body: JSON.stringify([
        { op: 'test', path: '/status', value: 'amended' },
        { op: 'replace', path: '/status', value: 'corrected' },
      ]),
    });
    expect(failed.status).toBe(409);
    const patched = await fhir(clinic, `Observation/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': 'W/"1"' },
      body: JSON.stringify([
        { op: 'test', path: '/status', value: 'final' },
        { op: 'replace', path: '/status', value: 'amended' },
      ]),
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ status: 'amended', meta: { versionId: '2' } });
    expect((await fhir(clinic, `Observation/${id}`, { method: 'PATCH', body: '{"status":"final"}' })).status).toBe(400);
    const stale = await fhir(clinic, `Observation/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': 'W/"1"' },
      body: '[{"op":"replace","path":"/status","value":"final"}]',
    });
    expect(stale.status).toBe(409);
  });

  it('rejects unknown types, unknown parameters and invalid FHIR', async () => {
    expect((await fhir(clinic, 'Spaceship')).status).toBe(404);
    expect((await fhir(clinic, 'Observation?colour=red')).status).toBe(400);
    const invalid = await fhir(clinic, 'Observation', {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'Condition', note: null, code: {} }),
    });
    expect(invalid.status).toBe(422);
    const issues = (await json<{ issues: { path?: string }[] }>(invalid)).issues.map((issue) => issue.path);
    expect(issues).toEqual(expect.arrayContaining(['resourceType', 'note', 'code']));
  });
});

describe('patient compartment', () => {
  it('$everything returns the patient and all their records, and nobody else’s', async () => {
    const bundle = await json<Bundle>(await fhir(clinic, `Patient/${patientId}/$everything`));
    const types = bundle.entry.map((entry) => entry.resource.resourceType);
    expect(types[0]).toBe('Patient');
    expect(types.filter((type) => type === 'Observation').length).toBeGreaterThanOrEqual(2);
    expect(types).toContain('Condition');
    for (const entry of bundle.entry) expect(entry.resource.meta.tag).toContainEqual({ system: TENANT_TAG_SYSTEM, code: 'org_fhir' });
    expect((await fhir(clinic, `Patient/${otherPatientId}/$everything`)).status).toBe(404);
  });

  it('_revinclude on a patient read returns a searchset Bundle of the linked types asked for', async () => {
    const response = await clinic(`/v1/patients/${patientId}?_revinclude=Observation:subject&_revinclude=Condition:subject`);
    expect(response.status).toBe(200);
    const bundle = (await json<{ data: Bundle }>(response)).data;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(bundle.entry[0]).toMatchObject({ resource: { resourceType: 'Patient', id: patientId }, search: { mode: 'match' } });
    const included = bundle.entry.slice(1);
    expect(new Set(included.map((entry) => entry.resource.resourceType))).toEqual(new Set(['Observation', 'Condition']));
    expect(included.every((entry) => entry.search.mode === 'include')).toBe(true);
    expect((await clinic(`/v1/patients/${patientId}?_revinclude=Observation:performer`)).status).toBe(400);
    expect((await other(`/v1/patients/${patientId}?_revinclude=Observation:subject`)).status).toBe(404);
  });
});

describe('metadata', () => {
  it('serves a CapabilityStatement of all 62 types without a key', async () => {
    const response = await fetch(`${running.url}/v1/metadata`);
    expect(response.status).toBe(200);
    const statement = await json<{ resourceType: string; fhirVersion: string; rest: { resource: { type: string }[] }[] }>(response);
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    expect(statement.rest[0]?.resource).toHaveLength(62);
  });
});
