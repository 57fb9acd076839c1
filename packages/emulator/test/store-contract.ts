/**
 * The one contract every `EmulatorStore` keeps. It runs against the memory store, PGlite and a real PostgreSQL
 * server (`store-contract.*.test.ts`), so the browser build and the server build cannot drift apart. Each test works
 * in tenants of its own, so one store is shared by the whole file.
 */
import type { Resource } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorStore, IdempotencyRecord, SearchRequest, SortKey, StoredResource } from '../src/store/types.ts';
import { webhookStoreContract } from './store-contract-webhooks.ts';

let tenantCounter = 0;
const newTenant = (): string => `org_contract_${Date.now().toString(36)}_${tenantCounter++}`;

const at = (minute: number): string => new Date(Date.UTC(2025, 0, 15, 10, minute)).toISOString();

function record(
  tenant: string,
  id: string,
  body: Partial<Resource> & { resourceType: string },
  options: { datastore?: string; version?: number; lastUpdated?: string } = {},
): StoredResource {
  return {
    datastore: options.datastore ?? 'test',
    tenant,
    resourceType: body.resourceType,
    id,
    version: options.version ?? 1,
    lastUpdated: options.lastUpdated ?? at(0),
    body: { ...body, id } as Resource,
  };
}

const patient = (tenant: string, id: string, given: string, family: string, extra: Record<string, unknown> = {}, lastUpdated = at(0)) =>
  record(tenant, id, { resourceType: 'Patient', name: [{ given: [given], family }], ...extra } as Resource, { lastUpdated });

const observation = (tenant: string, id: string, patientId: string, effective: string | undefined, status = 'final', lastUpdated = at(0)) =>
  record(
    tenant,
    id,
    {
      resourceType: 'Observation',
      status,
      code: { text: 'Heart rate' },
      subject: { reference: `Patient/${patientId}` },
      ...(effective ? { effectiveDateTime: effective } : {}),
    } as Resource,
    { lastUpdated },
  );

const search = (sort: SortKey[] = [], extra: Partial<SearchRequest> = {}): SearchRequest => ({
  filters: [],
  sort,
  offset: 0,
  limit: 100,
  ...extra,
});
const ids = (resources: readonly StoredResource[]): string[] => resources.map((resource) => resource.id);

function claim(
  tenant: string,
  key: string,
  fingerprint: string,
  createdAt: string,
  reusableBefore = '2000-01-01T00:00:00.000Z',
): IdempotencyRecord {
  return {
    datastore: 'test',
    tenant,
    key,
    fingerprint,
    createdAt,
    reusableBefore,
    response: { status: 201, headers: { ETag: 'W/"1"' }, body: { data: { fingerprint } } },
  };
}

