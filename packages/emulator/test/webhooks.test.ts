/**
 * Webhooks as an integration sees them: a real HTTP receiver on this machine, the emulator's API writing records,
 * deliveries signed as the guide describes, filtered by event, environment and sub-organisation, retried on the
 * documented backoff of a fake clock, and refused for good when the destination turns out to be internal.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/emulator.ts';
import { nodeWebhookTransport } from '../src/node/webhook-transport.ts';
import { createMemoryStore } from '../src/store/memory.ts';
import { RETRY_DELAYS_MS, type WebhookTransport } from '../src/webhooks/dispatcher.ts';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly path: string;
}

let clock = Date.parse('2025-03-01T09:00:00Z');
/** The status each path answers with; 204 unless a test says otherwise. */
let answers: Record<string, number> = {};
let received: Received[] = [];
let receiver: Server;
let receiverUrl = '';
/** Where `rebind.example` resolves now: public at registration, internal later. */
let rebindTo = '93.184.215.14';
let emulator: Emulator;

const node = nodeWebhookTransport();
const transport: WebhookTransport = {
  resolve: async (hostname) => (hostname === 'rebind.example' ? [rebindTo] : node.resolve(hostname)),
  send: node.send,
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ headers: req.headers, body, path });
      const status = answers[path] ?? 204;
      res.writeHead(status, status >= 300 && status < 400 ? { location: 'https://elsewhere.example/' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  emulator = createEmulator({
    store: createMemoryStore(),
    now: () => clock,
    webhooks: { transport, allowLoopback: true, autoDeliver: false },
  });
  await emulator.admin.createOrganisation({ id: 'org_hooks', name: 'Hooks clinic', plan: 'pro' });
  await emulator.admin.createOrganisation({ id: 'org_branch', name: 'North branch', plan: 'pro', parentId: 'org_hooks' });
  await emulator.admin.createOrganisation({ id: 'org_other', name: 'Another clinic', plan: 'pro' });
});

afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(async () => {
  received = [];
  answers = {};
  // Each test registers its own endpoints on a clean slate.
  for (const organisationId of ['org_hooks', 'org_other']) {
    for (const webhook of await emulator.admin.listWebhooks(organisationId)) await emulator.admin.deleteWebhook(webhook.id);
  }
});

async function keyOf(organisationId: string, environment: 'test' | 'live' = 'test'): Promise<string> {
  return (await emulator.admin.createKey({ organisationId, environment })).key;
}

