/**
 * Attack suite, generated: role grants hold for every record an answer carries, not only for the type asked for.
 * For every example policy of the READMEs and the demo × each of its roles × every catalogue type × every route that
 * can carry records — `_revinclude`/`_include` naming the type, `_has` over it, the `patients.read` action's
 * `include`, `_revinclude=*`, a FHIR Bundle answer, an upstream that adds records nobody asked for to a read, a
 * search or a write — the answer holds exactly the records an oracle worked out from the grant lists allows, a type
 * the role cannot read that the call names is refused before anything is sent, and the audit record says what was
 * refused or withheld.
 */
import { findResource, type ResourceDefinition } from '@clinikapi/core';
import type { Request } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProxyUser } from '../src/request-context.ts';
import { ALL_TYPES, PATIENT_LINKED, recordOf, revincludeElement } from './catalogue-records.ts';
import { FAKE_KEY, proxyApp, recordingUpstream, settled, type ProxyApp } from './harness.ts';
import { examplePolicies, mayRead, type RoleReach } from './readme-policies.ts';

const POLICIES = examplePolicies(['packages/proxy/README.md', 'apps/demo/server/policy.ts']);
const OWN = 'p1';
const OTHER = 'p2';

/** Every type, once for each patient (or once, for types of no patient): what a hostile upstream adds to answers. */
function everyRecord(): Record<string, unknown>[] {
  return ALL_TYPES.flatMap((definition) =>
    definition.patientLink === null
      ? [recordOf(definition, `${definition.path}-shared`, OWN)]
      : [recordOf(definition, `${definition.path}-own`, OWN), recordOf(definition, `${definition.path}-other`, OTHER)],
  );
}

/** Who a generated record belongs to. */
function ownerOf(record: Record<string, unknown>): string | undefined {
  if (record.resourceType === 'Patient') return record.id as string;
  const id = String(record.id);
  return id.endsWith('-own') ? OWN : id.endsWith('-other') ? OTHER : undefined;
}

let bundleAnswers = false;
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => {
    const [path = '', search = ''] = (req.url ?? '').split('?');
    const [, , name = '', id] = path.split('/');
    const definition = findResource(name) as ResourceDefinition;
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && id === undefined) {
      return send(200, {
        data: { data: [recordOf(definition, `${name}-own`, OWN), recordOf(definition, `${name}-other`, OTHER)], total: 2, hasMore: false },
        included: everyRecord(),
      });
    }
    const primary = recordOf(definition, id ?? `${name}-own`, OWN);
    if (bundleAnswers && search.includes('_revinclude')) {
      const entry = [
        { resource: primary, search: { mode: 'match' } },
        ...everyRecord().map((resource) => ({ resource, search: { mode: 'include' } })),
      ];
      return send(200, { data: { resourceType: 'Bundle', type: 'searchset', entry } });
    }
    return send(req.method === 'POST' ? 201 : 200, { data: primary, included: everyRecord() });
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
  bundleAnswers = false;
});

/** The records an answer holds, wherever it holds them. */
function recordsOf(answer: { data?: unknown; included?: unknown[] }): Record<string, unknown>[] {
  const data = answer.data as { data?: unknown[]; resourceType?: string; entry?: { resource: unknown }[] } | null;
  const found = [...(answer.included ?? [])];
  if (data?.resourceType === 'Bundle') found.push(...(data.entry ?? []).map((entry) => entry.resource));
  else if (Array.isArray(data?.data)) found.push(...data.data);
  else if (data) found.push(data);
  return found as Record<string, unknown>[];
}

/** Each role of each example, once per distinct reach: two roles that may read the same things behave the same. */
const cases = POLICIES.flatMap((example) =>
  [...example.roles].map(([role, reach]) => ({ label: `${example.where} ${role}`, example, role, reach })),
).filter((entry, index, all) => all.findIndex((other) => signature(other.reach) === signature(entry.reach)) === index);

function signature(reach: RoleReach): string {
  const readable = reach.readable === 'all' ? 'all' : [...reach.readable].sort().join(',');
  return `${readable}|${reach.compartment ? [...reach.compartment.shared].sort().join(',') : '-'}`;
}

