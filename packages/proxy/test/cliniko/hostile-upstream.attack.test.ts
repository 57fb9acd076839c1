/**
 * Attack suite, what a hostile (or broken) Cliniko upstream answers. Every value of every `links` object at any depth
 * and every `Location` is rewritten to the mount when it is a path the proxy serves on the shard's own origin, and
 * dropped otherwise — another host, another scheme or port, credentials, protocol-relative, `javascript:`, a path
 * the proxy does not serve, something that is not a string — whatever the mount; the shard's address never reaches
 * the browser. A list keeps only what a Cliniko list holds; a read answers the record asked for; Cliniko's errors
 * become the envelope (its `errors` map as issues, redacted; its plain text never echoed).
 */
import express from 'express';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clinikProxy } from '../../src/clinik-proxy.ts';
import { allowAll, captureLog, listen, recordingUpstream, signedIn, type Listening } from '../harness.ts';
import { clinikoUpstream, standInKey } from './cliniko-harness.ts';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let answer: Answer;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: Listening;
const KEY = standInKey('au1');
const MOUNTS = ['/api/clinik', '/x', '/t/:tenant/api'];

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => answer(req, res));
  const host = express();
  for (const mount of MOUNTS) {
    host.use(
      mount,
      clinikProxy({
        session: signedIn,
        policy: allowAll,
        apiKey: KEY,
        upstream: clinikoUpstream({ au1: upstream }),
        logger: captureLog().logger,
        rateLimit: false,
      }),
    );
  }
  app = await listen(createServer(host));
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  answer = jsonAnswer(200, {});
});

const jsonAnswer =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) =>
    res
      .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      .end(typeof body === 'string' ? body : JSON.stringify(body));

/** A GET through the proxy under `mount` (the route parameter filled in), checked for the shard's address. */
async function through(
  path: string,
  mount = '/api/clinik',
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${app.url}${mount.replace(':tenant', 'acme')}${path}`, init);
  const text = await response.text();
  expect(text).not.toContain(upstream.url);
  expect(text).not.toContain(new URL(upstream.url).host);
  for (const [, value] of response.headers) expect(value).not.toContain(new URL(upstream.url).host);
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('links', () => {
  const hostile = () => {
    const origin = upstream.url;
    const { host, port } = new URL(origin);
    return {
      'another host': 'https://evil.example/v1/patients/1',
      'protocol-relative': '//evil.example/v1/patients/1',
      'javascript:': 'javascript:alert(document.cookie)',
      'data:': 'data:text/html,<script>alert(1)</script>',
      'another scheme': `https://${host}/v1/patients/1`,
      'another port': `http://127.0.0.1:${Number(port) + 1}/v1/patients/1`,
      credentials: `http://user:pw@${host}/v1/patients/1`,
      'a backslash host': '/\\evil.example/v1/patients/1',
      'outside /v1': `${origin}/admin`,
      'a dot-segment out of /v1': `${origin}/v1/../admin`,
      // (`%2e%2e/` alone is a dot-segment to any URL parser, the browser's too: it means `/v1/users`.)
      'an encoded dot-segment and slash': `${origin}/v1/patients/%2e%2e%2fusers`,
      'an encoded slash': `${origin}/v1/patients/1%2F..%2F..%2Fadmin`,
      'a path not carried': `${origin}/v1/patients/1/invoices`,
      'an id that is no id': `${origin}/v1/patients/abc`,
      'a method-only route': `${origin}/v1/patients/1/archive`,
      'not a string': { href: 'https://evil.example' },
      'a number': 42,
    } as Record<string, unknown>;
  };

  it.each(MOUNTS)('under %s: rewrites what the proxy serves, keeps the query, and drops every other link at any depth', async (mount) => {
    const origin = upstream.url;
    const bad = hostile();
    answer = jsonAnswer(200, {
      patients: [
        {
          id: '1001',
          website: 'https://clinic.example/about',
          appointments: { links: { self: `${origin}/v1/patients/1001/appointments?page=1` } },
          nested: { deeper: [{ links: { self: `${origin}/v1/users/1004`, ...bad } }] },
          links: { self: `${origin}/v1/patients/1001`, ...bad },
        },
      ],
      total_entries: 1,
      links: {
        self: `${origin}/v1/patients?per_page=1&q%5B%5D=last_name%3A~a&page=2`,
        next: `${origin}/v1/patients?page=3`,
        previous: bad['another host'],
      },
    });
    const { status, body } = await through('/patients', mount);
    expect(status).toBe(200);
    const base = mount.replace(':tenant', 'acme');
    const [patient] = body.patients as Record<string, unknown>[];
    expect(body.links).toEqual({ self: `${base}/patients?per_page=1&q%5B%5D=last_name%3A~a&page=2`, next: `${base}/patients?page=3` });
    expect(patient).toEqual({
      id: '1001',
      website: 'https://clinic.example/about',
      appointments: { links: { self: `${base}/patients/1001/appointments?page=1` } },
      nested: { deeper: [{ links: { self: `${base}/users/1004` } }] },
      links: { self: `${base}/patients/1001` },
    });
  });

  it('drops a links value that is not an object of strings', async () => {
    answer = jsonAnswer(200, { id: '1001', links: 'https://evil.example', patient: { links: ['https://evil.example'] } });
    const { status, body } = await through('/patients/1001');
    expect(status).toBe(200);
    expect(body).toEqual({ id: '1001', patient: {} });
  });

  it('rewrites a Location on the shard to the mount, and drops one elsewhere', async () => {
    const origin = upstream.url;
    const write = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: '{"first_name":"A","last_name":"B"}',
    };
    answer = jsonAnswer(201, { id: '1002', links: { self: `${origin}/v1/patients/1002` } }, { location: `${origin}/v1/patients/1002` });
    const created = await through('/patients', '/x', write);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/x/patients/1002');
    answer = jsonAnswer(
      201,
      { id: '1002', links: { self: `${origin}/v1/patients/1002` } },
      { location: 'https://evil.example/v1/patients/1002' },
    );
    const elsewhere = await through('/patients', '/x', write);
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.headers.get('location')).toBeNull();
    answer = jsonAnswer(302, {}, { location: 'https://evil.example/v1/patients' });
    expect((await through('/patients', '/x')).status).toBe(502);
  });
});

