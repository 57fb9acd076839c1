/** Header hygiene both ways: only allow-listed headers go up, only allow-listed headers come back. */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { FAKE_KEY, json, proxyApp, recordingUpstream } from './harness.ts';

describe('clinikProxy header hygiene', () => {
  it('forwards only allow-listed headers, attaches the key server-side and filters the response', async () => {
    const upstream = await recordingUpstream();
    const app = await proxyApp({ upstream: upstream.url });
    const response = await fetch(`${app.url}/api/clinik/patients?name=a&count=5`, {
      method: 'POST',
      headers: {
        cookie: 'app_session=s3cr3t',
        authorization: 'Bearer browser-token',
        'x-api-key': 'clk_test_from_the_browser',
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-host': 'evil.test',
        'x-custom': 'nope',
        'x-csrf': '1',
        'content-type': 'application/json',
        'idempotency-key': 'idem-1',
        'if-match': 'W/"3"',
      },
      body: JSON.stringify({ firstName: 'A', lastName: 'B' }),
    });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'name' }] });

    const created = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: {
        cookie: 'app_session=s3cr3t',
        authorization: 'Bearer browser-token',
        'x-api-key': 'clk_test_from_the_browser',
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-host': 'evil.test',
        'x-custom': 'nope',
        'x-csrf': '1',
        'content-type': 'application/json',
        'idempotency-key': 'idem-1',
        'if-match': 'W/"3"',
      },
      body: JSON.stringify({ firstName: 'A', lastName: 'B' }),
    });
    expect(created.status).toBe(200);
    const [seen] = upstream.requests;
    expect(seen?.url).toBe('/v1/patients');
    expect(seen?.body).toBe(JSON.stringify({ firstName: 'A', lastName: 'B' }));
    expect(seen?.headers['x-api-key']).toBe(FAKE_KEY);
    expect(seen?.headers.host).toBe(new URL(upstream.url).host);
    expect(seen?.headers['idempotency-key']).toBe('idem-1');
    expect(seen?.headers['if-match']).toBe('W/"3"');
    for (const name of ['cookie', 'authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-custom', 'x-csrf']) {
      expect(seen?.headers, name).not.toHaveProperty(name);
    }
    for (const name of ['set-cookie', 'server', 'x-powered-by', 'x-internal-debug']) expect(created.headers.get(name), name).toBeNull();
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.headers.get('x-upstream-request-id')).toBe('req_upstream1');
    await app.close();
    await upstream.close();
  });

  it('builds the upstream headers even for a client that sends Expect: 100-continue (curl does, for bodies over 1 KB)', async () => {
    const upstream = await recordingUpstream();
    const app = await proxyApp({ upstream: upstream.url });
    const body = JSON.stringify({ firstName: 'A', lastName: 'B', note: 'x'.repeat(2000) });
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${app.url}/api/clinik/patients`, {
        method: 'POST',
        headers: {
          expect: '100-continue',
          cookie: 'app_session=s3cr3t',
          authorization: 'Bearer browser-token',
          'x-forwarded-for': '203.0.113.9',
          'x-csrf': '1',
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        },
      });
      request.on('continue', () => request.end(body));
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(status).toBe(200);
    const [seen] = upstream.requests;
    expect(seen?.body).toBe(body);
    expect(seen?.headers['x-api-key']).toBe(FAKE_KEY);
    for (const name of ['expect', 'cookie', 'authorization', 'x-forwarded-for', 'x-csrf'])
      expect(seen?.headers, name).not.toHaveProperty(name);
    await app.close();
    await upstream.close();
  });
});
