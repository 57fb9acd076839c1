/**
 * Attack suite: nothing from a hostile or odd upstream passes through unexamined. Answers that are not JSON are a
 * 502; error bodies are rebuilt, never echoed; no key-shaped string survives into any answer, success or error;
 * Locations and Bundle URLs are rewritten to the mount or dropped and never become protocol-relative, whatever the
 * mount; every answer carries nosniff and a Content-Security-Policy that forbids rendering anything.
 */
import express from 'express';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clinikProxy } from '../src/clinik-proxy.ts';
import { FAKE_KEY, captureLog, json, listen, recordingUpstream, signedIn, allowAll, type Listening } from './harness.ts';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
let answer: Answer;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
/** The proxy mounted under several paths, one of them at the root of the app, one under a route parameter. */
let app: Listening;
const MOUNTS = ['/api/clinik', '/x', '/:tenant/api'];
const log = captureLog();
/** A key of another format that this call's key might be (Cliniko's, say): it is redacted exactly. */
const OTHER_KEY = `MS0${'z'.repeat(40)}-au1`;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => answer(req, res));
  const host = express();
  for (const mount of MOUNTS)
    host.use(
      mount,
      clinikProxy({ session: signedIn, policy: allowAll, apiKey: FAKE_KEY, upstream: upstream.url, logger: log.logger, rateLimit: false }),
    );
  host.use(
    clinikProxy({ session: signedIn, policy: allowAll, apiKey: FAKE_KEY, upstream: upstream.url, logger: log.logger, rateLimit: false }),
  );
  app = await listen(createServer(host));
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"data":[],"total":0,"hasMore":false}}');
});

const jsonAnswer =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));