describe('answers', () => {
  it('keeps only what a Cliniko list holds', async () => {
    answer = jsonAnswer(200, {
      individual_appointments: [{ id: '1', links: { self: `${upstream.url}/v1/individual_appointments/1` } }, 'not a record', null],
      patients: [{ id: '9', first_name: 'Someone', last_name: 'Else' }],
      debug: { sql: 'select * from patients' },
      total_entries: 1,
      links: { self: `${upstream.url}/v1/individual_appointments` },
    });
    const { status, body } = await through('/individual_appointments');
    expect(status).toBe(200);
    expect(body).toEqual({
      individual_appointments: [{ id: '1', links: { self: '/api/clinik/individual_appointments/1' } }],
      total_entries: 1,
      links: { self: '/api/clinik/individual_appointments' },
    });
  });

  it('answers a read with the record asked for, or the 404', async () => {
    answer = jsonAnswer(200, { id: '1001', links: { self: `${upstream.url}/v1/patients/1001` } });
    expect((await through('/patients/1001')).status).toBe(200);
    answer = jsonAnswer(200, { id: '1002', links: { self: `${upstream.url}/v1/patients/1002` } });
    expect((await through('/patients/1001')).status).toBe(404);
    answer = jsonAnswer(200, { id: 1001 });
    expect((await through('/patients/1001')).status).toBe(404);
  });

  const proper: Readonly<Record<string, Answer>> = {
    '/patients': jsonAnswer(200, { patients: [], total_entries: 0, links: { self: '/v1/patients' } }),
    '/patients/1001': jsonAnswer(200, { id: '1001' }),
    '/patients/1001/archive': (_req, res) => res.writeHead(204).end(),
  };

  it.each([
    ['a list without its records', '/patients', { total_entries: 0, links: {} }],
    ['a list of the wrong resource', '/patients', { individual_appointments: [], total_entries: 0 }],
    ['an array', '/patients/1001', [{ id: '1001' }]],
    ['a body where Cliniko sends none', '/patients/1001/archive', { id: '1001' }],
  ])('answers %s with 502, and the proper answer of the call passes', async (_name, path, body) => {
    const init = path.endsWith('/archive') ? { method: 'POST', headers: { 'x-csrf': '1' } } : {};
    answer = proper[path] as Answer;
    expect((await through(path, '/api/clinik', init)).status).toBeLessThan(300);
    answer = jsonAnswer(200, body);
    expect((await through(path, '/api/clinik', init)).status).toBe(502);
  });
});

describe('errors', () => {
  it('turns Cliniko’s errors map into issues, key-shaped text redacted, the message dropped', async () => {
    answer = jsonAnswer(422, {
      message: `Validation Failed for ${KEY}`,
      errors: { first_name: 'can’t be blank', notes: `pasted ${KEY.split('-')[0]}`, junk: { nested: true } },
    });
    const { status, body } = await through('/patients', '/api/clinik', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: '{}',
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'VALIDATION_ERROR',
      issues: [
        { path: 'first_name', diagnostics: 'first_name: can’t be blank' },
        { path: 'notes', diagnostics: 'notes: pasted [redacted]' },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(KEY.split('-')[0]);
  });

  it('answers a plain-text error with its status in the envelope, never its text (a 401 or a 5xx is the 502)', async () => {
    const cases = [
      [400, 'text/plain', 'Invalid time frame definition. Please check from/to param limitations.', 400],
      [401, 'text/plain', 'HTTP Basic: Access denied.', 502],
      [403, 'text/plain', 'Requires a user agent', 403],
      [404, 'text/html', '<script>alert(1)</script>', 404],
      [500, 'text/html', '<h1>Rails stack trace</h1>', 502],
    ] as const;
    for (const [status, type, text, expected] of cases) {
      answer = (_req, res) => res.writeHead(status, { 'content-type': type }).end(text);
      const response = await fetch(`${app.url}/api/clinik/patients/1001`);
      expect(response.status, `${status}`).toBe(expected);
      const body = await response.text();
      expect(body).not.toContain(text);
      expect(JSON.parse(body)).toMatchObject({ requestId: response.headers.get('x-request-id') });
    }
  });

  it('still answers a success that is not JSON with 502, and the same success in JSON with 200', async () => {
    answer = (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('{"id":"1001"}');
    expect((await fetch(`${app.url}/api/clinik/patients/1001`)).status).toBe(502);
    answer = jsonAnswer(200, { id: '1001' });
    expect((await fetch(`${app.url}/api/clinik/patients/1001`)).status).toBe(200);
  });
});

describe('keys in answers', () => {
  it('redacts this call’s key, with and without its suffix, wherever an answer holds it', async () => {
    answer = jsonAnswer(200, {
      id: '1001',
      notes: `key ${KEY} and ${KEY.split('-')[0]}`,
      links: { self: `${upstream.url}/v1/patients/1001` },
    });
    const { status, body } = await through('/patients/1001');
    expect(status).toBe(200);
    expect(JSON.stringify(body)).not.toContain(KEY.split('-')[0]);
    expect(body.notes).toBe('key [redacted] and [redacted]');
  });
});
