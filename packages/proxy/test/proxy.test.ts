/** The walking-skeleton proxy: session gate, REST passthrough to a real emulator, and header hygiene both ways. */
import { startEmulator, seedDemoPatients, type RunningEmulator } from '@clinikapi/emulator';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/options.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { FAKE_KEY, proxyApp, recordingUpstream, type Listening } from './harness.ts';

const clinician: ProxyUser = { id: 'user_1', roles: ['clinician'] };
const signedIn = () => clinician;
/** A session that trusts a test header: stands in for the app's own login. */
const headerSession = (req: Request) => (req.get('x-test-user') === 'yes' ? clinician : null);

let emulator: RunningEmulator;
let key: string;

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.emulator.admin.ensureOrganisation('org_proxy', { name: 'Proxy clinic', plan: 'pro' });
  key = (await emulator.emulator.admin.createKey({ organisationId: 'org_proxy', environment: 'test' })).key;
  await seedDemoPatients({ fetch: emulator.emulator.fetch, key });
}, 60_000);

afterAll(() => emulator?.stop());

describe('clinikProxy options', () => {
  it('names the bad option, and never echoes the key', () => {
    expect(() => resolveOptions({} as never, {})).toThrow('option "session"');
    expect(() => resolveOptions({ session: signedIn }, {})).toThrow('option "apiKey" is missing');
    const wrong = `sk_live_${'x'.repeat(30)}`;
    const error = (() => {
      try {
        resolveOptions({ session: signedIn, apiKey: wrong }, {});
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a throw');
    })();
    expect(error.message).toContain('option "apiKey"');
    expect(error.message).not.toContain(wrong);
    expect(() => resolveOptions({ session: signedIn, apiKey: FAKE_KEY, upstream: 'not a url' }, {})).toThrow('option "upstream"');
    expect(() => resolveOptions({ session: signedIn, apiKey: FAKE_KEY, upstream: 'ftp://x.test' }, {})).toThrow('option "upstream"');
  });

  it('reads the key from CLINIKAPI_SECRET_KEY by default', () => {
    expect(resolveOptions({ session: signedIn }, { CLINIKAPI_SECRET_KEY: FAKE_KEY }).apiKey).toBe(FAKE_KEY);
  });
});

describe('clinikProxy against the emulator', () => {
  let app: Listening;
  beforeAll(async () => {
    app = await proxyApp({ apiKey: key, upstream: emulator.url, session: headerSession });
  });
  afterAll(() => app.close());

  it('refuses a request without a session: 401 JSON, never a redirect', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'UNAUTHORIZED', requestId: response.headers.get('x-request-id'), issues: [] });
  });

  it('passes a signed-in search through to /v1/patients with the query', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients?name=okafor`, { headers: { 'x-test-user': 'yes' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { data: { data: { fullName: string }[] } };
    expect(body.data.data.map((patient) => patient.fullName)).toEqual(['Amara Okafor']);
  });

  it('streams a create through and returns the upstream status', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: { 'x-test-user': 'yes', 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Proxy', lastName: 'Created' }),
    });
    expect(response.status).toBe(201);
    const id = ((await response.json()) as { data: { id: string } }).data.id;
    const read = await fetch(`${app.url}/api/clinik/patients/${id}`, { headers: { 'x-test-user': 'yes' } });
    expect(((await read.json()) as { data: { fullName: string } }).data.fullName).toBe('Proxy Created');
  });

  it.each(['/api/clinik/', '/api/clinik/unknown', '/api/clinik/patients/a/b', '/api/clinik/bulk/export', '/api/clinik/patients/a%2Fb'])(
    'answers %s with 404 NOT_FOUND: only catalogue resources exist',
    async (path) => {
      const response = await fetch(`${app.url}${path}`, { headers: { 'x-test-user': 'yes' } });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    },
  );
});

describe('clinikProxy header hygiene', () => {
  it('forwards only allow-listed headers and attaches the key server-side', async () => {
    const upstream = await recordingUpstream();
    const app = await proxyApp({ apiKey: FAKE_KEY, upstream: upstream.url, session: signedIn });
    const response = await fetch(`${app.url}/api/clinik/patients?name=a&count=5`, {
      method: 'POST',
      headers: {
        cookie: 'app_session=s3cr3t',
        authorization: 'Bearer browser-token',
        'x-api-key': 'clk_test_from_the_browser',
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-host': 'evil.test',
        'x-http-method-override': 'DELETE',
        'x-custom': 'nope',
        'content-type': 'application/json',
        'idempotency-key': 'idem-1',
        'if-match': 'W/"3"',
      },
      body: JSON.stringify({ firstName: 'A', lastName: 'B' }),
    });
    expect(response.status).toBe(200);
    const [seen] = upstream.requests;
    expect(seen?.url).toBe('/v1/patients?name=a&count=5');
    expect(seen?.body).toBe(JSON.stringify({ firstName: 'A', lastName: 'B' }));
    expect(seen?.headers['x-api-key']).toBe(FAKE_KEY);
    expect(seen?.headers.host).toBe(new URL(upstream.url).host);
    expect(seen?.headers['idempotency-key']).toBe('idem-1');
    expect(seen?.headers['if-match']).toBe('W/"3"');
    for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-http-method-override', 'x-custom']) {
      expect(seen?.headers, name).not.toHaveProperty(name);
    }

    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('server')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    await app.close();
    await upstream.close();
  });

  it('answers 502 in the error envelope when the upstream cannot be reached', async () => {
    const upstream = await recordingUpstream();
    const deadUrl = upstream.url;
    await upstream.close();
    const app = await proxyApp({ apiKey: FAKE_KEY, upstream: deadUrl, session: signedIn });
    const response = await fetch(`${app.url}/api/clinik/patients`);
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', requestId: response.headers.get('x-request-id') });
    expect(JSON.stringify(body)).not.toContain(FAKE_KEY);
    await app.close();
  });
});