describe.each(cases)('$label', ({ example, role, reach }) => {
  let app: ProxyApp;
  const user: ProxyUser = { id: `u-${role}`, roles: [role], patientId: OWN };
  beforeAll(async () => {
    app = await proxyApp({ upstream: upstream.url, apiKey: FAKE_KEY, session: (_req: Request) => user, policy: example.policy });
  });
  afterAll(() => app.close());

  const get = (path: string) => fetch(`${app.url}/api/clinik${path}`);
  const lastAudit = async () => (await settled(app.log, app.log.records().length)).at(-1);
  /** Checks an answer holds only what the oracle allows, and that the audit record counts what was withheld. */
  async function expectOnlyReadable(response: Response, reachOf: RoleReach = reach): Promise<void> {
    expect(response.status).toBe(response.status === 201 ? 201 : 200);
    const shown = recordsOf((await response.json()) as { data?: unknown; included?: unknown[] });
    for (const record of shown) {
      const definition = findResource(String(record.resourceType)) ?? ALL_TYPES.find((type) => type.resourceType === record.resourceType);
      expect(definition && mayRead(reachOf, definition, ownerOf(record), OWN), `${String(record.resourceType)} ${String(record.id)}`).toBe(
        true,
      );
    }
    const expectedWithheld: Record<string, number> = {};
    for (const record of everyRecord()) {
      const definition = ALL_TYPES.find((type) => type.resourceType === record.resourceType) as ResourceDefinition;
      if (!mayRead(reachOf, definition, ownerOf(record), OWN))
        expectedWithheld[definition.resourceType] = (expectedWithheld[definition.resourceType] ?? 0) + 1;
    }
    const withheld = (await lastAudit())?.withheld ?? {};
    for (const [type, count] of Object.entries(expectedWithheld)) expect(withheld[type], type).toBeGreaterThanOrEqual(count);
  }

  it.each(PATIENT_LINKED.map((definition) => [definition.resourceType, definition] as const))(
    '_revinclude naming %s: refused before the call when the role cannot read it, else only readable records',
    async (_type, definition) => {
      const response = await get(`/patients/${OWN}?_revinclude=${definition.resourceType}:${revincludeElement(definition)}`);
      if (!mayRead(reach, definition, OWN, OWN)) {
        expect(response.status).toBe(403);
        expect(upstream.requests).toEqual([]);
        expect(await lastAudit()).toMatchObject({ decision: 'deny', reason: `include:not-granted:${definition.path}` });
      } else {
        await expectOnlyReadable(response);
      }
    },
  );

  it.each(PATIENT_LINKED.map((definition) => [definition.resourceType, definition] as const))(
    'the patients.read action including %s meets the same rule',
    async (_type, definition) => {
      const response = await fetch(`${app.url}/api/clinik`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf': '1' },
        body: JSON.stringify({
          action: 'patients.read',
          data: { id: OWN, include: [`${definition.resourceType}:${revincludeElement(definition)}`] },
        }),
      });
      if (!mayRead(reach, definition, OWN, OWN)) {
        expect(response.status).toBe(403);
        expect(upstream.requests).toEqual([]);
      } else {
        await expectOnlyReadable(response);
      }
    },
  );

  it.each(ALL_TYPES.map((definition) => [definition.resourceType, definition] as const))(
    '_has over %s is refused unless the role may read it',
    async (_type, definition) => {
      const response = await get(`/appointments?_has:${definition.resourceType}:${revincludeElement(definition)}:code=x`);
      const appointments = findResource('appointments') as ResourceDefinition;
      if (reach.compartment || !mayRead(reach, definition, OWN, OWN) || !mayRead(reach, appointments, OWN, OWN)) {
        expect(response.status).toBe(403);
        expect(upstream.requests).toEqual([]);
      } else {
        await expectOnlyReadable(response);
      }
    },
  );

  it('_revinclude=* on their own patient record: only what the role may read', async () => {
    await expectOnlyReadable(await get(`/patients/${OWN}?_revinclude=*`));
  });

  it('_revinclude=* answered as a FHIR Bundle: only what the role may read', async () => {
    bundleAnswers = true;
    await expectOnlyReadable(await get(`/patients/${OWN}?_revinclude=*`));
  });

  it('a plain read to which the upstream adds records nobody asked for: only what the role may read', async () => {
    await expectOnlyReadable(await get(`/patients/${OWN}`));
  });

  it('a search to which the upstream adds records: only what the role may read, of their own patient only', async () => {
    const appointments = findResource('appointments') as ResourceDefinition;
    const response = await get('/appointments');
    if (!mayRead(reach, appointments, OWN, OWN)) expect(response.status).toBe(403);
    else await expectOnlyReadable(response);
  });

  it('a write whose answer carries extra records: only what the role may read', async () => {
    const response = await fetch(`${app.url}/api/clinik/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: JSON.stringify({ patientId: OWN, status: 'booked', start: '2030-01-01T10:00:00Z', end: '2030-01-01T10:30:00Z' }),
    });
    if (response.status === 403) return;
    await expectOnlyReadable(response);
  });
});

describe('the generated suite covers what it says', () => {
  it('found the README examples and the demo policy, with roles of every kind', () => {
    expect(POLICIES.map((example) => example.where)).toEqual(
      expect.arrayContaining(['apps/demo/server/policy.ts #1', 'packages/proxy/README.md #1']),
    );
    const reaches = cases.map((entry) => entry.reach);
    expect(reaches.some((reachOf) => reachOf.readable === 'all' && !reachOf.compartment)).toBe(true);
    expect(reaches.some((reachOf) => reachOf.readable !== 'all')).toBe(true);
    expect(reaches.some((reachOf) => reachOf.compartment)).toBe(true);
  });
});
