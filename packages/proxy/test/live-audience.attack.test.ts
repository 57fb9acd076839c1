/**
 * Who may learn that a record changed, over the whole space: every catalogue type × records of patient A, of
 * patient B and of both, either way round (a record naming two patients belongs to neither) × a clinician, a front desk, a billing
 * role with a search-only grant, and patient A. What each stream is told is compared with an expectation written
 * here from the grants, independently of the proxy's code: a role learns of the types it may read, a patient of
 * their own records and the shared types only — and each is told only of the patients it may know of.
 */
import { RESOURCE_CATALOGUE, webhookResourceName, type ResourceDefinition, type ResourcePath } from '@clinikapi/core';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { grants, roles } from '../src/policy/roles.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { FAKE_KEY, proxyApp, recordingUpstream, type ProxyApp } from './harness.ts';
import { deliver, openStream, signedDelivery, type SseStream } from './live-helpers.ts';

const SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const A = 'patient-a';
const B = 'patient-b';

/** `AB`: linked to A, with a simplified `patientId` of B; `BA` the other way round. */
type Owner = 'A' | 'B' | 'AB' | 'BA';
const OWNERS: readonly Owner[] = ['A', 'B', 'AB', 'BA'];

const USERS: Record<string, ProxyUser> = {
  clinician: { id: 'clinician', roles: ['clinician'] },
  desk: { id: 'desk', roles: ['frontDesk'] },
  billing: { id: 'billing', roles: ['billing'] },
  patient: { id: 'patient', roles: ['patient'], patientId: A },
};

const policy = roles({
  clinician: '*',
  frontDesk: ['patients:read', 'appointments:*', 'practitioners:read'],
  billing: ['invoices:read', 'claims:*', 'accounts:search'],
  patient: allOf(grants(['*:read']), patientCompartment({ patientId: (user) => user.patientId as string, shared: ['practitioners'] })),
});

/** The expectation, from the grants above: which records each user learns of. */
function expected(user: string, definition: ResourceDefinition, owner: Owner): boolean {
  const path = definition.path;
  if (user === 'clinician') return true;
  if (user === 'desk') return ['patients', 'appointments', 'practitioners'].includes(path);
  // A search-only grant does not let a user read records carried in answers, nor learn of their changes.
  if (user === 'billing') return ['invoices', 'claims'].includes(path);
  if (definition.patientLink === null) return path === 'practitioners';
  return owner === 'A';
}

/** A stored record of `definition` that belongs to `owner`, through its catalogue patient link. */
function storedRecord(definition: ResourceDefinition, id: string, owner: Owner): unknown {
  const reference = (patient: string) => ({ reference: `Patient/${patient}` });
  const record: Record<string, unknown> = { resourceType: definition.resourceType, id };
  if (definition.patientLink === null || definition.patientLink === 'self') return record;
  let target: Record<string, unknown> = record;
  const path = definition.patientLink.split('.');
  for (const element of path.slice(0, -1)) target = (target[element] = {}) as Record<string, unknown>;
  target[path.at(-1) as string] = reference(owner.startsWith('B') ? B : A);
  // A record whose simplified patientId names someone else belongs to both, and so to neither compartment.
  if (owner.length === 2) record.patientId = owner === 'AB' ? B : A;
  return record;
}

const idOf = (definition: ResourceDefinition, owner: Owner) =>
  definition.patientLink === 'self' ? (owner === 'B' ? B : A) : `${owner}-${definition.path}`;

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let proxy: ProxyApp;
const streams = new Map<string, SseStream>();

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => {
    const [, version, path = '', id = ''] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
    const definition = RESOURCE_CATALOGUE.find((entry) => entry.path === path);
    const owner = id.split('-')[0] as Owner;
    if (version !== 'v1' || !definition || !OWNERS.includes(owner)) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"Not Found","code":"NOT_FOUND","requestId":"x","issues":[]}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: storedRecord(definition, id, owner) }));
  });
  proxy = await proxyApp({
    apiKey: FAKE_KEY,
    upstream: upstream.url,
    session: (req: Request) => USERS[req.get('x-user') ?? ''] ?? null,
    policy,
    live: { webhookSecret: SECRET, tenantId: 'org_space' },
  });
  for (const user of Object.keys(USERS)) {
    const stream = await openStream(`${proxy.url}/api/clinik/events`, { 'x-user': user });
    await stream.next((event) => event.event === 'ready');
    streams.set(user, stream);
  }
}, 60_000);

afterAll(async () => {
  for (const stream of streams.values()) stream.close();
  await proxy?.close();
  await upstream?.close();
});

const send = (path: ResourcePath, resourceId: string) =>
  deliver(
    proxy.url,
    signedDelivery(SECRET, {
      resourceType: webhookResourceName(path),
      resourceId,
      action: 'created',
      tenantId: 'org_space',
      environment: 'test',
    }),
  );

it('tells each user exactly the changes a read would show them, naming only the patients they may know of', async () => {
  const cases = RESOURCE_CATALOGUE.flatMap((definition) =>
    (definition.patientLink === null ? (['A'] as const) : definition.patientLink === 'self' ? (['A', 'B'] as const) : OWNERS).map(
      (owner) => ({ definition, owner }),
    ),
  );
  for (const { definition, owner } of cases)
    expect((await send(definition.path as ResourcePath, idOf(definition, owner))).status).toBe(200);
  // The clinician is told of everything: once their stream has every case, every decision has been made and written.
  await (streams.get('clinician') as SseStream).next(
    () => (streams.get('clinician') as SseStream).changes().length >= cases.length,
    30_000,
  );
  // One last change each user is told of, after all the others: it arrives last on its connection.
  const sentinels: Record<string, [ResourcePath, string]> = {
    clinician: ['observations', 'A-sentinel-c'],
    desk: ['appointments', 'A-sentinel-d'],
    billing: ['invoices', 'A-sentinel-b'],
    patient: ['observations', 'A-sentinel-p'],
  };
  for (const [user, [path, id]] of Object.entries(sentinels)) {
    await send(path, id);
    await (streams.get(user) as SseStream).next((event) => event.event === 'change' && JSON.parse(event.data).id === id);
  }

  for (const [user, stream] of streams) {
    const told = stream.changes().filter((change) => !change.id.includes('sentinel'));
    const want = cases.filter(({ definition, owner }) => expected(user, definition, owner));
    expect(told.map((change) => `${change.path}/${change.id}`).sort(), user).toEqual(
      want.map(({ definition, owner }) => `${definition.path}/${idOf(definition, owner)}`).sort(),
    );
    for (const change of told) {
      // A patient is told of their own patient only; staff of whoever the record names, if it names one.
      if (user === 'patient')
        expect(change.patientIds, `${user} ${change.path}/${change.id}`).toEqual(
          RESOURCE_CATALOGUE.find((entry) => entry.path === change.path)?.patientLink === null ? [] : [A],
        );
      else
        expect(
          change.patientIds.every((id) => id === A || id === B),
          `${user} ${change.path}`,
        ).toBe(true);
    }
  }
  const records = upstream.requests.filter((request) => request.method === 'GET');
  // Each changed record of a patient was read once, with the server's key; patients and unlinked types not at all.
  expect(records).toHaveLength(
    cases.filter(({ definition }) => definition.patientLink !== null && definition.patientLink !== 'self').length + 4,
  );
  expect(records.every((request) => request.headers['x-api-key'] === FAKE_KEY && !('x-user' in request.headers))).toBe(true);
}, 60_000);
