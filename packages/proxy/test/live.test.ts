/**
 * Live updates end to end: the emulator sends its signed webhooks to the proxy, and each signed-in user's event
 * stream is told exactly what a read would show them — a clinician everything, the front desk no clinical record,
 * a patient only their own. One emulator and one proxy for the file; the clock is real, the waits are for events.
 */
import { startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveAuditRecord } from '../src/live/live-audit.ts';
import { allOf, type Policy } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { grants, roles } from '../src/policy/roles.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { proxyApp, type ProxyApp } from './harness.ts';
import { deliver, openStream, signedDelivery, type SseStream } from './live-helpers.ts';

const SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const TENANT = 'org_live';

let emulator: RunningEmulator;
let proxy: ProxyApp;
let amara = '';
let benjamin = '';
const users = new Map<string, ProxyUser>();
/** Sessions that have been revoked: the app's own sign-out, as the session resolver sees it. */
const revoked = new Set<string>();

const policy: Policy = roles({
  clinician: '*',
  frontDesk: ['patients:read', 'patients:update', 'appointments:*', 'practitioners:read'],
  patient: allOf(grants(['*:read']), patientCompartment({ patientId: (user) => user.patientId as string, shared: ['practitioners'] })),
});

const session = (req: Request) => {
  const id = req.get('x-user');
  return id && !revoked.has(id) ? (users.get(id) ?? null) : null;
};

const as = (userId: string, extra: Record<string, string> = {}) => ({ 'x-user': userId, ...extra });
const write = (userId: string) => as(userId, { 'x-csrf': '1', 'content-type': 'application/json' });
const streamOf = (userId: string, headers: Record<string, string> = {}) =>
  openStream(`${proxy.url}/api/clinik/events`, as(userId, headers));

