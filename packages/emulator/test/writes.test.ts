/** Writes that must neither lose nor duplicate anything: idempotency keys, If-Match, concurrent writers, PATCH forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { json, newOrganisationKey, type Caller } from './helpers.ts';

let clock = Date.parse('2025-03-01T09:00:00Z');
let running: RunningEmulator;
let clinic: Caller;
let patientId: string;

interface Envelope<T> {
  data: T;
  meta: { requestId: string };
}
interface Fhir {
  id: string;
  meta: { versionId: string };
  [element: string]: unknown;
}

beforeAll(async () => {
  running = await startEmulator({ now: () => clock });
  clinic = await newOrganisationKey(running, 'org_writes', { plan: 'enterprise' });
  patientId = (
    await json<Envelope<{ id: string }>>(
      await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Wri', lastName: 'Ter' }) }),
    )
  ).data.id;
}, 60_000);

afterAll(() => running?.stop());

const condition = (note: string) => JSON.stringify({ patientId, code: 'Asthma', clinicalStatus: 'active', note });
const countConditions = async (note: string): Promise<number> => {
  const page = await json<Envelope<{ data: Fhir[] }>>(await clinic(`/v1/conditions?patientId=${patientId}&count=100`));
  return page.data.data.filter((record) => JSON.stringify(record.note) === JSON.stringify([{ text: note }])).length;
};

describe('Idempotency-Key', () => {
  it('replays the first response to a retry instead of creating twice', async () => {
    const headers = { 'idempotency-key': 'create-asthma-1' };
    const first = await clinic('/v1/conditions', { method: 'POST', headers, body: condition('first') });
    const retry = await clinic('/v1/conditions', { method: 'POST', headers, body: JSON.stringify(JSON.parse(condition('first'))) });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect((await json<Envelope<Fhir>>(retry)).data).toEqual((await json<Envelope<Fhir>>(first)).data);
    expect(await countConditions('first')).toBe(1);
  });

  it('answers 409 to the same key with a different body, creating nothing', async () => {
    const headers = { 'idempotency-key': 'create-asthma-2' };
    await clinic('/v1/conditions', { method: 'POST', headers, body: condition('second') });
    const reused = await clinic('/v1/conditions', { method: 'POST', headers, body: condition('changed') });
    expect(reused.status).toBe(409);
    expect(await countConditions('changed')).toBe(0);
    const otherPath = await clinic('/v1/allergies', {
      method: 'POST',
      headers,
      body: JSON.stringify({ patientId, code: 'Latex', clinicalStatus: 'active' }),
    });
    expect(otherPath.status).toBe(409);
  });

  it('creates exactly once under concurrent retries with one key', async () => {
    const headers = { 'idempotency-key': 'create-asthma-burst' };
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => clinic('/v1/conditions', { method: 'POST', headers, body: condition('burst') })),
    );
    const ids = new Set(await Promise.all(responses.map(async (response) => (await json<Envelope<Fhir>>(response)).data.id)));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    expect(ids.size).toBe(1);
    expect(await countConditions('burst')).toBe(1);
  });

  it('is remembered for 24 hours, then the key may be used again', async () => {
    const headers = { 'idempotency-key': 'create-asthma-daily' };
    await clinic('/v1/conditions', { method: 'POST', headers, body: condition('daily') });
    clock += 23 * 3_600_000;
    expect((await clinic('/v1/conditions', { method: 'POST', headers, body: condition('daily') })).headers.get('idempotent-replayed')).toBe(
      'true',
    );
    clock += 2 * 3_600_000;
    const fresh = await clinic('/v1/conditions', { method: 'POST', headers, body: condition('daily') });
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(await countConditions('daily')).toBe(2);
  });

  it('is scoped to the organisation and refuses malformed keys', async () => {
    const other = await newOrganisationKey(running, 'org_writes_other');
    const otherPatient = (
      await json<Envelope<{ id: string }>>(
        await other('/v1/patients', {
          method: 'POST',
          headers: { 'idempotency-key': 'create-asthma-1' },
          body: JSON.stringify({ firstName: 'O', lastName: 'T' }),
        }),
      )
    ).data;
    expect(otherPatient.id).toEqual(expect.any(String));
    expect(
      (await clinic('/v1/conditions', { method: 'POST', headers: { 'idempotency-key': 'has spaces' }, body: condition('x') })).status,
    ).toBe(400);
  });
});

describe('versions', () => {
  it('sends ETag on reads and writes; a stale If-Match on PATCH or DELETE is 409 with the current ETag', async () => {
    const created = await clinic('/v1/conditions', { method: 'POST', body: condition('versioned') });
    const id = (await json<Envelope<Fhir>>(created)).data.id;
    expect(created.headers.get('etag')).toBe('W/"1"');
    const updated = await clinic(`/v1/conditions/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': 'W/"1"' },
      body: JSON.stringify({ note: 'v2' }),
    });
    expect(updated.headers.get('etag')).toBe('W/"2"');
    const stale = await clinic(`/v1/conditions/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"1"' },
      body: JSON.stringify({ note: 'lost' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('etag')).toBe('W/"2"');
    expect((await clinic(`/v1/conditions/${id}`, { method: 'DELETE', headers: { 'if-match': 'W/"1"' } })).status).toBe(409);
    expect((await clinic(`/v1/conditions/${id}`, { method: 'PATCH', headers: { 'if-match': 'soon' }, body: '{"note":"x"}' })).status).toBe(
      412,
    );
    expect((await clinic(`/v1/conditions/${id}`, { method: 'DELETE', headers: { 'if-match': 'W/"2"' } })).status).toBe(204);
  });

  it('lets exactly one of many concurrent writers of one version win; the rest get 409 and nothing is lost', async () => {
    const id = (await json<Envelope<Fhir>>(await clinic('/v1/conditions', { method: 'POST', body: condition('contended') }))).data.id;
    const writers = Array.from({ length: 8 }, (_, index) =>
      clinic(`/v1/conditions/${id}`, {
        method: 'PATCH',
        headers: { 'if-match': 'W/"1"' },
        body: JSON.stringify({ note: `writer ${index}` }),
      }),
    );
    const statuses = (await Promise.all(writers)).map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect((await json<Envelope<Fhir>>(await clinic(`/v1/conditions/${id}`))).data.meta.versionId).toBe('2');
  });

  it('serialises concurrent writers without If-Match: every change is applied or refused, never silently lost', async () => {
    const id = (await json<Envelope<Fhir>>(await clinic('/v1/conditions', { method: 'POST', body: condition('racing') }))).data.id;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        clinic(`/v1/conditions/${id}`, { method: 'PATCH', body: JSON.stringify({ note: `racer ${index}` }) }),
      ),
    );
    const succeeded = responses.filter((response) => response.status === 200).length;
    expect(succeeded + responses.filter((response) => response.status === 409).length).toBe(6);
    expect((await json<Envelope<Fhir>>(await clinic(`/v1/conditions/${id}`))).data.meta.versionId).toBe(String(1 + succeeded));
  });

  it('deletes a patient who still has records, as a delete is documented; the records stay and can still be changed', async () => {
    const leaving = (
      await json<Envelope<{ id: string }>>(
        await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Le', lastName: 'Aving' }) }),
      )
    ).data.id;
    const kept = (
      await json<Envelope<Fhir>>(
        await clinic('/v1/conditions', {
          method: 'POST',
          body: JSON.stringify({ patientId: leaving, code: 'Asthma', clinicalStatus: 'active' }),
        }),
      )
    ).data.id;

    expect((await clinic(`/v1/patients/${leaving}`, { method: 'DELETE' })).status).toBe(204);
    expect((await clinic(`/v1/patients/${leaving}`)).status).toBe(404);
    expect((await clinic(`/v1/conditions/${kept}`)).status).toBe(200);
    const found = await json<Envelope<{ data: Fhir[] }>>(await clinic(`/v1/conditions?patientId=${leaving}`));
    expect(found.data.data.map((record) => record.id)).toEqual([kept]);
    // Its other fields can still be changed; it cannot be filed under another patient who does not exist.
    expect(
      (await clinic(`/v1/conditions/${kept}`, { method: 'PATCH', body: JSON.stringify({ note: 'Patient left the practice' }) })).status,
    ).toBe(200);
    const moved = await clinic(`/v1/conditions/${kept}`, { method: 'PATCH', body: JSON.stringify({ patientId: 'no-such-patient' }) });
    expect(moved.status).toBe(422);
    expect((await json<{ issues: { path: string }[] }>(moved)).issues.map((issue) => issue.path)).toEqual(['patientId']);
    expect((await clinic(`/v1/conditions/${kept}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('is read-after-write consistent by id, immediately', async () => {
    for (let index = 0; index < 20; index++) {
      const created = await json<Envelope<Fhir>>(await clinic('/v1/conditions', { method: 'POST', body: condition(`raw ${index}`) }));
      const read = await clinic(`/v1/conditions/${created.data.id}`);
      expect(read.status).toBe(200);
      const changed = await json<Envelope<Fhir>>(
        await clinic(`/v1/conditions/${created.data.id}`, { method: 'PATCH', body: JSON.stringify({ note: `raw ${index} b` }) }),
      );
      expect((await json<Envelope<Fhir>>(await clinic(`/v1/conditions/${created.data.id}`))).data).toEqual(changed.data);
    }
  });
});

describe('PATCH forms', () => {
  it('merges simplified fields, removes one with null, and keeps FHIR elements the simplified shape does not know', async () => {
    const id = (
      await json<Envelope<Fhir>>(
        await clinic('/v1/conditions', {
          method: 'POST',
          body: JSON.stringify({ patientId, code: 'Gout', clinicalStatus: 'active', severity: 'mild', note: 'n' }),
        }),
      )
    ).data.id;
    await clinic(`/v1/conditions/${id}`, {
      method: 'PATCH',
      body: JSON.stringify([{ op: 'add', path: '/extension', value: [{ url: 'https://example.org/x', valueString: 'kept' }] }]),
    });
    const merged = await clinic(`/v1/conditions/${id}`, { method: 'PATCH', body: JSON.stringify({ severity: 'severe', note: null }) });
    expect(merged.status).toBe(200);
    const data = (await json<Envelope<Fhir>>(merged)).data;
    expect(data.severity).toMatchObject({ text: 'severe' });
    expect(data.note).toBeUndefined();
    expect(data.extension).toEqual([{ url: 'https://example.org/x', valueString: 'kept' }]);
    expect(data.code).toEqual({ text: 'Gout' });
  });

  it('re-checks rules between fields on the merged record', async () => {
    const id = (
      await json<Envelope<Fhir>>(
        await clinic('/v1/conditions', { method: 'POST', body: JSON.stringify({ patientId, code: 'Gout', clinicalStatus: 'active' }) }),
      )
    ).data.id;
    const response = await clinic(`/v1/conditions/${id}`, { method: 'PATCH', body: JSON.stringify({ abatementString: 'Gone by spring' }) });
    expect(response.status).toBe(422);
    expect((await json<{ issues: { diagnostics: string }[] }>(response)).issues[0]?.diagnostics).toBe(
      'clinicalStatus: Must be inactive, remission or resolved when the condition has abated',
    );
  });

  it('applies RFC 6902 with test, move, copy and remove — all or nothing', async () => {
    const id = (
      await json<Envelope<Fhir>>(
        await clinic('/v1/conditions', {
          method: 'POST',
          body: JSON.stringify({ patientId, code: 'Eczema', clinicalStatus: 'active', bodySite: ['Left arm', 'Right arm'] }),
        }),
      )
    ).data.id;
    const failing = await clinic(`/v1/conditions/${id}`, {
      method: 'PATCH',
      body: JSON.stringify([
        { op: 'remove', path: '/bodySite/0' },
        { op: 'test', path: '/code/text', value: 'Psoriasis' },
      ]),
    });
    expect(failing.status).toBe(409);
    expect((await json<Envelope<Fhir>>(await clinic(`/v1/conditions/${id}`))).data.bodySite).toHaveLength(2);
    const patched = await clinic(`/v1/conditions/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([
        { op: 'test', path: '/code/text', value: 'Eczema' },
        { op: 'copy', from: '/bodySite/0', path: '/bodySite/-' },
        { op: 'move', from: '/bodySite/1', path: '/bodySite/0' },
        { op: 'remove', path: '/bodySite/2' },
        { op: 'replace', path: '/clinicalStatus/coding/0/code', value: 'resolved' },
      ]),
    });
    expect(patched.status).toBe(200);
    expect((await json<Envelope<Fhir>>(patched)).data).toMatchObject({
      bodySite: [{ text: 'Right arm' }, { text: 'Left arm' }],
      clinicalStatus: { coding: [{ code: 'resolved' }] },
    });
  });

  it('refuses malformed patches (400), patches that break the resource (422) and changing the id or type', async () => {
    const id = (await json<Envelope<Fhir>>(await clinic('/v1/conditions', { method: 'POST', body: condition('guarded') }))).data.id;
    const patch = (body: unknown) => clinic(`/v1/conditions/${id}`, { method: 'PATCH', body: JSON.stringify(body) });
    expect((await patch([{ op: 'explode', path: '/code' }])).status).toBe(400);
    expect((await patch([{ op: 'add', path: 'code' }])).status).toBe(400);
    expect((await patch([{ op: 'add', path: '/__proto__/polluted', value: 1 }])).status).toBe(400);
    expect((await patch([])).status).toBe(400);
    expect((await patch([{ op: 'replace', path: '/code', value: null }])).status).toBe(422);
    expect((await patch([{ op: 'replace', path: '/id', value: 'other-id' }])).status).toBe(422);
    expect((await patch([{ op: 'replace', path: '/resourceType', value: 'Observation' }])).status).toBe(422);
    expect((await patch([{ op: 'replace', path: '/subject/reference', value: 'Patient/not-mine' }])).status).toBe(422);
    expect((await json<Envelope<Fhir>>(await clinic(`/v1/conditions/${id}`))).data.meta.versionId).toBe('1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
