/**
 * Key routing against several emulators, each running as a shard: a key's suffix picks the host from configuration,
 * with ClinikAPI's x-api-key. (The Cliniko preset, which speaks Cliniko's API, is routed against Cliniko emulators in
 * `cliniko/shards.test.ts`.)
 */
import { startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreams } from '../src/upstream/presets.ts';
import { proxyApp, settled, type ProxyApp } from './harness.ts';

const SHARDS = ['uk1', 'au1'] as const;
const emulators: Record<string, RunningEmulator> = {};
const keys: Record<string, string> = {};

async function emulatorWithKey(name: string, shard?: string): Promise<void> {
  const running = await startEmulator(shard ? { shard } : {});
  await running.emulator.admin.ensureOrganisation(`org_${name}`, { name, plan: 'pro' });
  emulators[name] = running;
  keys[name] = (await running.emulator.admin.createKey({ organisationId: `org_${name}`, environment: 'test' })).key;
}

beforeAll(async () => {
  await emulatorWithKey('default');
  for (const shard of SHARDS) await emulatorWithKey(shard, shard);
}, 60_000);
afterAll(async () => {
  await Promise.all(Object.values(emulators).map((running) => running.stop()));
});

/** Each user belongs to one clinic account; the key is chosen per user. */
const clinicOf = (req: Request) => req.get('x-clinic') ?? '';
const session = (req: Request) => ({ id: `user-${clinicOf(req)}`, roles: ['clinician'], clinic: clinicOf(req) });
const shardUrl = (shard: string) => emulators[shard]?.url ?? 'https://unconfigured.invalid';

async function createAndCount(app: ProxyApp, clinic: string, lastName: string): Promise<number> {
  const created = await fetch(`${app.url}/api/clinik/patients`, {
    method: 'POST',
    headers: { 'x-clinic': clinic, 'x-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Routed', lastName }),
  });
  return created.status;
}

async function namesIn(name: string): Promise<string[]> {
  const running = emulators[name] as RunningEmulator;
  const response = await running.emulator.fetch(
    new Request(`${running.url}/v1/patients`, { headers: { 'x-api-key': keys[name] as string } }),
  );
  return ((await response.json()) as { data: { data: { fullName: string }[] } }).data.data.map((patient) => patient.fullName);
}

describe('routing by shard suffix (ClinikAPI preset)', () => {
  let app: ProxyApp;
  beforeAll(async () => {
    app = await proxyApp({
      session,
      apiKey: (user) => keys[user.clinic as string] ?? '',
      upstream: upstreams.clinikapi({ test: emulators.default?.url, shards: [...SHARDS], shardUrl }),
    });
  });
  afterAll(() => app.close());

  it('sends each clinic’s calls to the shard its key names', async () => {
    expect(await createAndCount(app, 'uk1', 'InUk')).toBe(201);
    expect(await createAndCount(app, 'au1', 'InAu')).toBe(201);
    expect(await createAndCount(app, 'default', 'InDefault')).toBe(201);
    expect(await namesIn('uk1')).toEqual(['Routed InUk']);
    expect(await namesIn('au1')).toEqual(['Routed InAu']);
    expect(await namesIn('default')).toEqual(['Routed InDefault']);
    const records = await settled(app.log, 3);
    expect(records.map((record) => record.upstream?.shard)).toEqual(['uk1', 'au1', null]);
  });

  it('refuses a key naming a shard that is not configured, without echoing it', async () => {
    keys.ca1 = `${(keys.default as string).split('-')[0]}-ca1`;
    const response = await fetch(`${app.url}/api/clinik/patients`, { headers: { 'x-clinic': 'ca1' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain(keys.ca1);
    expect(JSON.stringify(app.log.lines)).not.toContain(keys.ca1);
  });
});

describe('a shard that refuses the key', () => {
  it('is a 502 for the client (the key is misrouted), and the emulator really refuses another shard’s key', async () => {
    const misrouted = await proxyApp({
      session,
      apiKey: (user) => keys[user.clinic as string] ?? '',
      upstream: upstreams.clinikapi({ test: emulators.default?.url, shards: ['uk1'], shardUrl: () => emulators.au1?.url as string }),
    });
    const response = await fetch(`${misrouted.url}/api/clinik/patients`, { headers: { 'x-clinic': 'uk1' } });
    expect(response.status).toBe(502);
    expect((await settled(misrouted.log, 1))[0]).toMatchObject({ error: 'upstream:key-rejected', upstream: { status: 401 } });
    await misrouted.close();
  });
});
