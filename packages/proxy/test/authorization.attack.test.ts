/**
 * Attack suite, authorization: roles, the patient compartment (through REST and through widget actions — one
 * policy), key scopes, and policies that misbehave. The upstream holds FHIR records of two patients.
 */
import type { Request } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { grants, roles } from '../src/policy/roles.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { FAKE_KEY, json, proxyApp, recordingUpstream, settled, type ProxyApp } from './harness.ts';

const USERS: Record<string, ProxyUser> = {
  patient: { id: 'u-pat', roles: ['patient'], patientId: 'p1' },
  frontDesk: { id: 'u-fd', roles: ['frontDesk'] },
  clinician: { id: 'u-doc', roles: ['clinician'] },
  janitor: { id: 'u-jan', roles: ['janitor'] },
};
const session = (req: Request) => USERS[req.get('x-test-user') ?? ''] ?? null;

const observation = (id: string, patient: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: `Patient/${patient}` },
});
const RECORDS: Record<string, unknown> = {
  '/v1/patients/p1': { id: 'p1', fullName: 'Own Patient' },
  '/v1/observations/mine': observation('mine', 'p1'),
  '/v1/observations/theirs': observation('theirs', 'p2'),
};
let searchResults: unknown[] = [observation('mine', 'p1')];
let included: unknown[] = [];

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

const policy = roles({
  clinician: '*',
  frontDesk: ['patients:read', 'appointments:*'],
  patient: allOf(
    grants(['*:read', 'observations:create', 'observations:update', 'observations:delete', 'consents:create', 'patients:update']),
    patientCompartment({ patientId: (user) => user.patientId as string }),
  ),
});

beforeAll(async () => {
  upstream = await recordingUpstream((req, res, body) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (req.method === 'GET' && RECORDS[path])
      return send(200, { data: RECORDS[path], ...(included.length ? { included } : {}) }, { etag: 'W/"3"' });
    if (req.method === 'GET' && path.split('/').length === 3)
      return send(200, { data: { data: searchResults, total: searchResults.length, hasMore: false } });
    if (req.method === 'GET') return send(404, { error: 'Not Found', code: 'NOT_FOUND', requestId: 'req_up', issues: [] });
    if (req.method === 'DELETE') return res.writeHead(204).end();
    // A write answers with the record as stored: here, what was sent (a PATCH of a known record, merged into it).
    const sent = JSON.parse(body || '{}') as Record<string, unknown>;
    const stored = req.method === 'PATCH' && !Array.isArray(sent) ? { ...(RECORDS[path] as object), ...sent } : { id: 'new', ...sent };
    return send(req.method === 'POST' ? 201 : 200, { data: stored });
  });
  app = await proxyApp({ upstream: upstream.url, apiKey: FAKE_KEY, session, policy });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  searchResults = [observation('mine', 'p1')];
  included = [];
});

