/**
 * Two proxy instances behind one load balancer, sharing a real redis-server: a webhook that reaches either one is
 * told on both; a duplicate that reaches the other is still a duplicate; a delete that reaches the other still finds
 * the patient of a record only the first one read.
 */
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../scripts/test-services/index.ts';
import type { LiveAuditRecord } from '../src/live/live-audit.ts';
import { roles } from '../src/policy/roles.ts';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { FAKE_KEY, proxyApp, recordingUpstream, type ProxyApp } from './harness.ts';
import { deliver, openStream, signedDelivery } from './live-helpers.ts';

const SECRET = `whsec_${randomBytes(24).toString('hex')}`;
/** A connected client, as `connected()` returns it. */
const newClient = (url: string) => createClient({ url });
type Client = ReturnType<typeof newClient>;

let redis: TestRedis;
const clients: Client[] = [];
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
const instances: ProxyApp[] = [];

const users = { clinician: { id: 'clinician', roles: ['clinician'] }, amara: { id: 'amara', roles: ['patient'], patientId: 'pat-amara' } };
const policy = roles({ clinician: '*', patient: allOf(patientCompartment({ patientId: (user) => user.patientId as string })) });

async function connected(): Promise<Client> {
  const client = newClient(redis.url);
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  redis = await startTestRedis();
  upstream = await recordingUpstream((req, res) => {
    const id = (req.url ?? '').split('/').at(-1);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { resourceType: 'Observation', id, subject: { reference: 'Patient/pat-amara' } } }));
  });
  const commands = await connected();
  for (let index = 0; index < 2; index += 1) {
    const subscriber = await connected();
    instances.push(
      await proxyApp({
        apiKey: FAKE_KEY,
        upstream: upstream.url,
        session: (req: Request) => users[req.get('x-user') as keyof typeof users] ?? null,
        policy,
        live: {
          webhookSecret: SECRET,
          tenantId: 'org_shared',
          redis: {
            sendCommand: (...args) => commands.sendCommand(args),
            subscribe: (channel, listener) => subscriber.subscribe(channel, listener),
            prefix: 'live-test:',
          },
        },
      }),
    );
  }
  // Both instances' subscriptions are in place before anything is published.
  while ((await commands.pubSubNumSub('live-test:changes'))['live-test:changes'] !== 2)
    await new Promise((resolve) => setTimeout(resolve, 10));
}, 60_000);

afterAll(async () => {
  for (const instance of instances) await instance.close();
  for (const client of clients) await client.quit();
  await upstream?.close();
  await redis?.stop();
});

const observation = (action: string, resourceId: string) =>
  signedDelivery(SECRET, { resourceType: 'observation', resourceId, action, tenantId: 'org_shared', environment: 'test' });

it('tells streams on every instance, deduplicates and remembers patients across them', async () => {
  const [first, second] = instances as [ProxyApp, ProxyApp];
  const clinician = await openStream(`${second.url}/api/clinik/events`, { 'x-user': 'clinician' });
  const amara = await openStream(`${first.url}/api/clinik/events`, { 'x-user': 'amara' });
  await Promise.all([clinician.next((event) => event.event === 'ready'), amara.next((event) => event.event === 'ready')]);

  const created = observation('created', 'obs-1');
  expect((await deliver(first.url, created)).status).toBe(200);
  expect((await deliver(second.url, created)).status).toBe(200);
  await clinician.next((event) => event.id === created.id);
  await amara.next((event) => event.id === created.id);

  const deleted = observation('deleted', 'obs-1');
  expect((await deliver(second.url, deleted)).status).toBe(200);
  const told = await amara.next((event) => event.id === deleted.id);
  expect(JSON.parse(told.data)).toEqual({
    resourceType: 'Observation',
    path: 'observations',
    id: 'obs-1',
    action: 'deleted',
    patientIds: ['pat-amara'],
  });
  await clinician.next((event) => event.id === deleted.id);

  expect(clinician.changes().map((change) => change.action)).toEqual(['created', 'deleted']);
  expect(amara.changes().map((change) => change.action)).toEqual(['created', 'deleted']);
  // One read, by the instance that accepted the creation; the delete was not read (it cannot be) but remembered.
  expect(upstream.requests.map((request) => request.url)).toEqual(['/v1/observations/obs-1']);
  const outcome = (app: ProxyApp) =>
    app.log.lines
      .map((line) => JSON.parse(line) as { msg: string; audit: LiveAuditRecord })
      .filter((line) => line.msg === 'clinikapi.proxy.live' && line.audit.kind === 'webhook' && line.audit.eventId === created.id)
      .map((line) => line.audit.kind === 'webhook' && line.audit.outcome);
  expect([...outcome(first), ...outcome(second)]).toEqual(['accepted', 'duplicate']);
  clinician.close();
  amara.close();
});
