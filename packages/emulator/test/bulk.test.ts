/** Bulk export and import: NDJSON, the 10,000-record ceiling, tenant tags forced, invalid lines reported. */
import { TENANT_TAG_SYSTEM } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { json, newOrganisationKey, type Caller } from './helpers.ts';

interface Job {
  id: string;
  type: string;
  status: string;
  totalRecords: number;
  processedRecords: number;
  downloadUrl?: string;
  errors: string[];
}

let running: RunningEmulator;
let clinic: Caller;
let other: Caller;

beforeAll(async () => {
  running = await startEmulator();
  clinic = await newOrganisationKey(running, 'org_bulk');
  other = await newOrganisationKey(running, 'org_bulk_other');
}, 60_000);

afterAll(() => running?.stop());

const patientLine = (id: string, family: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ resourceType: 'Patient', id, name: [{ family, given: ['Imported'] }], ...extra });

async function importNdjson(caller: Caller, resourceType: string, lines: readonly string[], headers: Record<string, string> = {}) {
  const response = await caller('/v1/bulk/import', {
    method: 'POST',
    headers,
    body: JSON.stringify({ resourceType, data: lines.join('\n') }),
  });
  return { response, body: await json<{ data: { jobId: string; status: string } }>(response) };
}

const jobOf = async (caller: Caller, jobId: string) => (await json<{ data: Job }>(await caller(`/v1/bulk/jobs/${jobId}`))).data;

describe('bulk import', () => {
  it('imports valid lines with the tenant tag forced and reports invalid ones by line number only', async () => {
    const secret = 'Xylophone-Quasar';
    const lines = [
      patientLine('imp-1', 'Alpha', { meta: { tag: [{ system: TENANT_TAG_SYSTEM, code: 'org_bulk_other' }] } }),
      `{"resourceType": "Patient", "name": [{"family": "${secret}"`,
      patientLine('imp-2', 'Beta'),
      JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: secret } }),
      '',
      patientLine('imp-1', 'Duplicate'),
      JSON.stringify({ resourceType: 'Patient', name: [{ family: secret, given: [''] }] }),
      `{"resourceType":"Patient","extension":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    ];
    const { response, body } = await importNdjson(clinic, 'Patient', lines);
    expect(response.status).toBe(202);
    const job = await jobOf(clinic, body.data.jobId);
    expect(job).toMatchObject({ type: 'import', status: 'completed', totalRecords: 7, processedRecords: 2 });
    expect(job.errors).toEqual([
      'line 2: not valid JSON',
      'line 4: resourceType: Must be Patient',
      'line 6: the id is used by line 1 too',
      'line 7: name.0.given.0: Must not be empty; leave the element out instead',
      'line 8: nested more than 64 levels deep',
    ]);
    expect(JSON.stringify(job)).not.toContain(secret);

    const imported = await json<{ data: { id: string; fullName: string } }>(await clinic('/v1/patients/imp-1'));
    expect(imported.data.fullName).toBe('Imported Alpha');
    const fhir = await json<{ meta: { tag: unknown[] } }>(await clinic('/v1/fhir/Patient/imp-1'));
    expect(fhir.meta.tag).toEqual([{ system: TENANT_TAG_SYSTEM, code: 'org_bulk' }]);
    expect((await other('/v1/patients/imp-1')).status).toBe(404);
    expect((await other(`/v1/bulk/jobs/${body.data.jobId}`)).status).toBe(404);
  });

  it('skips ids that already exist (so a re-run duplicates nothing) and keeps ids per tenant', async () => {
    const { body } = await importNdjson(clinic, 'Patient', [patientLine('imp-1', 'Again'), patientLine('imp-3', 'Gamma')]);
    const job = await jobOf(clinic, body.data.jobId);
    expect(job.processedRecords).toBe(1);
    expect(job.errors).toEqual(['line 1: a record with this id already exists']);
    // The same id in another organisation is a different record, and says nothing about this one.
    const elsewhere = await jobOf(other, (await importNdjson(other, 'Patient', [patientLine('imp-1', 'Theirs')])).body.data.jobId);
    expect(elsewhere).toMatchObject({ processedRecords: 1, errors: [] });
    expect((await json<{ data: { fullName: string } }>(await clinic('/v1/patients/imp-1'))).data.fullName).toBe('Imported Alpha');
  });

  it('replays an import with the same Idempotency-Key instead of importing twice', async () => {
    const lines = [JSON.stringify({ resourceType: 'Patient', name: [{ family: 'Once' }] })];
    const first = await importNdjson(clinic, 'Patient', lines, { 'idempotency-key': 'import-once' });
    const second = await importNdjson(clinic, 'Patient', lines, { 'idempotency-key': 'import-once' });
    expect(second.response.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.data.jobId).toBe(first.body.data.jobId);
    expect((await json<{ data: { total: number } }>(await clinic('/v1/patients?name=once'))).data.total).toBe(1);
  });

  it('refuses more than 10,000 records, an unknown type, and an empty file, importing nothing', async () => {
    const lines = Array.from({ length: 10_001 }, (_, index) => patientLine(`many-${index}`, 'Many'));
    const { response } = await importNdjson(clinic, 'Patient', lines);
    expect(response.status).toBe(400);
    expect((await json<{ data: { total: number } }>(await clinic('/v1/patients?name=many'))).data.total).toBe(0);
    expect((await importNdjson(clinic, 'Spaceship', [patientLine('x', 'y')])).response.status).toBe(422);
    expect((await importNdjson(clinic, 'Patient', ['', '  '])).response.status).toBe(400);
  });
});

describe('bulk export', () => {
  it('exports the caller’s records as NDJSON, and only theirs', async () => {
    const started = await clinic('/v1/bulk/export', { method: 'POST', body: JSON.stringify({ resourceTypes: ['Patient'] }) });
    expect(started.status).toBe(202);
    const jobId = (await json<{ data: { jobId: string } }>(started)).data.jobId;
    const job = await jobOf(clinic, jobId);
    expect(job).toMatchObject({ type: 'export', status: 'completed' });
    const output = await clinic(new URL(job.downloadUrl as string).pathname);
    expect(output.headers.get('content-type')).toBe('application/fhir+ndjson');
    const records = (await output.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { meta: { tag: { code: string }[] } });
    expect(records).toHaveLength(job.totalRecords);
    expect(records.every((record) => record.meta.tag.some((tag) => tag.code === 'org_bulk'))).toBe(true);
    expect((await other(new URL(job.downloadUrl as string).pathname)).status).toBe(404);
  });

  it('validates the request and allows 5 exports an hour per organisation', async () => {
    expect((await clinic('/v1/bulk/export', { method: 'POST', body: JSON.stringify({ resourceTypes: [] }) })).status).toBe(422);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await clinic('/v1/bulk/export', { method: 'POST', body: JSON.stringify({ resourceTypes: ['Observation'] }) });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // One export ran in the test above: the fifth here is the sixth in the hour.
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
  });
});