const as = (user: string, path: string, init: RequestInit = {}) =>
  fetch(`${app.url}/api/clinik${path}`, {
    ...init,
    headers: {
      'x-test-user': user,
      ...(init.body ? { 'content-type': 'application/json', 'x-csrf': '1' } : {}),
      ...(init.method === 'DELETE' ? { 'x-csrf': '1' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const action = (user: string, name: string, data: unknown) =>
  as(user, '', { method: 'POST', body: JSON.stringify({ action: name, data }) });
const methods = () => upstream.requests.map((request) => `${request.method} ${request.url}`);
const withoutId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('patient compartment: reads', () => {
  it('reads their own Patient', async () => {
    expect((await as('patient', '/patients/p1')).status).toBe(200);
  });

  it("answers another patient's Patient with 404 without asking the upstream", async () => {
    expect((await as('patient', '/patients/p2')).status).toBe(404);
    expect(upstream.requests).toEqual([]);
  });

  it('reads their own record by id after checking it', async () => {
    const response = await as('patient', '/observations/mine');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { id: string } }).data.id).toBe('mine');
  });

  it("answers another patient's record with the same 404 as a record that does not exist", async () => {
    const theirs = await as('patient', '/observations/theirs');
    const missing = await as('patient', '/observations/nope');
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(withoutId(await json(theirs))).toEqual(withoutId(await json(missing)));
  });

  it('forces a search to their own patient', async () => {
    expect((await as('patient', '/observations?status=final')).status).toBe(200);
    expect(methods()).toEqual(['GET /v1/observations?status=final&patientId=p1']);
  });

  it('answers a search for another patient with 404, without asking the upstream', async () => {
    expect((await as('patient', '/observations?patientId=p2')).status).toBe(404);
    expect(upstream.requests).toEqual([]);
  });

  it('withholds someone else’s record from a search answer', async () => {
    searchResults = [observation('mine', 'p1'), observation('theirs', 'p2')];
    const response = await as('patient', '/observations');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('mine');
    expect(text).not.toContain('theirs');
    expect((await settled(app.log, app.log.records().length)).at(-1)).toMatchObject({ withheld: { Observation: 1 } });
  });

  it('refuses a Patient search outright', async () => {
    expect((await as('patient', '/patients?name=okafor')).status).toBe(403);
  });

  it('checks _revinclude entries one by one, withholding those of another patient', async () => {
    included = [observation('mine', 'p1')];
    expect((await as('patient', '/patients/p1?_revinclude=Observation:subject')).status).toBe(200);
    included = [observation('mine', 'p1'), observation('theirs', 'p2')];
    const response = await as('patient', '/patients/p1?_revinclude=Observation:subject');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { included: { id: string }[] }).included.map((record) => record.id)).toEqual(['mine']);
  });

  it('refuses _has reverse chaining', async () => {
    expect((await as('patient', '/observations?_has:Observation:patient:code=1')).status).toBe(403);
    expect(upstream.requests).toEqual([]);
  });
});

describe('patient compartment: writes', () => {
  it('refuses a create that names another patient, simplified or FHIR', async () => {
    expect(
      (await as('patient', '/observations', { method: 'POST', body: JSON.stringify({ patientId: 'p2', status: 'final' }) })).status,
    ).toBe(403);
    expect(
      (await as('patient', '/observations', { method: 'POST', body: JSON.stringify({ subject: { reference: 'Patient/p2' } }) })).status,
    ).toBe(403);
    expect(upstream.requests).toEqual([]);
  });

  it('allows a create for themselves', async () => {
    expect(
      (await as('patient', '/observations', { method: 'POST', body: JSON.stringify({ patientId: 'p1', status: 'final' }) })).status,
    ).toBe(201);
  });

  it('refuses a contained Patient it cannot check', async () => {
    const body = { contained: [{ resourceType: 'Patient', id: 'x' }], subject: { reference: '#x' }, patientId: 'p1' };
    expect((await as('patient', '/observations', { method: 'POST', body: JSON.stringify(body) })).status).toBe(403);
  });

  it("answers an update of another patient's record with 404, sending only the check", async () => {
    expect((await as('patient', '/observations/theirs', { method: 'PATCH', body: JSON.stringify({ status: 'amended' }) })).status).toBe(
      404,
    );
    expect(methods()).toEqual(['GET /v1/observations/theirs']);
  });

  it('pins an update of their own record to the version it checked', async () => {
    expect((await as('patient', '/observations/mine', { method: 'PATCH', body: JSON.stringify({ status: 'amended' }) })).status).toBe(200);
    expect(methods()).toEqual(['GET /v1/observations/mine', 'PATCH /v1/observations/mine']);
    expect(upstream.requests[1]?.headers['if-match']).toBe('W/"3"');
  });

  it('answers a stale If-Match with 409 and sends no write', async () => {
    const response = await as('patient', '/observations/mine', {
      method: 'PATCH',
      body: '{"status":"amended"}',
      headers: { 'if-match': 'W/"2"' },
    });
    expect(response.status).toBe(409);
    expect(methods()).toEqual(['GET /v1/observations/mine']);
  });

  it('refuses a JSON Patch that moves the record to another patient', async () => {
    const patch = [{ op: 'replace', path: '/subject/reference', value: 'Patient/p2' }];
    const response = await as('patient', '/observations/mine', {
      method: 'PATCH',
      body: JSON.stringify(patch),
      headers: { 'content-type': 'application/json-patch+json' },
    });
    expect(response.status).toBe(403);
    expect(upstream.requests).toEqual([]);
  });

  it("answers a delete of another patient's record with 404 and sends no delete", async () => {
    expect((await as('patient', '/observations/theirs', { method: 'DELETE' })).status).toBe(404);
    expect(methods()).toEqual(['GET /v1/observations/theirs']);
  });

  it('keeps shared resources read-only', async () => {
    expect((await as('patient', '/practitioners', { method: 'POST', body: '{"name":[{"family":"x"}]}' })).status).toBe(403);
  });
});