async function createPatient(key: string): Promise<string> {
  const response = await emulator.fetch(
    new Request('http://emulator.local/v1/patients', {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Ada', lastName: 'Lovelace' }),
    }),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

const hex = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

describe('webhook deliveries', () => {
  it('sends the ID-only payload, signed both ways, with the event and delivery headers', async () => {
    const { secret, webhook } = await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/hooks` });
    expect(webhook).toMatchObject({ events: ['*'], environment: 'both', subOrganisationId: null, secretHint: `…${secret.slice(-4)}` });
    expect(JSON.stringify(await emulator.admin.listWebhooks('org_hooks'))).not.toContain(secret);
    const patientId = await createPatient(await keyOf('org_hooks'));

    expect(await emulator.webhooks.deliverDue()).toBe(1);
    expect(received).toHaveLength(1);
    const [delivery] = received as [Received];
    const payload = JSON.parse(delivery.body) as { id: string; event: string; timestamp: string; data: Record<string, unknown> };
    expect(payload).toEqual({
      id: expect.stringMatching(/^evt_[a-z0-9]+_[a-z0-9]+$/),
      event: 'patient.created',
      timestamp: new Date(clock).toISOString(),
      data: { resourceType: 'patient', resourceId: patientId, action: 'created', tenantId: 'org_hooks', environment: 'test' },
    });
    expect(delivery.body).not.toContain('Lovelace');
    const t = Math.floor(clock / 1000);
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'x-clinik-event': 'patient.created',
      'x-clinik-delivery-id': payload.id,
      'x-clinik-timestamp': String(t),
      'x-clinik-signature': hex(secret, delivery.body),
      'x-clinik-signature-v2': `t=${t},v1=${hex(secret, `${t}.${delivery.body}`)}`,
    });
    expect(delivery.path).toBe('/hooks');
    const [logged] = await emulator.admin.listDeliveries(webhook.id);
    expect(logged).toMatchObject({ eventId: payload.id, status: 'delivered', attempts: 1, lastStatus: 204, nextAttemptAt: null });
    expect(await emulator.webhooks.deliverDue()).toBe(0);
  });

  it('tells updates and deletes, as <resource>.<action> with the event names of the guide', async () => {
    await emulator.admin.createWebhook({
      organisationId: 'org_hooks',
      url: receiverUrl,
      events: ['patient.updated', 'patient.deleted', 'allergy.*'],
    });
    const key = await keyOf('org_hooks');
    const patientId = await createPatient(key);
    const call = (method: string, path: string, body?: unknown) =>
      emulator.fetch(
        new Request(`http://emulator.local/v1/${path}`, {
          method,
          headers: { 'x-api-key': key, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        }),
      );
    expect((await call('PATCH', `patients/${patientId}`, { phone: '+44 20 7946 0000' })).status).toBe(200);
    const allergy = await call('POST', 'allergies', { patientId, code: 'Penicillin' });
    expect(allergy.status).toBe(201);
    expect((await call('DELETE', `patients/${patientId}`)).status).toBe(204);
    await emulator.webhooks.deliverDue();
    expect(received.map((delivery) => delivery.headers['x-clinik-event']).sort()).toEqual([
      'allergy.created',
      'patient.deleted',
      'patient.updated',
    ]);
  });

  it('keeps to each endpoint’s environment, event patterns and sub-organisation pin', async () => {
    const live = await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/live`, environment: 'live' });
    await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/labs`, events: ['lab.created'] });
    await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/branch`, subOrganisationId: 'org_branch' });
    await emulator.admin.createWebhook({ organisationId: 'org_other', url: `${receiverUrl}/other` });

    await createPatient(await keyOf('org_hooks', 'live'));
    await createPatient(await keyOf('org_branch', 'test'));
    await emulator.webhooks.deliverDue();
    const byPath = (path: string) =>
      received
        .filter((delivery) => delivery.path === path)
        .map((delivery) => (JSON.parse(delivery.body) as { data: { tenantId: string; environment: string } }).data);
    expect(byPath('/live')).toEqual([expect.objectContaining({ tenantId: 'org_hooks', environment: 'live' })]);
    // A sub-organisation's change reaches its parent's endpoints, naming the sub-organisation as the tenant.
    expect(byPath('/branch')).toEqual([expect.objectContaining({ tenantId: 'org_branch', environment: 'test' })]);
    expect(byPath('/labs')).toEqual([]);
    expect(byPath('/other')).toEqual([]);
    expect(received).toHaveLength(2);
    expect((await emulator.admin.listDeliveries(live.webhook.id)).map((delivery) => delivery.status)).toEqual(['delivered']);
  });

  it('retries a failing endpoint on the documented backoff, then marks it failed; the other endpoint gets it once', async () => {
    const failing = await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/failing` });
    await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/fine` });
    answers = { '/failing': 500 };
    await createPatient(await keyOf('org_hooks'));
    const sendsTo = (path: string) => received.filter((delivery) => delivery.path === path).length;
    expect(await emulator.webhooks.deliverDue()).toBe(2);
    expect(sendsTo('/failing')).toBe(1);

    for (const [retry, delay] of RETRY_DELAYS_MS.entries()) {
      clock += delay - 1;
      expect(await emulator.webhooks.deliverDue(), `retry ${retry + 1} is not due a millisecond early`).toBe(0);
      clock += 1;
      expect(await emulator.webhooks.deliverDue()).toBe(1);
      expect(sendsTo('/failing')).toBe(retry + 2);
    }
    clock += 24 * 3_600_000;
    expect(await emulator.webhooks.deliverDue()).toBe(0);
    const [log] = await emulator.admin.listDeliveries(failing.webhook.id);
    expect(log).toMatchObject({ status: 'failed', attempts: 6, lastStatus: 500, lastError: 'status 500', nextAttemptAt: null });
    // Every retry carries the same delivery id, signed afresh with its own time.
    const attempts = received.filter((delivery) => delivery.path === '/failing');
    expect(new Set(attempts.map((delivery) => delivery.headers['x-clinik-delivery-id'])).size).toBe(1);
    expect(new Set(attempts.map((delivery) => delivery.headers['x-clinik-timestamp'])).size).toBe(6);
    // Retries are per endpoint: the one that answered got the event once.
    expect(sendsTo('/fine')).toBe(1);
  });

  it('counts a redirect as a failure and does not follow it', async () => {
    const { webhook } = await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: `${receiverUrl}/moved` });
    answers = { '/moved': 301 };
    await createPatient(await keyOf('org_hooks'));
    await emulator.webhooks.deliverDue();
    expect(received.map((delivery) => delivery.path)).toEqual(['/moved']);
    expect((await emulator.admin.listDeliveries(webhook.id))[0]).toMatchObject({
      status: 'pending',
      lastStatus: 301,
      lastError: 'status 301 (redirects are not followed)',
    });
  });

  it('refuses internal destinations at registration, and at delivery when the name has moved (never retried)', async () => {
    for (const url of [
      'https://10.0.0.7/hook',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/hook',
      'https://hooks.internal/x',
      'http://hooks.example.com/x',
    ]) {
      await expect(emulator.admin.createWebhook({ organisationId: 'org_hooks', url }), url).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    }
    rebindTo = '10.1.2.3';
    await expect(emulator.admin.createWebhook({ organisationId: 'org_hooks', url: 'https://rebind.example/hook' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ diagnostics: 'url: Refused: host name resolves to a private address' })],
    });
    rebindTo = '93.184.215.14';
    const { webhook } = await emulator.admin.createWebhook({ organisationId: 'org_hooks', url: 'https://rebind.example/hook' });
    rebindTo = '169.254.169.254';
    await createPatient(await keyOf('org_hooks'));
    expect(await emulator.webhooks.deliverDue()).toBe(1);
    clock += RETRY_DELAYS_MS[0] as number;
    expect(await emulator.webhooks.deliverDue()).toBe(0);
    expect((await emulator.admin.listDeliveries(webhook.id))[0]).toMatchObject({
      status: 'refused',
      attempts: 1,
      lastError: 'refused: host name resolves to a link-local address (cloud metadata lives here)',
    });
  });

  it('refuses this machine unless the emulator allows loopback', async () => {
    const strict = createEmulator({ store: createMemoryStore(), now: () => clock, webhooks: { transport, autoDeliver: false } });
    await strict.admin.createOrganisation({ id: 'org_strict', name: 'Strict', plan: 'pro' });
    await expect(strict.admin.createWebhook({ organisationId: 'org_strict', url: receiverUrl })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await expect(strict.admin.createWebhook({ organisationId: 'org_strict', url: 'https://localhost/hook' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await strict.close();
  });

  it('checks patterns and the pin when an endpoint is registered', async () => {
    const refused = (input: object) =>
      expect(emulator.admin.createWebhook({ organisationId: 'org_hooks', url: receiverUrl, ...input })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    await refused({ events: ['patients.created'] });
    await refused({ events: ['patient.archived'] });
    await refused({ events: [] });
    await refused({ environment: 'staging' });
    await refused({ subOrganisationId: 'org_other' });
    await refused({ secret: 'short' });
    await expect(emulator.admin.createWebhook({ organisationId: 'org_missing', url: receiverUrl })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