describe('only JSON answers', () => {
  it.each([
    ['text/html', '<script>alert(1)</script>'],
    ['text/plain', '{"data":{"data":[]}}'],
    ['application/octet-stream', 'binary'],
    ['image/svg+xml', '<svg onload="alert(1)"/>'],
    ['application/xml', '<data/>'],
    ['application/jsonx', '{"data":{}}'],
    ['', '{"data":{}}'],
  ])('answers %j with 502, never its bytes', async (type, body) => {
    answer = (_req, res) => res.writeHead(200, type ? { 'content-type': type } : {}).end(body);
    const response = await fetch(`${app.url}/api/clinik/patients`);
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(body);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/fhir+json'])(
    'passes %s, as JSON it wrote itself',
    async (type) => {
      answer = (_req, res) => res.writeHead(200, { 'content-type': type }).end('{"data":{"data":[],"total":0,"hasMore":false}}');
      const response = await fetch(`${app.url}/api/clinik/patients`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    },
  );

  it.each(['{"data":', 'null', '[1,2]', '{"nodata":true}', '{"data":{"data":"x"}}', '{"data":{"data":[]},"included":{}}'])(
    'answers a search whose answer is %j with 502',
    async (body) => {
      answer = jsonAnswer(200, body);
      expect((await fetch(`${app.url}/api/clinik/patients`)).status).toBe(502);
    },
  );
});

describe('error answers are rebuilt, never echoed', () => {
  it.each([400, 403, 404, 405, 409, 410, 412, 413, 415, 418, 422, 429])('an upstream %i', async (status) => {
    answer = jsonAnswer(status, {
      error: '<b>Stack</b> at db.query (password=hunter2)',
      code: status === 422 ? 'VALIDATION_ERROR' : 'SOMETHING_ELSE',
      requestId: 'req_upstream',
      message: `key ${FAKE_KEY} rejected for host db-3.internal`,
      issues: [
        {
          severity: 'error',
          code: 'invalid',
          diagnostics: `patientId: No patient with this id; key=${FAKE_KEY}`,
          path: 'patientId',
          extra: 'x',
        },
        'junk',
      ],
      debug: { sql: 'select * from patients' },
    });
    const response = await fetch(`${app.url}/api/clinik/patients/p1`);
    const text = await response.text();
    for (const leaked of ['hunter2', 'db-3.internal', 'select *', 'req_upstream', FAKE_KEY, '<b>', 'SOMETHING_ELSE', 'extra'])
      expect(text).not.toContain(leaked);
    const body = JSON.parse(text) as { code: string; requestId: string; issues: unknown[]; error: string };
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
    expect(Object.keys(body).sort()).toEqual(['code', 'error', 'issues', 'requestId']);
    expect(response.status).toBe({ 410: 404, 418: 400 }[status] ?? status);
    if (status === 422)
      expect(body.issues).toEqual([
        { severity: 'error', code: 'invalid', diagnostics: 'patientId: No patient with this id; key=[redacted]', path: 'patientId' },
      ]);
    if (status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('an error answer that is not JSON is a 502, its bytes unread by the browser', async () => {
    answer = (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>nginx</h1>');
    const response = await fetch(`${app.url}/api/clinik/patients/p1`);
    expect(response.status).toBe(502);
  });
});

describe('no key-shaped string survives', () => {
  it('redacts this call’s key and any ClinikAPI-shaped key wherever an answer holds one, keys of objects included', async () => {
    const shard = `clk_live_${'A'.repeat(40)}-uk1`;
    answer = jsonAnswer(200, {
      data: {
        id: 'p1',
        note: `pasted ${FAKE_KEY} by mistake`,
        nested: [{ value: shard }, { [FAKE_KEY]: 'as a key' }],
        text: `and ${OTHER_KEY}`,
      },
      meta: { requestId: 'r', rateLimitTotal: 1000, rateLimitRemaining: 3, rateLimitReset: 12 },
    });
    const response = await fetch(`${app.url}/api/clinik/patients/p1`);
    const text = await response.text();
    expect(text).not.toMatch(/clk_(live|test)_/);
    expect(text).toContain('[redacted]');
    // The clinic-wide counter is not the caller's business.
    expect(text).not.toContain('rateLimitRemaining');
  });
});

/**
 * JSON may spell any character of a string (or of an object key) as `\uXXXX`, and `/` as `\/`: the answer the browser
 * parses is the same, but a search of the text as received does not see it. Every place an answer can hold a string,
 * every character of what is looked for spelled escaped: still redacted, still rewritten.
 */
describe('escaped spellings hide nothing from the examination', () => {
  /** `text` (JSON) with the `index`-th character of each `literal` in it spelled `\uXXXX`. */
  const escapeAt = (text: string, literal: string, index: number): string => {
    const code = `\\u${(literal.codePointAt(index) as number).toString(16).padStart(4, '0')}`;
    return text.split(literal).join(`${literal.slice(0, index)}${code}${literal.slice(index + 1)}`);
  };
  /** Answers to a read of `/patients/p1` (`?_revinclude=*` for the Bundle), each holding `value` in one place. */
  const places = (value: string): [string, string, unknown][] => [
    ['a field of the record', '', { data: { id: 'p1', note: value } }],
    ['an array in the record', '', { data: { id: 'p1', nested: [{ items: ['a', value] }] } }],
    ['an object key', '', { data: { id: 'p1', extension: { [value]: 'x' } } }],
    ['meta', '', { data: { id: 'p1' }, meta: { requestId: 'r', note: value } }],
    ['a record carried along', '', { data: { id: 'p1' }, included: [{ resourceType: 'Patient', id: 'p2', note: value }] }],
    [
      'a Bundle entry',
      '?_revinclude=*',
      {
        data: {
          resourceType: 'Bundle',
          entry: [{ resource: { resourceType: 'Patient', id: 'p1', note: value }, search: { mode: 'match' } }],
        },
      },
    ],
  ];
  const key = (): string => `clk_live_${'Q'.repeat(40)}`;

  it.each(places('KEY'))('a ClinikAPI-shaped key in %s, any character of its prefix escaped', async (_place, query, shape) => {
    for (const [literal, index] of [
      ...Array.from({ length: 'clk_live_'.length }, (_, i): [string, number] => [key(), i]),
      ...Array.from({ length: 'clk_test_'.length }, (_, i): [string, number] => [FAKE_KEY, i]),
    ]) {
      answer = jsonAnswer(200, escapeAt(JSON.stringify(shape).replace('KEY', literal), literal, index));
      const response = await fetch(`${app.url}/api/clinik/patients/p1${query}`);
      expect(response.status).toBe(200);
      const parsed = JSON.stringify(await response.json());
      expect(parsed, `${literal} with character ${index} escaped`).not.toMatch(/clk_(live|test)_/);
      expect(parsed).toContain('[redacted]');
    }
  });

  it.each([
    [
      'a Bundle’s fullUrl',
      'fullUrl',
      (url: string) => ({
        data: {
          resourceType: 'Bundle',
          entry: [{ fullUrl: url, resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } }],
        },
      }),
    ],
    ['a Bundle’s link', 'link', (url: string) => ({ data: { resourceType: 'Bundle', link: [{ relation: 'next', url }], entry: [] } })],
    ['a links object', 'links', (url: string) => ({ data: { id: 'p1', links: { self: url } } })],
  ] as const)('an upstream URL in %s, its name as written or any character of it escaped', async (_place, name, shape) => {
    for (let index = 0; index <= name.length; index += 1) {
      const text = JSON.stringify(shape(`${upstream.url}/v1/patients/p1`));
      // Each character of the name escaped in turn, then the name as written.
      answer = jsonAnswer(200, index < name.length ? escapeAt(text, `"${name}"`, index + 1) : text);
      const response = await fetch(`${app.url}/api/clinik/patients/p1?_revinclude=*`);
      const received = await response.text();
      expect(received, `"${name}" with character ${index} escaped`).not.toContain(upstream.url.replace(/^http:\/\//, ''));
      expect(received).toContain('/api/clinik/patients/p1');
    }
  });
});

describe('URLs that point at the upstream', () => {
  const evilLocations = [
    '//evil.test/x',
    '/\\evil.test',
    'https://evil.test/v1/patients/p1',
    `${'https://api.clinikapi.com'}/v1/patients/p1`,
    '/v1//evil.test',
    '/v1/%2F%2Fevil.test',
    'javascript:alert(1)',
    '/v1/patients/p1/../../x',
  ];
  const mounted = ['/api/clinik', '/x', '/t1/api', ''];

  it.each(mounted)('never sends a protocol-relative or off-site Location, mounted at %j', async (mount) => {
    for (const location of evilLocations) {
      for (const status of [201, 301, 302, 303, 307]) {
        answer = (_req, res) =>
          res.writeHead(status, { 'content-type': 'application/json', location }).end(status === 201 ? '{"data":{"id":"p1"}}' : '');
        const response = await fetch(`${app.url}${mount}/patients/p1`, {
          method: status === 201 ? 'PATCH' : 'GET',
          redirect: 'manual',
          headers: { 'content-type': 'application/json', 'x-csrf': '1' },
          body: status === 201 ? '{"firstName":"a"}' : undefined,
        });
        const sent = response.headers.get('location');
        if (sent !== null) {
          expect(sent, `${location} → ${sent}`).toMatch(/^\/(?![/\\])/);
          expect(new URL(sent, 'https://app.example.com').origin).toBe('https://app.example.com');
        }
        await response.arrayBuffer();
      }
    }
    // And one that points at a record of the API is rewritten to this mount.
    answer = (_req, res) => res.writeHead(301, { location: `${upstream.url}/v1/patients/p2` }).end();
    expect((await fetch(`${app.url}${mount}/patients/p1`, { redirect: 'manual' })).headers.get('location')).toBe(`${mount}/patients/p2`);
  });

  it('rewrites a Bundle’s fullUrl and links to the mount and drops the ones it cannot', async () => {
    answer = jsonAnswer(200, {
      data: {
        resourceType: 'Bundle',
        link: [
          { relation: 'next', url: `${upstream.url}/v1/patients?cursor=2` },
          { relation: 'x', url: 'https://evil.test/' },
        ],
        entry: [
          { fullUrl: `${upstream.url}/v1/fhir/Patient/p1`, resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } },
        ],
      },
    });
    const body = (await json(await fetch(`${app.url}/t1/api/patients/p1?_revinclude=*`))) as {
      data: { link: unknown[]; entry: { fullUrl?: string }[] };
    };
    expect(body.data.link).toEqual([{ relation: 'next', url: '/t1/api/patients?cursor=2' }, { relation: 'x' }]);
    expect(body.data.entry[0]?.fullUrl).toBe('/t1/api/patients/p1');
    expect(JSON.stringify(body)).not.toContain(upstream.url);
  });
});

describe('answers are never rendered', () => {
  it.each([
    ['a success', () => jsonAnswer(200, { data: { id: 'p1', name: '<script>alert(1)</script>' } })],
    ['an upstream error', () => jsonAnswer(404, { code: 'NOT_FOUND' })],
    ['a proxy refusal', () => jsonAnswer(200, {})],
  ])('%s carries nosniff and a Content-Security-Policy that allows nothing', async (_label, make) => {
    answer = make();
    const response = await fetch(`${app.url}/api/clinik/patients/p1`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
  });
});