describe('widget actions meet the same policy', () => {
  it('refuses consents.sign for another patient and allows it for themselves', async () => {
    expect((await action('patient', 'consents.sign', { patientId: 'p2', status: 'active', policyRule: 'hipaa' })).status).toBe(403);
    expect(upstream.requests).toEqual([]);
    expect((await action('patient', 'consents.sign', { patientId: 'p1', status: 'active', policyRule: 'hipaa' })).status).toBe(201);
    expect(methods()).toEqual(['POST /v1/consents']);
  });

  it('answers patients.read of another patient with 404', async () => {
    expect((await action('patient', 'patients.read', { id: 'p2' })).status).toBe(404);
  });

  it('applies role grants to actions: front desk cannot write labs', async () => {
    expect((await action('frontDesk', 'labs.create', { patientId: 'p1', status: 'preliminary' })).status).toBe(403);
    expect((await action('frontDesk', 'appointments.create', { patientId: 'p1', status: 'booked' })).status).toBe(201);
  });

  it('answers an unknown action with 400', async () => {
    const response = await action('clinician', 'patients.delete', { id: 'p1' });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 'BAD_REQUEST', message: 'Unknown action' });
  });
});

describe('roles and misbehaving policies', () => {
  it('limits the front desk to its grants', async () => {
    expect((await as('frontDesk', '/labs/l1')).status).toBe(403);
    expect((await as('frontDesk', '/patients', { method: 'POST', body: '{"firstName":"a","lastName":"b"}' })).status).toBe(403);
    expect(upstream.requests).toEqual([]);
  });

  it('refuses a user whose roles grant nothing', async () => {
    expect((await as('janitor', '/patients/p1')).status).toBe(403);
  });

  it('fails closed when the policy throws', async () => {
    const broken = await proxyApp({
      upstream: upstream.url,
      policy: () => {
        throw new Error('db down');
      },
    });
    expect((await fetch(`${broken.url}/api/clinik/patients`)).status).toBe(403);
    expect(upstream.requests).toEqual([]);
    await broken.close();
  });

  it('does not let a policy smuggle query parameters in', async () => {
    const smuggler = await proxyApp({
      upstream: upstream.url,
      policy: () => ({ effect: 'allow', query: new URLSearchParams('access_token=x') }),
    });
    expect((await fetch(`${smuggler.url}/api/clinik/patients`)).status).toBe(400);
    expect(upstream.requests).toEqual([]);
    await smuggler.close();
  });
});

describe('key scopes', () => {
  it('never lets a POST through a read-only key', async () => {
    const readOnly = await proxyApp({ upstream: upstream.url, apiKey: { key: FAKE_KEY, scopes: ['read'] } });
    const post = await fetch(`${readOnly.url}/api/clinik/patients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: '{"firstName":"a","lastName":"b"}',
    });
    expect(post.status).toBe(403);
    expect(upstream.requests).toEqual([]);
    expect((await fetch(`${readOnly.url}/api/clinik/patients`)).status).toBe(200);
    await readOnly.close();
  });

  it('never lets a GET through a write-only key', async () => {
    const writeOnly = await proxyApp({ upstream: upstream.url, apiKey: { key: FAKE_KEY, scopes: ['write'] } });
    expect((await fetch(`${writeOnly.url}/api/clinik/patients`)).status).toBe(403);
    expect(upstream.requests).toEqual([]);
    await writeOnly.close();
  });
});
