/**
 * The seed's authentication, for real: hashed keys, the documented error codes, scopes, expiry, the 60-second key
 * cache (proved on both sides with a controllable clock), datastore routing and Cliniko-style shards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { callerFor, json, newOrganisationKey, type Caller } from './helpers.ts';

let clock = Date.parse('2025-03-01T09:00:00Z');
let running: RunningEmulator;

beforeAll(async () => {
  running = await startEmulator({ now: () => clock });
}, 60_000);

afterAll(() => running?.stop());

const basic = (key: string): Record<string, string> => ({ authorization: `Basic ${btoa(`${key}:`)}` });
const withoutKey = (path: string, headers: Record<string, string>) => fetch(`${running.url}${path}`, { headers });

describe('API keys', () => {
  it('stores only a hash of each key', async () => {
    const caller = await newOrganisationKey(running, 'org_hash');
    const [record] = await running.emulator.admin.listKeys('org_hash');
    expect(record?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(record)).not.toContain(caller.key.slice(9));
  });

  it('answers each documented failure with its code, and never echoes the key', async () => {
    const caller = await newOrganisationKey(running, 'org_codes');
    const unknown = `clk_live_${'Q'.repeat(32)}`;
    const cases: [Record<string, string>, string][] = [
      [{}, 'UNAUTHORIZED'],
      [{ 'x-api-key': 'sk_test_123' }, 'INVALID_KEY_FORMAT'],
      [{ 'x-api-key': unknown }, 'INVALID_KEY'],
      [{ authorization: 'Bearer something' }, 'UNAUTHORIZED'],
    ];
    for (const [headers, code] of cases) {
      const response = await withoutKey('/v1/patients', headers);
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ code });
      expect(text).not.toContain(unknown);
    }
    expect((await caller('/v1/patients')).status).toBe(200);
  });

  it('takes the key as Basic auth (key + ":") too', async () => {
    const caller = await newOrganisationKey(running, 'org_basic');
    expect((await withoutKey('/v1/patients', basic(caller.key))).status).toBe(200);
  });

  it('refuses an expired key with KEY_EXPIRED from the moment it expires, even while cached', async () => {
    await running.emulator.admin.ensureOrganisation('org_expiry', { name: 'Expiry', plan: 'pro' });
    const { key } = await running.emulator.admin.createKey({
      organisationId: 'org_expiry',
      environment: 'test',
      expiresAt: new Date(clock + 30_000).toISOString(),
    });
    const caller = callerFor(running, key);
    expect((await caller('/v1/patients')).status).toBe(200);
    clock += 31_000;
    const expired = await caller('/v1/patients');
    expect(expired.status).toBe(401);
    expect(await json(expired)).toMatchObject({ code: 'KEY_EXPIRED' });
  });

  it('keeps honouring a revoked key for 59 s (the 60 s cache) and refuses it with KEY_REVOKED at 61 s', async () => {
    const caller = await newOrganisationKey(running, 'org_revoke');
    expect((await caller('/v1/patients')).status).toBe(200);
    const [record] = await running.emulator.admin.listKeys('org_revoke');
    expect(await running.emulator.admin.revokeKey(record?.id as string)).toBe(true);

    clock += 59_000;
    expect((await caller('/v1/patients')).status).toBe(200);
    clock += 2_000;
    const revoked = await caller('/v1/patients');
    expect(revoked.status).toBe(401);
    expect(await json(revoked)).toMatchObject({ code: 'KEY_REVOKED' });
  });

  it('refuses a revoked key at once when it was never cached', async () => {
    await running.emulator.admin.ensureOrganisation('org_revoke_cold', { name: 'Cold', plan: 'pro' });
    const { key, record } = await running.emulator.admin.createKey({ organisationId: 'org_revoke_cold', environment: 'test' });
    await running.emulator.admin.revokeKey(record.id);
    expect(await json(await callerFor(running, key)('/v1/patients'))).toMatchObject({ code: 'KEY_REVOKED' });
  });
});

describe('scopes', () => {
  it('read keys may only GET, write keys may only change, * may do both — refused with 403', async () => {
    const reader = await newOrganisationKey(running, 'org_scopes', { scopes: ['read'] });
    const writer = await newOrganisationKey(running, 'org_scopes', { scopes: ['write'] });
    const body = JSON.stringify({ firstName: 'Scope', lastName: 'Test' });
    expect((await reader('/v1/patients')).status).toBe(200);
    const refused = await reader('/v1/patients', { method: 'POST', body });
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'FORBIDDEN' });
    const created = await writer('/v1/patients', { method: 'POST', body });
    expect(created.status).toBe(201);
    expect((await writer('/v1/patients')).status).toBe(403);
    const id = (await json<{ data: { id: string } }>(created)).data.id;
    expect((await reader(`/v1/patients/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await writer(`/v1/patients/${id}`, { method: 'DELETE' })).status).toBe(204);
  });
});

describe('datastore routing', () => {
  const create = (caller: Caller, lastName: string) =>
    caller('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Route', lastName }) });
  const names = async (caller: Caller) =>
    (await json<{ data: { data: { lastName: string }[] } }>(await caller('/v1/patients?name=route'))).data.data.map(
      (patient) => patient.lastName,
    );

  it('keeps test and live data of one organisation apart, both ways', async () => {
    const test = await newOrganisationKey(running, 'org_routing', { environment: 'test' });
    const live = await newOrganisationKey(running, 'org_routing', { environment: 'live' });
    const testId = (await json<{ data: { id: string } }>(await create(test, 'TestOnly'))).data.id;
    const liveId = (await json<{ data: { id: string } }>(await create(live, 'LiveOnly'))).data.id;
    expect(await names(test)).toEqual(['TestOnly']);
    expect(await names(live)).toEqual(['LiveOnly']);
    expect((await live(`/v1/patients/${testId}`)).status).toBe(404);
    expect((await test(`/v1/patients/${liveId}`)).status).toBe(404);
    expect((await live(`/v1/fhir/Patient/${testId}`)).status).toBe(404);
  });

  it('routes test keys to the shared test store, live keys to production, enterprise live keys to their own store', async () => {
    const stored = async (organisationId: string, environment: 'test' | 'live', plan: 'pro' | 'enterprise') => {
      const caller = await newOrganisationKey(running, organisationId, { environment, plan });
      const id = (await json<{ data: { id: string } }>(await create(caller, organisationId))).data.id;
      const candidates = ['test', 'live', `dedicated:${organisationId}`];
      for (const datastore of candidates) {
        if (await running.emulator.store.readResource({ datastore, tenant: organisationId, resourceType: 'Patient', id })) return datastore;
      }
      return undefined;
    };
    expect(await stored('org_pro_store', 'test', 'pro')).toBe('test');
    expect(await stored('org_pro_store', 'live', 'pro')).toBe('live');
    expect(await stored('org_ent_store', 'test', 'enterprise')).toBe('test');
    expect(await stored('org_ent_store', 'live', 'enterprise')).toBe('dedicated:org_ent_store');
  });
});

describe('shards', () => {
  let shard: RunningEmulator;
  beforeAll(async () => {
    shard = await startEmulator({ shard: 'uk1' });
  }, 60_000);
  afterAll(() => shard?.stop());

  it('issues keys with the shard suffix and accepts them with or without it, as x-api-key or Basic auth', async () => {
    await shard.emulator.admin.ensureOrganisation('org_uk', { name: 'UK clinic', plan: 'pro' });
    const { key } = await shard.emulator.admin.createKey({ organisationId: 'org_uk', environment: 'live' });
    expect(key).toMatch(/^clk_live_[A-Za-z0-9]{32}-uk1$/);
    const bare = key.slice(0, -'-uk1'.length);
    for (const headers of [{ 'x-api-key': key }, { 'x-api-key': bare }, basic(key), basic(bare)]) {
      expect((await fetch(`${shard.url}/v1/patients`, { headers })).status).toBe(200);
    }
  });

  it('refuses keys of another shard, and keys issued without a shard', async () => {
    await shard.emulator.admin.ensureOrganisation('org_uk2', { name: 'UK clinic', plan: 'pro' });
    const { key } = await shard.emulator.admin.createKey({ organisationId: 'org_uk2', environment: 'test' });
    const otherShard = `${key.slice(0, -'-uk1'.length)}-ca1`;
    const unsharded = (await newOrganisationKey(running, 'org_unsharded')).key;
    for (const presented of [otherShard, unsharded]) {
      const response = await fetch(`${shard.url}/v1/patients`, { headers: { 'x-api-key': presented } });
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({ code: 'INVALID_KEY' });
    }
    expect((await fetch(`${running.url}/v1/patients`, { headers: { 'x-api-key': key } })).status).toBe(401);
  });
});
