/**
 * Attack suite, generated over the catalogue: the edges of what a role or a compartment lets through.
 * - A write may not carry a resource its user could not write on its own (contained, in a Bundle, as a patch value).
 * - Another patient's record answers exactly as a missing one does — status and body — with or without includes.
 * - Resources of no patient are out of a patient's reach unless the policy shares them.
 * - `_has` names and odd parameter names never reach the audit log verbatim.
 */
import type { ResourceDefinition } from '@clinikapi/core';
import type { Request } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allOf, grants, patientCompartment, roles } from '../src/index.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { ALL_TYPES, PATIENT_LINKED, recordOf } from './catalogue-records.ts';
import { proxyApp, recordingUpstream, settled, type ProxyApp } from './harness.ts';

const USERS: Record<string, ProxyUser> = {
  frontDesk: { id: 'u-fd', roles: ['frontDesk'] },
  patient: { id: 'u-pat', roles: ['patient'], patientId: 'p1' },
};
const policy = roles({
  frontDesk: ['patients:read', 'patients:update', 'appointments:*'],
  patient: allOf(
    grants(['*:read', '*:update', 'appointments:create']),
    patientCompartment({ patientId: (user) => user.patientId as string, shared: ['practitioners'] }),
  ),
});

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => {
    const [path = '', search = ''] = (req.url ?? '').split('?');
    const [, , name = '', id] = path.split('/');
    const definition = ALL_TYPES.find((type) => type.path === name) as ResourceDefinition;
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    // Records whose id starts with "missing" do not exist; the others belong to the patient their id ends with.
    if (id?.startsWith('missing')) return send(404, { error: 'Not Found', code: 'NOT_FOUND', requestId: 'req_u', issues: [] });
    if (req.method === 'GET' && id) {
      const record = recordOf(definition, id, id.endsWith('p2') ? 'p2' : 'p1');
      const included = search ? PATIENT_LINKED.map((type) => recordOf(type, `${type.path}-p2`, 'p2')) : undefined;
      return send(200, { data: record, ...(included ? { included } : {}) });
    }
    if (req.method === 'GET') return send(200, { data: { data: [recordOf(definition, `${name}-1`, 'p1')], total: 1, hasMore: false } });
    return send(200, { data: recordOf(definition, id ?? 'new', 'p1') });
  });
  app = await proxyApp({ upstream: upstream.url, session: (req: Request) => USERS[req.get('x-user') ?? ''] ?? null, policy });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

const as = (user: string, path: string, init: RequestInit = {}) =>
  fetch(`${app.url}/api/clinik${path}`, {
    ...init,
    headers: { 'x-user': user, 'content-type': 'application/json', 'x-csrf': '1', ...(init.headers as Record<string, string>) },
  });
const writes = () => upstream.requests.filter((request) => request.method !== 'GET');

describe('a write carries only what its user could write on its own', () => {
  it.each(ALL_TYPES.map((definition) => [definition.resourceType, definition] as const))(
    'front desk (patients:update) putting a %s into a Patient',
    async (_type, definition) => {
      const resource = { ...recordOf(definition, 'c1', 'p1') };
      const attempts = [
        as('frontDesk', '/patients/p1', {
          method: 'PATCH',
          body: JSON.stringify([{ op: 'add', path: '/contained', value: [resource] }]),
          headers: { 'content-type': 'application/json-patch+json' },
        }),
        as('frontDesk', '/patients/p1', { method: 'PATCH', body: JSON.stringify({ contained: [resource] }) }),
      ];
      const allowed = definition.path === 'appointments';
      for (const response of await Promise.all(attempts)) expect(response.status, definition.path).toBe(allowed ? 200 : 403);
      if (!allowed) {
        expect(writes()).toEqual([]);
        expect((await settled(app.log, app.log.records().length)).at(-1)).toMatchObject({
          decision: 'deny',
          reason: `embed:not-granted:${definition.path}`,
        });
      }
    },
  );
});

describe("another patient's record answers as a missing one does", () => {
  const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
  it.each(PATIENT_LINKED.map((definition) => [definition.path, definition] as const))('%s, with and without includes', async (path) => {
    for (const query of ['', '?_revinclude=*', '?_include=*', `?_revinclude=Observation:subject`]) {
      const theirs = await as('patient', `/${path}/rec-p2${query}`);
      const missing = await as('patient', `/${path}/missing-p1${query}`);
      expect([theirs.status, missing.status], `${path}${query}`).toEqual([404, 404]);
      expect(withoutRequestId((await theirs.json()) as Record<string, unknown>)).toEqual(
        withoutRequestId((await missing.json()) as Record<string, unknown>),
      );
    }
  });

  it('their own record with includes keeps its own records and withholds the rest', async () => {
    const response = await as('patient', '/observations/rec-p1?_revinclude=*');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }; included: unknown[] };
    expect(body.data.id).toBe('rec-p1');
    expect(body.included).toEqual([]);
  });
});

describe('resources of no patient are out of a patient’s reach unless shared', () => {
  const unshared = ALL_TYPES.filter((definition) => definition.patientLink === null && definition.path !== 'practitioners');
  it.each(unshared.map((definition) => [definition.path] as const))('%s: search and read are refused', async (path) => {
    expect((await as('patient', `/${path}`)).status).toBe(403);
    expect((await as('patient', `/${path}/x1`)).status).toBe(403);
    expect(upstream.requests).toEqual([]);
  });

  it('a shared one (practitioners) can be read, never written', async () => {
    expect((await as('patient', '/practitioners')).status).toBe(200);
    expect((await as('patient', '/practitioners/x1', { method: 'PATCH', body: '{"active":false}' })).status).toBe(403);
  });
});

describe('the audit log never repeats what a client wrote in a parameter name', () => {
  it('logs _has chains as _has, refused or not', async () => {
    const before = app.log.records().length;
    await as('frontDesk', '/patients?_has:Observation:patient:code=x');
    await as('frontDesk', '/patients?_has:Appointment:patient:status=booked');
    await as('frontDesk', '/patients?_has:Observation:patient:code%3Cscript%3E=x');
    const records = (await settled(app.log, before + 3)).slice(before);
    for (const record of records) expect(record.queryParams.every((name) => name === '_has' || !name.startsWith('_has'))).toBe(true);
    expect(app.log.lines.join('\n')).not.toContain('Observation:patient:code');
  });
});
