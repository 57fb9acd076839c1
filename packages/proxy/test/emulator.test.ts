/** End to end against a real emulator: the session gate, REST passthrough both ways, and the audit record. */
import { startEmulator, seedDemoPatients, type RunningEmulator } from '@clinikapi/emulator';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../src/policy/roles.ts';
import { clinician, json, proxyApp, settled, type ProxyApp } from './harness.ts';

/** A session that trusts a test header: stands in for the app's own login. */
const headerSession = (req: Request) => (req.get('x-test-user') === 'yes' ? clinician : null);
const asUser = { 'x-test-user': 'yes' };
const writeHeaders = { ...asUser, 'x-csrf': '1', 'content-type': 'application/json' };

let emulator: RunningEmulator;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.emulator.admin.ensureOrganisation('org_proxy', { name: 'Proxy clinic', plan: 'pro' });
  key = (await emulator.emulator.admin.createKey({ organisationId: 'org_proxy', environment: 'test' })).key;
  await seedDemoPatients({ fetch: emulator.emulator.fetch, key });
}, 60_000);

afterAll(() => emulator?.stop());

describe('clinikProxy against the emulator', () => {
  let app: ProxyApp;
  beforeAll(async () => {
    app = await proxyApp({ apiKey: key, upstream: emulator.url, session: headerSession, policy: roles({ clinician: '*' }) });
  });
  afterAll(() => app.close());

  it('refuses a request without a session: 401 JSON, never a redirect', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json(response);
    expect(body).toMatchObject({ code: 'UNAUTHORIZED', requestId: response.headers.get('x-request-id'), issues: [] });
  });

  it('passes a signed-in search through to /v1/patients with the query', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients?name=okafor`, { headers: asUser });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { data: { data: { fullName: string }[] } };
    expect(body.data.data.map((patient) => patient.fullName)).toEqual(['Amara Okafor']);
  });

  it('streams a create through, rewrites the Location to the mount, and reads the record back', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: writeHeaders,
      body: JSON.stringify({ firstName: 'Proxy', lastName: 'Created' }),
    });
    expect(response.status).toBe(201);
    const id = ((await response.json()) as { data: { id: string } }).data.id;
    expect(response.headers.get('location')).toBe(`/api/clinik/patients/${id}`);
    expect(response.headers.get('etag')).toMatch(/^W\/"1"$/);
    const read = await fetch(`${app.url}/api/clinik/patients/${id}`, { headers: asUser });
    expect(((await read.json()) as { data: { fullName: string } }).data.fullName).toBe('Proxy Created');
  });

  it('updates with If-Match and deletes through the proxy', async () => {
    const created = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: writeHeaders,
      body: JSON.stringify({ firstName: 'To', lastName: 'Change' }),
    });
    const id = ((await created.json()) as { data: { id: string } }).data.id;
    const patched = await fetch(`${app.url}/api/clinik/patients/${id}`, {
      method: 'PATCH',
      headers: { ...writeHeaders, 'if-match': 'W/"1"' },
      body: JSON.stringify({ lastName: 'Changed' }),
    });
    expect(patched.status).toBe(200);
    const stale = await fetch(`${app.url}/api/clinik/patients/${id}`, {
      method: 'PATCH',
      headers: { ...writeHeaders, 'if-match': 'W/"1"' },
      body: JSON.stringify({ lastName: 'Again' }),
    });
    expect(stale.status).toBe(409);
    const deleted = await fetch(`${app.url}/api/clinik/patients/${id}`, { method: 'DELETE', headers: { ...asUser, 'x-csrf': '1' } });
    expect(deleted.status).toBe(204);
    expect((await fetch(`${app.url}/api/clinik/patients/${id}`, { headers: asUser })).status).toBe(404);
  });

  it('writes one audit record per request with the decision and the key fingerprint', async () => {
    const before = app.log.records().length;
    await fetch(`${app.url}/api/clinik/patients?name=wei`, { headers: asUser });
    const [record] = (await settled(app.log, before + 1)).slice(before);
    expect(record).toMatchObject({
      userId: 'user_clinician',
      interaction: 'search',
      resourceType: 'Patient',
      decision: 'allow',
      reason: 'role:clinician',
      status: 200,
      outcome: 'completed',
      upstream: { env: 'test', shard: null, status: 200 },
      queryParams: ['name'],
    });
    expect(record?.keyFingerprint).toMatch(/^kfp_[0-9a-f]{12}$/);
  });
});
