/** The dashboard stand-in over HTTP: its own port on 127.0.0.1, its own token, and what it can do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { callerFor, json } from './helpers.ts';

let running: RunningEmulator;
let adminUrl: string;
let token: string;

const admin = (path: string, init: RequestInit = {}, bearer = token) =>
  fetch(`${adminUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });

beforeAll(async () => {
  running = await startEmulator({ admin: { port: 0 } });
  adminUrl = running.admin?.url as string;
  token = running.admin?.token as string;
}, 60_000);

afterAll(() => running?.stop());

describe('admin API', () => {
  it('listens on 127.0.0.1, on a port of its own, and refuses requests without its token', async () => {
    expect(new URL(adminUrl).hostname).toBe('127.0.0.1');
    expect(new URL(adminUrl).port).not.toBe(new URL(running.url).port);
    expect((await fetch(`${adminUrl}/organisations`)).status).toBe(401);
    expect((await admin('/organisations', {}, 'wrong-token')).status).toBe(401);
    expect((await admin('/organisations', {}, `${token}x`)).status).toBe(401);
    // The admin token is not an API key, and an API key is not an admin token.
    expect((await fetch(`${running.url}/v1/patients`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('creates organisations with a plan and a region, and refuses bad ones', async () => {
    const created = await admin('/organisations', {
      method: 'POST',
      body: JSON.stringify({ id: 'org_admin', name: 'Admin clinic', plan: 'team', region: 'eu-west-2' }),
    });
    expect(created.status).toBe(201);
    expect((await json<{ data: unknown }>(created)).data).toMatchObject({ id: 'org_admin', plan: 'team', region: 'eu-west-2' });
    expect((await admin('/organisations', { method: 'POST', body: JSON.stringify({ id: 'org_admin', name: 'Again' }) })).status).toBe(409);
    const bad = await admin('/organisations', { method: 'POST', body: JSON.stringify({ name: '', plan: 'platinum' }) });
    expect(bad.status).toBe(422);
    expect((await json<{ issues: { path: string }[] }>(bad)).issues.map((issue) => issue.path).sort()).toEqual(['name', 'plan']);
    expect((await json<{ data: { id: string }[] }>(await admin('/organisations'))).data.map((organisation) => organisation.id)).toContain(
      'org_admin',
    );
  });

  it('creates keys that work, lists them without secrets, and revokes them', async () => {
    const created = await admin('/organisations/org_admin/keys', {
      method: 'POST',
      body: JSON.stringify({ environment: 'live', scopes: ['read'] }),
    });
    expect(created.status).toBe(201);
    const { key, record } = (await json<{ data: { key: string; record: { id: string; keyHash?: string } } }>(created)).data;
    expect(key).toMatch(/^clk_live_/);
    expect(record.keyHash).toBeUndefined();
    expect((await callerFor(running, key)('/v1/patients')).status).toBe(200);

    const listed = await admin('/organisations/org_admin/keys');
    const text = await listed.text();
    expect(text).not.toContain(key.slice(9));
    expect(JSON.parse(text).data).toEqual([expect.objectContaining({ id: record.id, scopes: ['read'], revokedAt: null })]);

    expect((await admin(`/keys/${record.id}/revoke`, { method: 'POST' })).status).toBe(200);
    expect((await json<{ data: { revokedAt: string }[] }>(await admin('/organisations/org_admin/keys'))).data[0]?.revokedAt).toEqual(
      expect.any(String),
    );
    expect((await admin('/keys/key_unknown/revoke', { method: 'POST' })).status).toBe(404);
    expect((await admin('/organisations/org_nobody/keys', { method: 'POST', body: JSON.stringify({ environment: 'test' }) })).status).toBe(
      404,
    );
    expect((await admin('/organisations/org_admin/keys', { method: 'POST', body: JSON.stringify({ environment: 'prod' }) })).status).toBe(
      422,
    );
  });

  it('seeds the demo clinic into the datastore the environment names', async () => {
    const seeded = await admin('/organisations/org_admin/seed', { method: 'POST', body: JSON.stringify({ environment: 'test' }) });
    expect(seeded.status).toBe(201);
    expect((await json<{ data: { patients: number; records: number } }>(seeded)).data).toEqual({
      patients: 20,
      records: expect.any(Number),
    });
    const testKey = (
      await json<{ data: { key: string } }>(
        await admin('/organisations/org_admin/keys', { method: 'POST', body: JSON.stringify({ environment: 'test' }) }),
      )
    ).data.key;
    const liveKey = (
      await json<{ data: { key: string } }>(
        await admin('/organisations/org_admin/keys', { method: 'POST', body: JSON.stringify({ environment: 'live' }) }),
      )
    ).data.key;
    const patients = async (key: string) =>
      (await json<{ data: { total: number } }>(await callerFor(running, key)('/v1/patients'))).data.total;
    expect(await patients(testKey)).toBe(20);
    expect(await patients(liveKey)).toBe(0);
    const observations = await json<{ data: { total: number } }>(await callerFor(running, testKey)('/v1/observations'));
    expect(observations.data.total).toBe(20);
  });
});
