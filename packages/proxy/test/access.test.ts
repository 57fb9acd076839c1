/**
 * `GET <mount>/_access`, generated: for every example policy of the READMEs and the demo × each of its roles × every
 * catalogue resource × every interaction it supports, the answer says "allowed" exactly when a real call of that
 * kind by that user — on their own records, as an app would make it — gets past the policy. Plus the route's own
 * edges: signed-in only, GET only, no query, audited, answered from the per-user cache the second time.
 */
import { RESOURCE_CATALOGUE, type ResourceDefinition, type ResourceOperation } from '@clinikapi/core';
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_PATH, type AccessAnswer } from '../src/access.ts';
import { roles } from '../src/policy/roles.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { recordOf } from './catalogue-records.ts';
import { proxyApp, recordingUpstream, settled, type ProxyApp } from './harness.ts';
import { examplePolicies } from './readme-policies.ts';

const OWN = 'p1';

/** The record an app would name in a call of `interaction`: the user's own Patient, or one of their records. */
const idOf = (definition: ResourceDefinition) => (definition.patientLink === 'self' ? OWN : `${definition.path}-own`);

/** A real call of each kind, on the user's own records: what a widget sends. */
function realCall(definition: ResourceDefinition, interaction: ResourceOperation): { path: string; init: RequestInit } {
  const headers = { 'content-type': 'application/json', 'x-csrf': '1' };
  const record = `/${definition.path}/${idOf(definition)}`;
  switch (interaction) {
    case 'read':
      return { path: record, init: {} };
    case 'search':
      return { path: `/${definition.path}`, init: {} };
    case 'create':
      return { path: `/${definition.path}`, init: { method: 'POST', headers, body: JSON.stringify(recordOf(definition, 'new', OWN)) } };
    case 'update':
      return { path: record, init: { method: 'PATCH', headers, body: JSON.stringify({ language: 'en' }) } };
    case 'delete':
      return { path: record, init: { method: 'DELETE', headers: { 'x-csrf': '1' } } };
  }
}

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;

beforeAll(async () => {
  // Every record the upstream answers belongs to the user's own patient, so only the policy can refuse a call.
  upstream = await recordingUpstream((req, res) => {
    const [path = ''] = (req.url ?? '').split('?');
    const [, , name = '', id] = path.split('/');
    const definition = RESOURCE_CATALOGUE.find((entry) => entry.path === name) as ResourceDefinition;
    const send = (status: number, body?: unknown) =>
      body === undefined
        ? res.writeHead(status).end()
        : res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'DELETE') return send(204);
    if (req.method === 'GET' && id === undefined)
      return send(200, { data: { data: [recordOf(definition, idOf(definition), OWN)], total: 1, hasMore: false } });
    return send(req.method === 'POST' ? 201 : 200, { data: { ...recordOf(definition, id ?? 'new', OWN), meta: { versionId: '1' } } });
  });
});
afterAll(() => upstream.close());

const POLICIES = examplePolicies(['packages/proxy/README.md', 'apps/demo/server/policy.ts']);
const cases = POLICIES.flatMap((example) =>
  [...example.roles.keys()].map((role) => ({ label: `${example.where} ${role}`, policy: example.policy, role })),
);

describe.each(cases)('$label', ({ policy, role }) => {
  let app: ProxyApp;
  const user: ProxyUser = { id: `u-${role}`, roles: [role], patientId: OWN };
  let answer: AccessAnswer;
  beforeAll(async () => {
    app = await proxyApp({ upstream: upstream.url, session: (_req: Request) => user, policy });
    const response = await fetch(`${app.url}/api/clinik${ACCESS_PATH}`);
    expect(response.status).toBe(200);
    answer = ((await response.json()) as { data: AccessAnswer }).data;
  });
  afterAll(() => app.close());

  it('names every catalogue resource, with only interactions the resource supports', () => {
    expect(Object.keys(answer.resources).sort()).toEqual(RESOURCE_CATALOGUE.map((definition) => definition.path).sort());
    for (const definition of RESOURCE_CATALOGUE) {
      for (const interaction of answer.resources[definition.path] ?? []) expect(definition.operations).toContain(interaction);
    }
  });

  it('says "allowed" exactly where a real call of that kind gets past the policy', async () => {
    const disagreements: string[] = [];
    for (const definition of RESOURCE_CATALOGUE) {
      for (const interaction of definition.operations) {
        const before = app.log.records().length;
        const { path, init } = realCall(definition, interaction);
        const response = await fetch(`${app.url}/api/clinik${path}`, init);
        await response.arrayBuffer();
        const audit = (await settled(app.log, before + 1)).at(-1);
        const called = audit?.decision === 'allow' && response.status < 400;
        const said = answer.resources[definition.path]?.includes(interaction) ?? false;
        if (called !== said)
          disagreements.push(
            `${definition.path}:${interaction} — access says ${said}, the call was ${audit?.decision} (${audit?.reason}, ${response.status})`,
          );
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('the route', () => {
  let app: ProxyApp;
  let signedIn: ProxyUser | null = { id: 'u-desk', roles: ['frontDesk'] };
  const policy = roles({ frontDesk: ['patients:read', 'appointments:*'] });
  beforeAll(async () => {
    app = await proxyApp({ upstream: upstream.url, session: () => signedIn, policy });
  });
  afterAll(() => app.close());
  const get = (path = ACCESS_PATH, init: RequestInit = {}) => fetch(`${app.url}/api/clinik${path}`, init);

  it('answers the policy for the signed-in user, in the envelope, uncached by the browser, and audits it', async () => {
    const before = app.log.records().length;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { data: AccessAnswer; meta: { requestId: string } };
    expect(body.data.resources.patients).toEqual(['search', 'read']);
    expect(body.data.resources.appointments).toEqual(['create', 'search', 'read', 'update', 'delete']);
    expect(body.data.resources.observations).toEqual([]);
    expect(body.meta.requestId).toBe(response.headers.get('x-request-id'));
    const audit = (await settled(app.log, before + 1)).at(-1);
    expect(audit).toMatchObject({ userId: 'u-desk', decision: 'allow', reason: 'access:asked', status: 200, upstream: null });
    await get();
    expect((await settled(app.log, before + 2)).at(-1)).toMatchObject({ decision: 'allow', reason: 'access:cached' });
    expect(upstream.requests.filter((request) => request.url.includes('_access'))).toEqual([]);
  });

  it('is for signed-in users only', async () => {
    signedIn = null;
    try {
      expect((await get()).status).toBe(401);
    } finally {
      signedIn = { id: 'u-desk', roles: ['frontDesk'] };
    }
  });

  it('is read with GET, takes no query and no body, and has nothing below it', async () => {
    const post = await get(ACCESS_PATH, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf': '1' }, body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await get(`${ACCESS_PATH}?role=clinician`)).status).toBe(400);
    expect((await get(`${ACCESS_PATH}/patients`)).status).toBe(404);
    expect((await get('/%5Faccess')).status).toBe(400);
  });
});
