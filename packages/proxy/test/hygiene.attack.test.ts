/**
 * Attack suite, inbound hygiene: request targets, methods, headers and bodies that must be refused before any
 * session or policy work — and the proof that nothing reached the upstream.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_KEY, json, proxyApp, recordingUpstream, type ProxyApp } from './harness.ts';
import { rawRequest } from './raw-http.ts';

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

beforeAll(async () => {
  upstream = await recordingUpstream();
  app = await proxyApp({ upstream: upstream.url, apiKey: FAKE_KEY });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

const write = { 'content-type': 'application/json', 'x-csrf': '1' };

describe('request targets', () => {
  it.each([
    ['a dot-segment', '/api/clinik/patients/..'],
    ['a dot-segment escaping the mount', '/api/clinik/../admin/users'],
    ['an encoded dot-segment', '/api/clinik/patients/%2e%2e/admin'],
    ['an encoded slash', '/api/clinik/patients/a%2Fb'],
    ['an encoded backslash', '/api/clinik/patients/a%5Cb'],
    ['a raw backslash', '/api/clinik/patients\\..\\admin'],
    ['an encoded NUL', '/api/clinik/patients/p1%00'],
    ['a scheme-relative path', '/api/clinik//evil.test/v1/patients'],
    ['a matrix parameter', '/api/clinik/patients/p1;jsessionid=x'],
    ['a CRLF in the query', '/api/clinik/patients?name=a%0d%0aX-Injected:%201'],
  ])('refuses %s with 400 before the upstream sees anything', async (_name, target) => {
    const response = await rawRequest(app.url, `GET ${target} HTTP/1.1`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'BAD_REQUEST' });
    expect(upstream.requests).toEqual([]);
  });

  it('refuses an absolute-form target with 400', async () => {
    const response = await rawRequest(app.url, 'GET http://evil.test/api/clinik/patients HTTP/1.1');
    expect(response.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });

  it('ignores a spoofed Host: the upstream comes from configuration', async () => {
    const response = await rawRequest(app.url, 'GET /api/clinik/patients HTTP/1.1\r\nX-Forwarded-Host: evil.test');
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.headers.host).toBe(new URL(upstream.url).host);
    expect(upstream.requests[0]?.headers['x-forwarded-host']).toBeUndefined();
  });

  it.each([
    ['bulk export', 'POST', '/api/clinik/bulk/export'],
    ['the raw FHIR passthrough', 'GET', '/api/clinik/fhir/Patient'],
    ['$everything', 'GET', '/api/clinik/patients/p1/$everything'],
    ['a path outside the catalogue', 'GET', '/api/clinik/admin'],
    ['the mount root', 'GET', '/api/clinik/'],
  ])('answers %s with 404', async (_name, method, path) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: method === 'POST' ? { ...write } : {},
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(response.status).toBe(404);
    expect(upstream.requests).toEqual([]);
  });
});

describe('methods', () => {
  it.each(['PUT', 'TRACE', 'PROPFIND'])('answers %s with 405 and Allow', async (method) => {
    const response = await rawRequest(app.url, `${method} /api/clinik/patients HTTP/1.1\r\nContent-Length: 0`);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, POST, PATCH, DELETE');
    expect(upstream.requests).toEqual([]);
  });

  it('answers HEAD with 405', async () => {
    expect((await fetch(`${app.url}/api/clinik/patients`, { method: 'HEAD' })).status).toBe(405);
  });

  it.each(['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'])('refuses the %s header even on a GET', async (name) => {
    const response = await fetch(`${app.url}/api/clinik/patients`, { headers: { [name]: 'DELETE' } });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 'METHOD_OVERRIDE_REJECTED' });
    expect(upstream.requests).toEqual([]);
  });

  it('refuses a _method query parameter', async () => {
    expect((await fetch(`${app.url}/api/clinik/patients/p1?_method=DELETE`)).status).toBe(400);
  });
});

describe('headers', () => {
  it('answers a header value with a bare CR with 400 and keeps serving', async () => {
    const response = await rawRequest(app.url, 'GET /api/clinik/patients HTTP/1.1\r\nIf-Match: W/"1"\rX-Api-Key: stolen');
    expect(response.status).toBe(400);
    expect((await fetch(`${app.url}/api/clinik/patients`)).status).toBe(200);
  });

  it('answers an obsolete line-folded header with 400', async () => {
    const response = await rawRequest(app.url, 'GET /api/clinik/patients HTTP/1.1\r\nIdempotency-Key: a\r\n x-api-key: stolen');
    expect(response.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });

  it('answers a non-ASCII If-Match with 400', async () => {
    const response = await rawRequest(app.url, 'GET /api/clinik/patients/p1 HTTP/1.1\r\nIf-None-Match: "caf\u00e9"');
    expect(response.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });
});

describe('query parameters', () => {
  it.each([
    ['an unknown parameter', 'count=5&admin=true'],
    ['a token-looking parameter', 'api_key=abc'],
    ['a repeated parameter', 'name=a&name=b'],
  ])('refuses %s with 400', async (_name, query) => {
    const response = await fetch(`${app.url}/api/clinik/patients?${query}`);
    expect(response.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });

  it('re-serialises the checked query instead of forwarding the raw string', async () => {
    await fetch(`${app.url}/api/clinik/patients?name=%4F%6Bafor&count=5`);
    expect(upstream.requests[0]?.url).toBe('/v1/patients?name=Okafor&count=5');
  });
});

describe('bodies', () => {
  const post = (body: string, headers: Record<string, string> = write) =>
    fetch(`${app.url}/api/clinik/patients`, { method: 'POST', headers, body });

  it('refuses a body over 1 MiB by its Content-Length with 413', async () => {
    const response = await post(JSON.stringify({ firstName: 'a'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(upstream.requests).toEqual([]);
  });

  it('refuses a chunked body that grows past 1 MiB with 413', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"firstName":"'));
        for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: write,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(upstream.requests).toEqual([]);
  });

  it.each([
    ['invalid JSON', '{"firstName":', write, 400, 'INVALID_JSON'],
    ['an empty body', '', write, 400, 'BAD_REQUEST'],
    ['a form body', 'firstName=a', { ...write, 'content-type': 'application/x-www-form-urlencoded' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a gzip body', '{}', { ...write, 'content-encoding': 'gzip' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a latin-1 body', '{}', { ...write, 'content-type': 'application/json; charset=latin1' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a JSON bomb of nesting', `${'['.repeat(200)}${']'.repeat(200)}`, write, 400, 'BAD_REQUEST'],
  ])('refuses %s', async (_name, body, headers, status, code) => {
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(await json(response)).toMatchObject({ code });
    expect(upstream.requests).toEqual([]);
  });

  it('refuses a GET with a body', async () => {
    const response = await rawRequest(
      app.url,
      'GET /api/clinik/patients HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2',
      '{}',
    );
    expect(response.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });

  it('sends the body the policy checked even if a later policy tries to edit it', async () => {
    const editing = await proxyApp({
      upstream: upstream.url,
      policy: (request) => {
        (request.body as { patientId?: string }).patientId = 'someone-else';
        return true;
      },
    });
    const response = await fetch(`${editing.url}/api/clinik/observations`, {
      method: 'POST',
      headers: write,
      body: '{"patientId":"mine"}',
    });
    expect(response.status).toBe(403);
    expect(upstream.requests).toEqual([]);
    await editing.close();
  });

  it('sends the body the policy saw: duplicate keys collapse to the parsed value', async () => {
    let seenByPolicy: unknown;
    const spying = await proxyApp({
      upstream: upstream.url,
      policy: (request) => {
        seenByPolicy = request.body;
        return true;
      },
    });
    await fetch(`${spying.url}/api/clinik/observations`, {
      method: 'POST',
      headers: write,
      body: '{"patientId":"mine","patientId":"theirs"}',
    });
    expect(seenByPolicy).toEqual({ patientId: 'theirs' });
    expect(upstream.requests[0]?.body).toBe('{"patientId":"theirs"}');
    expect(upstream.requests[0]?.headers['content-length']).toBe('22');
    await spying.close();
  });
});
