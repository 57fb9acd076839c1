/**
 * Attack suite, smuggling into the Cliniko call: every carried route (generated from core's table) reaches the
 * upstream as exactly itself, and nothing else does — no id that is not a digit string, no extra or dot segment, no
 * encoded slash, no absolute-form target or other host, no method the route does not have; no query parameter the
 * route does not take, no repeated one, no malformed or mistyped `q[]` condition (every field of every resource
 * with every operator its type does not take), no page size over 100. The upstream records every request it gets.
 */
import { CLINIKO_RESOURCES, CLINIKO_ROUTES, type ClinikoFieldType, type ClinikoRoute } from '@clinikapi/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proxyApp, recordingUpstream, type ProxyApp } from '../harness.ts';
import { rawRequest } from '../raw-http.ts';
import { MOUNT, bodyFor, clinikoAnswer, clinikoUpstream, concretePath, requiredQuery, routeOf, standInKey } from './cliniko-harness.ts';

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => {
    const { status, body } = clinikoAnswer(upstream.url, req.method ?? 'GET', req.url ?? '/');
    if (body === undefined) res.writeHead(status).end();
    else res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  app = await proxyApp({ upstream: clinikoUpstream({ au1: upstream }), apiKey: standInKey() });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

const WRITE_HEADERS = { 'content-type': 'application/json', 'x-csrf': '1' };
const sent = () => upstream.requests.map((request) => `${request.method} ${request.url}`);

/** A call through the proxy with `fetch` (which normalises the target, so only well-formed ones). */
function call(method: string, target: string, body?: unknown): Promise<Response> {
  return fetch(`${app.url}${MOUNT}${target}`, {
    method,
    headers: method === 'GET' ? {} : WRITE_HEADERS,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The same on a raw socket: the target goes as written, dot-segments, encodings and all. */
function raw(method: string, target: string): Promise<{ status: number }> {
  const headers = method === 'GET' ? '' : '\r\nX-CSRF: 1\r\nContent-Type: application/json\r\nContent-Length: 2';
  return rawRequest(app.url, `${method} ${target} HTTP/1.1${headers}`, method === 'GET' ? '' : '{}');
}

const BAD_IDS = [
  'abc',
  '1.0',
  '-1',
  '+1',
  '0x1f',
  '1e3',
  '01',
  '1;x=2',
  '1,2',
  '12345678901234567890',
  '%31',
  '1%2F2',
  '%2F',
  '..',
  '.',
  '%2e%2e',
  '1%00',
  '',
  '1%20',
];
const ODD_TAILS = [
  '/x',
  '/1',
  '/..',
  '/.',
  '/%2e%2e/%2e%2e/users',
  '//evil.example/v1/patients',
  '\\..\\users',
  '/archive/x',
  '/1/2/3/4/5/6/7/8',
];

/**
 * Every smuggled form of `route`'s path: each id replaced by something that is not one, and odd tails — except the
 * forms that are themselves carried routes (`/users` + `/1` is `GET /users/{id}`; a trailing slash is dropped).
 */
function smuggled(route: ClinikoRoute): string[] {
  const path = concretePath(route);
  const forms: string[] = [];
  const ids = [...path.matchAll(/\d{4,}/g)];
  for (const match of ids)
    for (const bad of BAD_IDS) forms.push(`${path.slice(0, match.index)}${bad}${path.slice((match.index ?? 0) + match[0].length)}`);
  for (const tail of ODD_TAILS) forms.push(`${path}${tail}`);
  return forms.filter((form) => !routeOf(route.method, form.replace(/\/$/, '')));
}

describe('paths', () => {
  it.each(CLINIKO_ROUTES.map((route) => [route.method, route.path, route] as const))(
    '%s %s: reaches Cliniko as itself, and no smuggled form does',
    async (method, _path, route) => {
      const target = `${concretePath(route)}${requiredQuery(route)}`;
      const response = await call(method, target, bodyFor(route));
      expect(response.status, target).toBeLessThan(300);
      expect(sent()).toEqual([`${method} /v1${target}`]);
      upstream.requests.length = 0;

      for (const form of smuggled(route)) {
        const answer = await raw(method, `${MOUNT}${form}`);
        expect([400, 404, 405], form).toContain(answer.status);
      }
      for (const absolute of [
        `http://evil.example${MOUNT}${target}`,
        `//evil.example${MOUNT}${target}`,
        `${MOUNT}/${upstream.url}/v1${target}`,
      ]) {
        expect([400, 404], absolute).toContain((await raw(method, absolute)).status);
      }
      expect(sent()).toEqual([]);
    },
  );

  it.each([...new Set(CLINIKO_ROUTES.map((route) => concretePath(route)))])(
    '%s: other methods are 405 with Allow naming the carried ones',
    async (path) => {
      const carried = CLINIKO_ROUTES.filter((route) => concretePath(route) === path).map((route) => route.method);
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE'].filter(
        (candidate) => !carried.includes(candidate as ClinikoRoute['method']),
      )) {
        const response = await call(method, path, method === 'POST' || method === 'PATCH' ? {} : undefined);
        expect(response.status, method).toBe(405);
        expect(response.headers.get('allow')?.split(', ').sort()).toEqual([...new Set(carried)].sort());
      }
      expect(sent()).toEqual([]);
    },
  );
});

/** A value of each type an upstream would take, and a wrong one. */
const VALUES: Readonly<Record<ClinikoFieldType, { readonly good: string; readonly bad: readonly string[] }>> = {
  date: { good: '2024-05-01', bad: ['2024-13-01', '2024-02-30', '01/05/2024', '2024-05-01T00:00:00Z', 'today'] },
  datetime: { good: '2024-05-01T14:00:00Z', bad: ['2024-05-01', '2024-05-01 14:00', 'yesterday', '2024-05-01T14:00:00'] },
  integer: { good: '1001', bad: ['abc', '1.5', '0x10', '1e3', '01'] },
  string: { good: 'son', bad: ['x'.repeat(256), 'a\u0001b'] },
  boolean: { good: 'true', bad: ['yes', '1', 'TRUE'] },
};
const OPERATORS = ['=', '!=', '>=', '>', '<=', '<', '~', '~~', '?', '!?', '*'] as const;
const TAKES: Readonly<Record<ClinikoFieldType, readonly string[]>> = {
  date: ['=', '>=', '>', '<=', '<', '?', '!?'],
  datetime: ['>=', '>', '<=', '<', '?', '!?', '*'],
  integer: ['=', '!=', '>=', '>', '<=', '<', '?', '!?'],
  string: ['=', '!=', '~', '~~', '?', '!?'],
  boolean: ['=', '!='],
};
const VALUELESS = new Set(['?', '!?', '*']);

/** A list route of each resource that has filters. */
const LISTS = CLINIKO_RESOURCES.filter((resource) => Object.keys(resource.filters).length > 0).map((resource) => {
  const route = CLINIKO_ROUTES.find((candidate) => candidate.resource === resource.path && candidate.query === 'list') as ClinikoRoute;
  return [resource.path, concretePath(route), resource.filters] as const;
});

/** One `q[]` condition, encoded as a form (as the proxy re-serialises it). */
const q = (condition: string) => new URLSearchParams([['q[]', condition]]).toString();

describe('q[] conditions', () => {
  it.each(LISTS)('%s: every field takes its type’s operators and values, and nothing else', async (_name, path, filters) => {
    for (const [field, type] of Object.entries(filters)) {
      for (const operator of OPERATORS) {
        const condition = `${field}:${operator}${VALUELESS.has(operator) ? '' : VALUES[type].good}`;
        const response = await call('GET', `${path}?${q(condition)}`);
        if (TAKES[type].includes(operator)) {
          expect(response.status, condition).toBe(200);
          expect(sent().at(-1), condition).toBe(`GET /v1${path}?${q(condition)}`);
        } else {
          expect(response.status, condition).toBe(400);
        }
      }
      for (const bad of VALUES[type].bad) {
        const operator = TAKES[type].find((candidate) => !VALUELESS.has(candidate)) as string;
        expect((await call('GET', `${path}?${q(`${field}:${operator}${bad}`)}`)).status, `${field} ${bad}`).toBe(400);
      }
      expect((await call('GET', `${path}?${q(`${field}:?x`)}`)).status, `${field}:?x`).toBe(400);
    }
    expect(sent().every((line) => line.startsWith(`GET /v1${path}?q%5B%5D=`))).toBe(true);
  });

  it.each([
    ['an unknown field', 'password:=x'],
    ['no operator', 'last_name'],
    ['no field', ':=x'],
    ['an empty condition', ''],
    ['a field with odd characters', 'last_name]:=x'],
    ['an id list of 101', `id:=${Array.from({ length: 101 }, (_, index) => index + 1).join(',')}`],
  ])('refuses %s, where a condition passes', async (_name, condition) => {
    expect((await call('GET', `/patients?${q('last_name:~son')}`)).status).toBe(200);
    expect((await call('GET', `/patients?${q(condition)}`)).status).toBe(400);
    expect(sent()).toEqual([`GET /v1/patients?${q('last_name:~son')}`]);
  });

  it('takes up to 20 conditions, not 21', async () => {
    const conditions = (count: number) => Array.from({ length: count }, () => q('id:>=1')).join('&');
    expect((await call('GET', `/patients?${conditions(20)}`)).status).toBe(200);
    expect((await call('GET', `/patients?${conditions(21)}`)).status).toBe(400);
    expect(sent()).toHaveLength(1);
  });
});

describe('other query parameters', () => {
  it('re-serialises what it checked: the upstream gets the parsed query, the single q as q[]', async () => {
    const response = await call('GET', '/patients?q=last_name%3A~son&page=2&per_page=100&sort=last_name:desc,id&order=asc');
    expect(response.status).toBe(200);
    expect(sent()).toEqual(['GET /v1/patients?q%5B%5D=last_name%3A%7Eson&page=2&per_page=100&sort=last_name%3Adesc%2Cid&order=asc']);
  });

  it.each([
    'access_token=x',
    'api_key=x',
    'q[0]=id:=1',
    'q[][]=id:=1',
    'q[a]=id:=1',
    'Q[]=id:=1',
    'page[]=1',
    'include=patient',
    'fields=id',
    'callback=x',
    'format=xml',
    'from=2024-01-01',
    'page=1&page=2',
    'per_page=5&per_page=6',
    'sort=id&sort=created_at',
    'order=asc&order=desc',
    'per_page=1000',
    'per_page=101',
    'per_page=0',
    'per_page=-1',
    'per_page=1e2',
    'per_page=010',
    'page=0',
    'page=1.5',
    'page=last',
    'sort=last_name;drop',
    'sort=password',
    'sort=created_at:sideways',
    'sort=created_at,',
    'sort=a,b,c,d,e,f',
    'sort=created_at%20desc',
    'order=sideways',
    'order=ASC',
  ])('refuses %s on a list, where Cliniko’s own parameters pass, before anything is sent', async (query) => {
    const good = 'q%5B%5D=id%3A%3E%3D1&page=2&per_page=100&sort=last_name%3Adesc&order=asc';
    expect((await call('GET', `/patients?${good}`)).status).toBe(200);
    const response = await call('GET', `/patients?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST', issues: [{ severity: 'error' }] });
    expect(sent()).toEqual([`GET /v1/patients?${good}`]);
  });

  it.each(CLINIKO_ROUTES.filter((route) => route.query === 'none').map((route) => [route.method, route.path, route] as const))(
    '%s %s takes no query at all',
    async (method, _path, route) => {
      expect((await call(method, concretePath(route), bodyFor(route))).status).toBeLessThan(300);
      for (const query of ['page=1', 'q[]=id:=1', 'x=1'])
        expect((await call(method, `${concretePath(route)}?${query}`, bodyFor(route))).status, query).toBe(400);
      expect(sent()).toEqual([`${method} /v1${concretePath(route)}`]);
    },
  );

  it('checks the availability window and refuses anything else on it', async () => {
    const route = CLINIKO_ROUTES.find((candidate) => candidate.query === 'window') as ClinikoRoute;
    const path = concretePath(route);
    for (const query of [
      '',
      'from=2024-05-01',
      'to=2024-05-01',
      'from=2024-05-01&to=2024-05-09',
      'from=2024-05-03&to=2024-05-01',
      'from=2024-05-01&to=2024-05-02&q[]=id:=1',
      'from=2024-05-01&to=2024-05-02&sort=appointment_start',
      'from=2024-05-01T00:00:00Z&to=2024-05-02',
    ]) {
      expect((await call('GET', `${path}?${query}`)).status, query).toBe(400);
    }
    expect(sent()).toEqual([]);
  });
});
