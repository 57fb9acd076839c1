/**
 * Shard routing against three Cliniko emulators at once (au1, uk2, eu1 — two of them shards the old default list
 * refused): one key per clinic account, each routed by its suffix (none: au1) to its own shard, the shard named in
 * the audit record; a key on the wrong shard; a key of a shard that is not configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/policy/roles.ts';
import { clinikProxy } from '../../src/clinik-proxy.ts';
import type { ProxyUser } from '../../src/request-context.ts';
import { upstreams } from '../../src/upstream/presets.ts';
import { proxyApp, settled, type ProxyApp } from '../harness.ts';
import { USER_AGENT, asUser, clinikoUpstream, direct, headerSession, startShard, withoutSuffix, type Shard } from './cliniko-harness.ts';

const shards: Record<string, Shard> = {};
/** Each clinic account's key, chosen per user by `apiKey`. */
const keys: Record<string, string> = {};

beforeAll(async () => {
  for (const shard of ['au1', 'uk2', 'eu1']) shards[shard] = await startShard(shard);
  keys.melbourne = withoutSuffix((shards.au1 as Shard).key);
  keys.london = (shards.uk2 as Shard).key;
  keys.dublin = (shards.eu1 as Shard).key;
}, 90_000);
afterAll(async () => {
  await Promise.all(Object.values(shards).map((shard) => shard.running.stop()));
});

const users: Record<string, ProxyUser> = Object.fromEntries(
  ['melbourne', 'london', 'dublin', 'misrouted', 'unlisted'].map((clinic) => [
    clinic,
    { id: `desk-${clinic}`, roles: ['frontDesk'], clinic },
  ]),
);
const policy = roles({ frontDesk: ['settings:read', 'patients:*', 'users:read'] });
const keyOf = (user: ProxyUser): string => keys[user.clinic as string] ?? '';
const timeZoneThrough = async (app: ProxyApp, clinic: string) => {
  const response = await asUser(app, clinic)('/settings/public');
  expect(response.status, clinic).toBe(200);
  return ((await response.json()) as { account: { time_zone: string } }).account.time_zone;
};

describe('one key per clinic account', () => {
  let app: ProxyApp;
  beforeAll(async () => {
    app = await proxyApp({
      upstream: clinikoUpstream({ au1: shards.au1!.running, uk2: shards.uk2!.running, eu1: shards.eu1!.running }),
      apiKey: keyOf,
      session: headerSession(users),
      policy,
    });
  });
  afterAll(() => app.close());

  it('sends each clinic to its shard — a key without a suffix to au1 — and names the shard in the audit record', async () => {
    // Each shard's clinic keeps its region's time zone: the answer says which shard answered.
    expect(await timeZoneThrough(app, 'melbourne')).toBe('Melbourne');
    expect(await timeZoneThrough(app, 'london')).toBe('London');
    expect(await timeZoneThrough(app, 'dublin')).toBe('Dublin');
    const records = await settled(app.log, 3);
    expect(records.map((record) => record.upstream)).toEqual([
      { env: 'live', shard: 'au1', status: 200, requestId: null },
      { env: 'live', shard: 'uk2', status: 200, requestId: null },
      { env: 'live', shard: 'eu1', status: 200, requestId: null },
    ]);
    expect(new Set(records.map((record) => record.keyFingerprint)).size).toBe(3);
  });

  it('writes land on the clinic’s own shard only', async () => {
    const created = await asUser(app, 'london')('/patients', { method: 'POST', body: { first_name: 'Routed', last_name: 'ToLondon' } });
    expect(created.status).toBe(201);
    const query = '/patients?q[]=last_name:=ToLondon';
    expect((await direct<{ total_entries: number }>(shards.uk2 as Shard, query)).body.total_entries).toBe(1);
    expect((await direct<{ total_entries: number }>(shards.au1 as Shard, query)).body.total_entries).toBe(0);
    expect((await direct<{ total_entries: number }>(shards.eu1 as Shard, query)).body.total_entries).toBe(0);
  });

  it('fingerprints a key the same with and without its suffix', async () => {
    const suffixed = await proxyApp({
      upstream: clinikoUpstream({ au1: shards.au1!.running }),
      apiKey: (shards.au1 as Shard).key,
      session: headerSession(users),
      policy,
    });
    await asUser(suffixed, 'melbourne')('/user');
    await asUser(app, 'melbourne')('/user');
    const [withSuffix] = await settled(suffixed.log, 1);
    const without = app.log.records().at(-1);
    expect(withSuffix?.keyFingerprint).toBe(without?.keyFingerprint);
    await suffixed.close();
  });
});

describe('a key on the wrong shard', () => {
  it('is refused by the shard (401) and answered 502 — never as the user being signed out', async () => {
    // A suffix-less copy of the London key goes to au1, which does not know it; Cliniko gives no hint of the shard.
    keys.misrouted = withoutSuffix((shards.uk2 as Shard).key);
    const app = await proxyApp({
      upstream: clinikoUpstream({ au1: shards.au1!.running, uk2: shards.uk2!.running }),
      apiKey: keyOf,
      session: headerSession(users),
      policy,
    });
    const response = await asUser(app, 'misrouted')('/user');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect((await settled(app.log, 1))[0]).toMatchObject({ error: 'upstream:key-rejected', upstream: { shard: 'au1', status: 401 } });
    await app.close();
  });

  it('is what a shard URL pointing at another shard’s host gets too', async () => {
    const app = await proxyApp({
      upstream: clinikoUpstream({ uk2: shards.au1!.running }),
      apiKey: keyOf,
      session: headerSession(users),
      policy,
    });
    expect((await asUser(app, 'london')('/user')).status).toBe(502);
    await app.close();
  });
});

describe('a key of a shard that is not configured', () => {
  const unlisted = () => `${withoutSuffix((shards.au1 as Shard).key)}-ca1`;

  it('stops a static key at start-up, without echoing it', () => {
    const upstream = upstreams.cliniko({ userAgent: USER_AGENT, shards: ['au1'], shardUrl: () => shards.au1!.running.url });
    let message = '';
    try {
      clinikProxy({ upstream, apiKey: unlisted(), session: headerSession(users), policy });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/shard "ca1", which is not in the configured list/);
    expect(message).not.toContain(withoutSuffix(unlisted()));
  });

  it('answers a per-user key with a 500 that names no key', async () => {
    keys.unlisted = unlisted();
    const app = await proxyApp({
      upstream: clinikoUpstream({ au1: shards.au1!.running }),
      apiKey: keyOf,
      session: headerSession(users),
      policy,
    });
    const response = await asUser(app, 'unlisted')('/user');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain(withoutSuffix(keys.unlisted));
    expect((await settled(app.log, 1))[0]).toMatchObject({ error: 'key:shard' });
    expect(app.log.lines.join('\n')).not.toContain(withoutSuffix(keys.unlisted));
    await app.close();
  });
});