export function describeStoreContract(name: string, open: () => Promise<EmulatorStore & { dispose?: () => Promise<void> }>): void {
  describe(`EmulatorStore contract: ${name}`, () => {
    let store: EmulatorStore & { dispose?: () => Promise<void> };
    beforeAll(async () => {
      store = await open();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await store?.dispose?.();
    });

    it('creates, finds and lists organisations; a duplicate id is refused', async () => {
      const id = newTenant();
      await store.createOrganisation({
        id,
        name: 'Contract clinic',
        plan: 'team',
        region: 'eu-west-2',
        overageBilling: true,
        createdAt: at(0),
      });
      expect(await store.findOrganisation(id)).toEqual({
        id,
        name: 'Contract clinic',
        plan: 'team',
        region: 'eu-west-2',
        overageBilling: true,
        createdAt: at(0),
      });
      expect((await store.listOrganisations()).map((organisation) => organisation.id)).toContain(id);
      await expect(store.createOrganisation({ id, name: 'Again', plan: 'pro', region: 'x', createdAt: at(1) })).rejects.toThrow();
      expect(await store.findOrganisation('org_missing_entirely')).toBeUndefined();
    });

    it('stores keys, finds one by hash with its organisation, lists them in order and revokes once', async () => {
      const organisationId = newTenant();
      await store.createOrganisation({ id: organisationId, name: 'Keys', plan: 'pro', region: 'us-east-1', createdAt: at(0) });
      const key = (id: string, hash: string, createdAt: string) => ({
        id,
        organisationId,
        environment: 'test' as const,
        keyHash: hash,
        hint: 'clk_test_…abcd',
        scopes: ['read'],
        shard: null,
        createdAt,
        expiresAt: null,
        revokedAt: null,
      });
      const suffix = organisationId.slice(-8);
      await store.insertKey(key(`key_b_${suffix}`, `hash-b-${suffix}`, at(2)));
      await store.insertKey(key(`key_a_${suffix}`, `hash-a-${suffix}`, at(1)));
      await expect(store.insertKey(key(`key_c_${suffix}`, `hash-a-${suffix}`, at(3)))).rejects.toThrow();
      const found = await store.findKeyByHash(`hash-b-${suffix}`);
      expect(found?.key).toMatchObject({ id: `key_b_${suffix}`, scopes: ['read'], revokedAt: null });
      expect(found?.organisation).toMatchObject({ plan: 'pro', overageBilling: false });
      expect((await store.listKeys(organisationId)).map((listed) => listed.id)).toEqual([`key_a_${suffix}`, `key_b_${suffix}`]);
      expect(await store.revokeKey(`key_a_${suffix}`, at(5))).toBe(true);
      expect(await store.revokeKey(`key_a_${suffix}`, at(9))).toBe(true);
      expect((await store.findKeyByHash(`hash-a-${suffix}`))?.key.revokedAt).toBe(at(5));
      expect(await store.revokeKey('key_never_issued', at(5))).toBe(false);
    });

    it('inserts records all or nothing, with ids unique per tenant', async () => {
      const tenant = newTenant();
      const other = newTenant();
      const outcome = await store.insertResources([patient(tenant, 'p1', 'Ada', 'Lovelace'), patient(tenant, 'p2', 'Alan', 'Turing')]);
      expect(outcome).toEqual({ kind: 'ok', skipped: [] });
      await expect(store.insertResources([patient(tenant, 'p3', 'New', 'One'), patient(tenant, 'p1', 'Dup', 'Licate')])).rejects.toThrow();
      expect(await store.readResource({ datastore: 'test', tenant, resourceType: 'Patient', id: 'p3' })).toBeUndefined();
      expect((await store.insertResources([patient(other, 'p1', 'Same', 'Id')])).kind).toBe('ok');
      const skipping = await store.insertResources([patient(tenant, 'p1', 'Skip', 'Me'), patient(tenant, 'p4', 'Kept', 'In')], {
        skipExisting: true,
      });
      expect(skipping).toEqual({ kind: 'ok', skipped: ['p1'] });
      expect((await store.readResource({ datastore: 'test', tenant, resourceType: 'Patient', id: 'p1' }))?.body).toMatchObject({
        name: [{ family: 'Lovelace' }],
      });
    });

    it('reads only within the tenant and datastore, and hands out copies', async () => {
      const tenant = newTenant();
      const stored = patient(tenant, 'r1', 'Grace', 'Hopper');
      await store.insertResources([stored]);
      const key = { datastore: 'test', tenant, resourceType: 'Patient', id: 'r1' };
      const read = await store.readResource(key);
      expect(read).toEqual(stored);
      (read?.body as { gender?: string }).gender = 'female';
      expect((await store.readResource(key))?.body).not.toHaveProperty('gender');
      expect(await store.readResource({ ...key, tenant: newTenant() })).toBeUndefined();
      expect(await store.readResource({ ...key, datastore: 'live' })).toBeUndefined();
      expect(await store.readResource({ ...key, resourceType: 'Practitioner' })).toBeUndefined();
    });

    it('replaces only the next version, atomically, and re-indexes the record', async () => {
      const tenant = newTenant();
      await store.insertResources([patient(tenant, 'u1', 'Old', 'Name')]);
      const key = { datastore: 'test', tenant, resourceType: 'Patient', id: 'u1' };
      const next = { ...patient(tenant, 'u1', 'New', 'Name'), version: 2, lastUpdated: at(5) };
      expect(await store.replaceResource(key, next)).toEqual({ kind: 'ok', resource: next });
      expect(await store.replaceResource(key, { ...next, version: 2 })).toEqual({ kind: 'version-conflict', currentVersion: 2 });
      expect(await store.replaceResource({ ...key, tenant: newTenant() }, { ...next, version: 3 })).toEqual({ kind: 'not-found' });
      const byName = await store.searchResources(
        { datastore: 'test', tenant, resourceType: 'Patient' },
        search([], { filters: [{ kind: 'name', value: 'new' }] }),
      );
      expect(ids(byName.resources)).toEqual(['u1']);
      const concurrent = await Promise.all([3, 3, 3, 3].map((version) => store.replaceResource(key, { ...next, version })));
      expect(concurrent.filter((outcome) => outcome.kind === 'ok')).toHaveLength(1);
    });

    it('deletes with an optional expected version', async () => {
      const tenant = newTenant();
      await store.insertResources([patient(tenant, 'd1', 'Del', 'Ete')]);
      const key = { datastore: 'test', tenant, resourceType: 'Patient', id: 'd1' };
      expect(await store.deleteResource(key, 7)).toEqual({ kind: 'version-conflict', currentVersion: 1 });
      expect(await store.deleteResource({ ...key, tenant: newTenant() })).toEqual({ kind: 'not-found' });
      expect((await store.deleteResource(key, 1)).kind).toBe('ok');
      expect(await store.deleteResource(key)).toEqual({ kind: 'not-found' });
    });

    it('searches by name (partial, literal wildcards), token alternatives, patient, date range and ids', async () => {
      const tenant = newTenant();
      const scope = { datastore: 'test', tenant, resourceType: 'Patient' };
      await store.insertResources([
        patient(tenant, 's1', 'Joanna', 'Lindqvist', { gender: 'female', telecom: [{ system: 'phone', value: '+46 8 555 012 34' }] }),
        patient(tenant, 's2', 'Hannah', 'Kowalski', { gender: 'female', active: false }),
        patient(tenant, 's3', 'Percy', '50% Off', { gender: 'male' }),
        patient(tenant, 's4', 'Annie', 'O’Neil', { gender: 'other' }),
      ]);
      const run = async (request: Partial<SearchRequest>) =>
        ids((await store.searchResources(scope, search([{ field: 'name', descending: false }], request))).resources);
      expect(await run({ filters: [{ kind: 'name', value: 'ANN' }] })).toEqual(['s2', 's1', 's4']);
      expect(await run({ filters: [{ kind: 'name', value: '50%' }] })).toEqual(['s3']);
      expect(await run({ filters: [{ kind: 'name', value: '5_%' }] })).toEqual([]);
      expect(await run({ filters: [{ kind: 'token', tokens: ['gender=male', 'gender=other'] }] })).toEqual(['s3', 's4']);
      expect(await run({ filters: [{ kind: 'token', tokens: ['active=false'] }] })).toEqual(['s2']);
      expect(
        await run({
          filters: [
            { kind: 'token', tokens: ['active=true'] },
            { kind: 'token', tokens: ['gender=female'] },
          ],
        }),
      ).toEqual(['s1']);
      expect(await run({ filters: [{ kind: 'token', tokens: ['phone=46855501234'] }] })).toEqual(['s1']);
      expect(await run({ filters: [{ kind: 'ids', ids: ['s4', 's1', 'missing'] }] })).toEqual(['s1', 's4']);

      const observations = { ...scope, resourceType: 'Observation' };
      await store.insertResources([
        observation(tenant, 'o1', 's1', '2025-01-14T23:30:00Z'),
        observation(tenant, 'o2', 's1', '2025-01-15'),
        observation(tenant, 'o3', 's2', '2025-01-16T08:00:00+02:00'),
        observation(tenant, 'o4', 's1', undefined),
      ]);
      const run2 = async (filters: SearchRequest['filters']) =>
        ids((await store.searchResources(observations, search([], { filters }))).resources);
      expect(await run2([{ kind: 'patient', patientId: 's1' }])).toEqual(['o1', 'o2', 'o4']);
      expect(await run2([{ kind: 'date', from: '2025-01-15', to: '2025-01-16' }])).toEqual(['o2']);
      expect(await run2([{ kind: 'date', from: '2025-01-15' }])).toEqual(['o2', 'o3']);
      expect(await run2([{ kind: 'date', to: '2025-01-15' }])).toEqual(['o1']);
      // A record's compartment spans types.
      const compartment = await store.searchResources(
        { datastore: 'test', tenant, resourceType: null },
        search([], { filters: [{ kind: 'patient', patientId: 's1' }] }),
      );
      expect(ids(compartment.resources)).toEqual(['o1', 'o2', 'o4', 's1']);
    });

    it('sorts ascending and descending with missing values last, ties by id, and pages with a total', async () => {
      const tenant = newTenant();
      const scope = { datastore: 'test', tenant, resourceType: 'Observation' };
      await store.insertResources([
        observation(tenant, 'b', 'p', '2025-01-02', 'final', at(3)),
        observation(tenant, 'a', 'p', '2025-01-02', 'final', at(1)),
        observation(tenant, 'c', 'p', undefined, 'final', at(2)),
        observation(tenant, 'd', 'p', '2025-01-01', 'amended', at(4)),
      ]);
      const order = async (sort: SortKey[]) => ids((await store.searchResources(scope, search(sort))).resources);
      expect(await order([{ field: 'date', descending: false }])).toEqual(['d', 'a', 'b', 'c']);
      expect(await order([{ field: 'date', descending: true }])).toEqual(['a', 'b', 'd', 'c']);
      expect(await order([{ field: 'lastUpdated', descending: true }])).toEqual(['d', 'b', 'c', 'a']);
      expect(await order([])).toEqual(['a', 'b', 'c', 'd']);
      const page = await store.searchResources(scope, search([{ field: 'date', descending: false }], { offset: 1, limit: 2 }));
      expect(page.total).toBe(4);
      expect(ids(page.resources)).toEqual(['a', 'b']);
      const changed = await store.searchResources(scope, search([], { filters: [{ kind: 'updatedAfter', after: at(2) }] }));
      expect(ids(changed.resources)).toEqual(['b', 'd']);
    });

    it('keeps searches inside the tenant and datastore', async () => {
      const tenant = newTenant();
      const intruder = newTenant();
      await store.insertResources([
        patient(tenant, 'x1', 'Private', 'Person'),
        record(tenant, 'x2', { resourceType: 'Patient' } as Resource, { datastore: 'live' }),
      ]);
      await store.insertResources([patient(intruder, 'x1', 'Private', 'Person')]);
      const result = await store.searchResources({ datastore: 'test', tenant, resourceType: 'Patient' }, search());
      expect(result.total).toBe(1);
      expect(result.resources[0]?.tenant).toBe(tenant);
      expect((await store.searchResources({ datastore: 'live', tenant, resourceType: 'Patient' }, search())).total).toBe(1);
    });

    it('claims an idempotency key with the write: replays, conflicts, expiry', async () => {
      const tenant = newTenant();
      const first = await store.insertResources([patient(tenant, 'i1', 'Idem', 'Potent')], {
        idempotency: claim(tenant, 'k1', 'fp-1', at(0)),
      });
      expect(first.kind).toBe('ok');
      const replay = await store.insertResources([patient(tenant, 'i2', 'Idem', 'Again')], {
        idempotency: claim(tenant, 'k1', 'fp-1', at(1)),
      });
      expect(replay).toEqual({
        kind: 'replay',
        response: { status: 201, headers: { ETag: 'W/"1"' }, body: { data: { fingerprint: 'fp-1' } } },
      });
      const conflict = await store.insertResources([patient(tenant, 'i3', 'Idem', 'Other')], {
        idempotency: claim(tenant, 'k1', 'fp-2', at(1)),
      });
      expect(conflict).toEqual({ kind: 'idempotency-conflict' });
      const expired = await store.insertResources([patient(tenant, 'i4', 'Idem', 'Later')], {
        idempotency: claim(tenant, 'k1', 'fp-3', at(30), at(10)),
      });
      expect(expired.kind).toBe('ok');
      const stored = await store.searchResources({ datastore: 'test', tenant, resourceType: 'Patient' }, search());
      expect(ids(stored.resources)).toEqual(['i1', 'i4']);
      // Another tenant's key of the same name is its own.
      expect(
        (await store.insertResources([patient(newTenant(), 'i1', 'A', 'B')], { idempotency: claim(newTenant(), 'k1', 'fp-1', at(0)) }))
          .kind,
      ).toBe('ok');
    });

    it('lets exactly one of many concurrent writers with one idempotency key write', async () => {
      const tenant = newTenant();
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          store.insertResources([patient(tenant, `race-${index}`, 'Race', String(index))], {
            idempotency: claim(tenant, 'burst', 'fp', at(0)),
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.kind === 'ok')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome.kind === 'replay')).toHaveLength(9);
      expect((await store.searchResources({ datastore: 'test', tenant, resourceType: 'Patient' }, search())).total).toBe(1);
    });

    it('stores bulk jobs, found only by their tenant and datastore', async () => {
      const tenant = newTenant();
      const job = {
        id: `job_${tenant}`,
        datastore: 'test',
        tenant,
        type: 'export' as const,
        status: 'completed' as const,
        totalRecords: 2,
        processedRecords: 2,
        errors: ['line 1: x'],
        output: '{}\n{}\n',
        createdAt: at(0),
      };
      await store.insertJob(job);
      expect(await store.findJob('test', tenant, job.id)).toEqual(job);
      expect(await store.findJob('test', newTenant(), job.id)).toBeUndefined();
      expect(await store.findJob('live', tenant, job.id)).toBeUndefined();
    });

    webhookStoreContract(() => store, newTenant);
  });
}