async function call<T = { id: string }>(userId: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${proxy.url}/api/clinik/${path}`, {
    method,
    headers: write(userId),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as { data: T }).data;
}

const recordVitals = (patientId: string) =>
  call('u_clinician', 'POST', 'observations', {
    status: 'final',
    code: 'Heart rate',
    patientId,
    category: 'vital-signs',
    valueQuantity: { value: 72, unit: 'beats/min' },
  });

const liveRecords = (): LiveAuditRecord[] =>
  proxy.log.lines
    .map((line) => JSON.parse(line) as { msg: string; audit: LiveAuditRecord })
    .filter((line) => line.msg === 'clinikapi.proxy.live')
    .map((line) => line.audit);

/** Everyone sees a new practitioner: once each stream has it, anything sent to a stream before it has arrived too. */
async function barrier(streams: readonly SseStream[]): Promise<void> {
  const { id } = await call('u_clinician', 'POST', 'practitioners', { firstName: 'Barrier', lastName: randomBytes(4).toString('hex') });
  await Promise.all(streams.map((stream) => stream.next((event) => event.event === 'change' && JSON.parse(event.data).id === id)));
}

const changeOf = (stream: SseStream, id: string) => stream.changes().find((change) => change.id === id);

beforeAll(async () => {
  emulator = await startEmulator({ webhooks: { allowLoopback: true } });
  await emulator.emulator.admin.ensureOrganisation(TENANT, { name: 'Live clinic', plan: 'pro' });
  const { key } = await emulator.emulator.admin.createKey({ organisationId: TENANT, environment: 'test' });
  proxy = await proxyApp({
    apiKey: key,
    upstream: emulator.url,
    session,
    policy,
    live: { webhookSecret: SECRET, tenantId: TENANT, sessionCheckMs: 100, heartbeatMs: 200 },
  });
  await emulator.emulator.admin.createWebhook({
    organisationId: TENANT,
    url: `${proxy.url}/api/clinik/webhooks/clinikapi`,
    secret: SECRET,
    environment: 'test',
  });
  users.set('u_clinician', { id: 'u_clinician', roles: ['clinician'] });
  users.set('u_desk', { id: 'u_desk', roles: ['frontDesk'] });
  amara = (await call('u_clinician', 'POST', 'patients', { firstName: 'Amara', lastName: 'Okafor' })).id;
  benjamin = (await call('u_clinician', 'POST', 'patients', { firstName: 'Benjamin', lastName: 'Hartley' })).id;
  users.set('u_amara', { id: 'u_amara', roles: ['patient'], patientId: amara });
  users.set('u_benjamin', { id: 'u_benjamin', roles: ['patient'], patientId: benjamin });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

describe('the event stream', () => {
  it('is a no-store, unbuffered text/event-stream for a signed-in user only', async () => {
    const anonymous = await fetch(`${proxy.url}/api/clinik/events`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()) as object).toMatchObject({ code: 'UNAUTHORIZED' });
    const stream = await streamOf('u_clinician');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    await stream.next((event) => event.event === 'ready');
    expect(stream.events[0]).toEqual({ event: 'retry', id: undefined, data: '' });
    // Idle, it is kept alive by comment lines.
    await stream.next((event) => event.event === 'comment');
    stream.close();
  });

  it('tells the clinician and the patient of the patient’s new vitals — not the front desk, not another patient', async () => {
    const streams = await Promise.all(['u_clinician', 'u_desk', 'u_amara', 'u_benjamin'].map((user) => streamOf(user)));
    await Promise.all(streams.map((stream) => stream.next((event) => event.event === 'ready')));
    const [clinician, desk, patient, other] = streams as [SseStream, SseStream, SseStream, SseStream];

    const { id } = await recordVitals(amara);
    const told = await clinician.next((event) => event.event === 'change' && JSON.parse(event.data).id === id);
    expect(JSON.parse(told.data)).toEqual({
      resourceType: 'Observation',
      path: 'observations',
      id,
      action: 'created',
      patientIds: [amara],
    });
    expect(told.id).toMatch(/^evt_/);
    await barrier(streams);
    expect(changeOf(patient, id)).toEqual({
      resourceType: 'Observation',
      path: 'observations',
      id,
      action: 'created',
      patientIds: [amara],
    });
    expect(changeOf(desk, id)).toBeUndefined();
    expect(changeOf(other, id)).toBeUndefined();

    const delivery = liveRecords().find((record) => record.kind === 'delivery' && record.resourceId === id);
    expect(delivery).toMatchObject({
      kind: 'delivery',
      resourceType: 'Observation',
      action: 'created',
      patientIds: [amara],
      replay: false,
    });
    expect(delivery?.kind === 'delivery' && [...delivery.userIds].sort()).toEqual(['u_amara', 'u_clinician']);
    for (const stream of streams) stream.close();
  });

  it('tells the front desk and the patient of a change to the patient record itself, and a deletion through the remembered owner', async () => {
    const streams = await Promise.all(['u_clinician', 'u_desk', 'u_amara', 'u_benjamin'].map((user) => streamOf(user)));
    await Promise.all(streams.map((stream) => stream.next((event) => event.event === 'ready')));
    const [clinician, desk, patient, other] = streams as [SseStream, SseStream, SseStream, SseStream];
    const { id: observation } = await recordVitals(amara);
    await call('u_desk', 'PATCH', `patients/${amara}`, { phone: '+44 20 7946 0001' });
    await call('u_clinician', 'DELETE', `observations/${observation}`);
    await clinician.next((event) => event.event === 'change' && JSON.parse(event.data).action === 'deleted');
    await barrier(streams);

    const update = { resourceType: 'Patient', path: 'patients', id: amara, action: 'updated', patientIds: [amara] };
    expect(changeOf(desk, amara)).toEqual(update);
    expect(changeOf(patient, amara)).toEqual(update);
    expect(changeOf(other, amara)).toBeUndefined();
    // The deleted record cannot be read any more: its patient was remembered from its creation.
    expect(
      patient
        .changes()
        .filter((change) => change.id === observation)
        .map((change) => change.action),
    ).toEqual(['created', 'deleted']);
    expect(desk.changes().some((change) => change.id === observation)).toBe(false);
    for (const stream of streams) stream.close();
  });

  it('resumes from Last-Event-ID with what this user missed and may see, or says to start over', async () => {
    const clinician = await streamOf('u_clinician');
    const first = await streamOf('u_amara');
    await first.next((event) => event.event === 'ready');
    const { id: before } = await recordVitals(amara);
    const seen = await first.next((event) => event.event === 'change' && JSON.parse(event.data).id === before);
    first.close();

    const { id: missedOwn } = await recordVitals(amara);
    const { id: missedOther } = await recordVitals(benjamin);
    await clinician.next((event) => event.event === 'change' && JSON.parse(event.data).id === missedOther);

    const resumed = await streamOf('u_amara', { 'last-event-id': seen.id as string });
    const ready = await resumed.next((event) => event.event === 'ready');
    expect(resumed.changes().map((change) => change.id)).toEqual([missedOwn]);
    expect(ready.id).toBe(clinician.events.filter((event) => event.event === 'change').at(-1)?.id);
    expect(liveRecords()).toContainEqual(
      expect.objectContaining({ kind: 'subscribe', userId: 'u_amara', resumedFrom: seen.id, replayed: 1, reset: false }),
    );

    const lost = await streamOf('u_amara', { 'last-event-id': 'evt_long_forgotten' });
    await lost.next((event) => event.event === 'reset');
    await lost.next((event) => event.event === 'ready');
    for (const stream of [clinician, resumed, lost]) stream.close();
  });

  it('closes the stream of a session that has ended, and says why', async () => {
    users.set('u_locum', { id: 'u_locum', roles: ['clinician'] });
    const stream = await streamOf('u_locum');
    await stream.next((event) => event.event === 'ready');
    revoked.add('u_locum');
    await stream.next((event) => event.event === 'session-ended');
    await stream.ended;
    expect(liveRecords()).toContainEqual(expect.objectContaining({ kind: 'unsubscribe', userId: 'u_locum', reason: 'session-ended' }));
    expect((await streamOf('u_locum')).status).toBe(401);
  });

  it('holds a few streams per user and refuses more', async () => {
    const streams = await Promise.all(Array.from({ length: 5 }, () => streamOf('u_benjamin')));
    await Promise.all(streams.map((stream) => stream.next((event) => event.event === 'ready')));
    const refused = await streamOf('u_benjamin');
    expect(refused.status).toBe(429);
    streams[0]?.close();
    await expect
      .poll(async () => {
        const again = await streamOf('u_benjamin');
        again.close();
        return again.status;
      })
      .toBe(200);
    for (const stream of streams) stream.close();
  });
});

describe('the webhook route', () => {
  const patientEvent = (overrides: Partial<{ tenantId: string; environment: string }> = {}) => ({
    resourceType: 'patient',
    resourceId: amara,
    action: 'updated',
    tenantId: TENANT,
    environment: 'test',
    ...overrides,
  });

  it('refuses what ClinikAPI did not sign, or signed long ago, or only with the body signature', async () => {
    const stale = signedDelivery(SECRET, patientEvent(), { at: Date.now() - 10 * 60_000 });
    const forged = signedDelivery(`whsec_${randomBytes(24).toString('hex')}`, patientEvent());
    const v1Only = signedDelivery(SECRET, patientEvent(), { v2: false });
    const unsigned = signedDelivery(SECRET, patientEvent(), { v1: false, v2: false });
    for (const [delivery, reason] of [
      [stale, 'stale'],
      [forged, 'mismatch'],
      [v1Only, 'v1-refused'],
      [unsigned, 'missing'],
    ] as const) {
      const response = await deliver(proxy.url, delivery);
      expect(response.status, reason).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const mismatched = signedDelivery(SECRET, patientEvent());
    expect(
      (await deliver(proxy.url, { ...mismatched, headers: { ...mismatched.headers, 'x-clinik-delivery-id': 'evt_other' } })).status,
    ).toBe(400);
    expect((await fetch(`${proxy.url}/api/clinik/webhooks/clinikapi`)).status).toBe(405);
    const huge = signedDelivery(SECRET, { ...patientEvent(), resourceId: 'x'.repeat(70_000) });
    expect((await deliver(proxy.url, huge)).status).toBe(413);
  });

  it('answers 200 to events of another environment or tenant and to duplicates, and tells nobody', async () => {
    const clinician = await streamOf('u_clinician');
    await clinician.next((event) => event.event === 'ready');
    const otherEnvironment = signedDelivery(SECRET, patientEvent({ environment: 'live' }));
    const otherTenant = signedDelivery(SECRET, patientEvent({ tenantId: 'org_someone_else' }));
    const once = signedDelivery(SECRET, {
      resourceType: 'patient',
      resourceId: benjamin,
      action: 'updated',
      tenantId: TENANT,
      environment: 'test',
    });
    for (const delivery of [otherEnvironment, otherTenant, once, once]) expect((await deliver(proxy.url, delivery)).status).toBe(200);
    await barrier([clinician]);
    const told = clinician.events.filter((event) => event.event === 'change').map((event) => event.id);
    expect(told).toContain(once.id);
    expect(told).not.toContain(otherEnvironment.id);
    expect(told).not.toContain(otherTenant.id);
    expect(told.filter((id) => id === once.id)).toHaveLength(1);
    const outcomes = liveRecords().filter(
      (record) => record.kind === 'webhook' && [otherEnvironment.id, otherTenant.id, once.id].includes(record.eventId),
    );
    expect(outcomes.map((record) => record.kind === 'webhook' && record.outcome)).toEqual([
      'ignored:environment',
      'ignored:tenant',
      'accepted',
      'duplicate',
    ]);
    clinician.close();
  });

  it('audits who was told about whose record, and never what any record says', () => {
    const text = proxy.log.lines.join('\n');
    for (const content of ['Okafor', 'Hartley', 'Heart rate', 'beats/min', '+44 20 7946 0001', SECRET]) expect(text).not.toContain(content);
    expect(liveRecords().some((record) => record.kind === 'delivery' && record.patientIds.includes(amara))).toBe(true);
  });
});
