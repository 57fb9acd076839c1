/**
 * Every request type of the contract, sent as the official SDK sends it: create with only the required fields and
 * with every field, read, update with the SDK's merge object (as application/json-patch+json), search by each
 * documented parameter, delete — on all 62 paths, with what the contract says each field means.
 */
import { RESOURCE_CATALOGUE, findResource, type ResourcePath } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/node/server.ts';
import { newOrganisationKey } from '../helpers.ts';
import { CONTRACT_BODIES, forPatient } from './bodies.ts';
import { UPDATES, fullBodyMeaning } from './meanings.ts';
import { searchesFor } from './searches.ts';
import { sdkWire, type SdkWire } from './wire.ts';

interface Record_ {
  id: string;
  resourceType?: string;
  meta: { versionId: string };
}

let running: RunningEmulator;
let sdk: SdkWire;
let patientId: string;

beforeAll(async () => {
  running = await startEmulator();
  const clinic = await newOrganisationKey(running, 'org_sdk_paths', { plan: 'enterprise' });
  sdk = sdkWire({ baseUrl: running.url, apiKey: clinic.key });
  patientId = ((await sdk.create('patients', { firstName: 'Ada', lastName: 'Quist' })).data as Record_).id;
}, 60_000);

afterAll(() => running?.stop());

describe.each(CONTRACT_BODIES)('/v1/$path through the SDK', ({ path, minimal, full }) => {
  const definition = findResource(path) as (typeof RESOURCE_CATALOGUE)[number];

  it('creates with only the required fields, and with every field, meaning what the contract says', async () => {
    const small = await sdk.create(path, forPatient(minimal, patientId));
    expect(small.status, JSON.stringify(small.body)).toBe(201);
    const record = small.data as Record_;
    expect(record.id).toEqual(expect.any(String));
    if (path !== 'patients') expect(record.resourceType).toBe(definition.resourceType);

    const large = await sdk.create(path, forPatient(full, patientId));
    expect(large.status, JSON.stringify(large.body)).toBe(201);
    expect(large.data).toMatchObject(fullBodyMeaning(patientId)[path as ResourcePath]);
    const read = await sdk.read(path, (large.data as Record_).id);
    expect(read.status).toBe(200);
    expect(read.data).toEqual(large.data);
  });

  it('updates with the fields the SDK sends as application/json-patch+json (405 where the path cannot be changed)', async () => {
    const created = (await sdk.create(path, forPatient(full, patientId))).data as Record_;
    const update = UPDATES[path as ResourcePath];
    // Without a listed change, the first field again: the request must still be taken as a merge.
    const fields = update?.fields ?? Object.fromEntries([Object.entries(forPatient(full, patientId))[0] as [string, unknown]]);
    const updated = await sdk.update(path, created.id, fields);
    if (!definition.operations.includes('update')) {
      expect(updated.status).toBe(405);
      return;
    }
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.headers.get('etag')).toBe('W/"2"');
    if (update) expect(updated.data).toMatchObject(update.then);
    expect((await sdk.read(path, created.id)).data).toEqual(updated.data);
  });

  it('finds the record by each search parameter the path documents, one at a time', async () => {
    const created = (await sdk.create(path, forPatient(full, patientId))).data as Record_;
    for (const [param, value] of searchesFor(path as ResourcePath, definition.searchParams, forPatient(full, patientId), patientId)) {
      const found = await sdk.search(path, { [param]: value, count: 100 });
      expect(found.status, `${param}=${value}: ${JSON.stringify(found.body)}`).toBe(200);
      const page = found.data as { data: Record_[]; hasMore: boolean };
      expect(
        page.data.map((record) => record.id),
        `${path}?${param}=${value}`,
      ).toContain(created.id);
    }
  });

  it('deletes it: 204, then 404', async () => {
    const created = (await sdk.create(path, forPatient(minimal, patientId))).data as Record_;
    const removed = await sdk.remove(path, created.id);
    expect(removed.status).toBe(204);
    expect(removed.data).toBeNull();
    expect((await sdk.read(path, created.id)).status).toBe(404);
  });
});

describe('the contract bodies', () => {
  it('cover every path of the catalogue', () => {
    expect(CONTRACT_BODIES.map((entry) => entry.path)).toEqual(RESOURCE_CATALOGUE.map((entry) => entry.path));
    for (const entry of CONTRACT_BODIES) expect([entry.path, entry.minimal, entry.full].every(Boolean), entry.path).toBe(true);
  });
});
