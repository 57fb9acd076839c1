/**
 * The official SDK's wire behaviour against the emulator: its headers and content types, the PATCH body shapes
 * (decided by shape, not content type), the envelope it unwraps, the errors it parses, and its retries on 429 and
 * 5xx — which must never create twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator.ts';
import { startEmulator, type RunningEmulator } from '../../src/node/server.ts';
import { createMemoryStore } from '../../src/store/memory.ts';
import { newOrganisationKey } from '../helpers.ts';
import { sdkErrorOf, sdkWire, type SdkWire } from './wire.ts';

interface Condition {
  id: string;
  note?: { text: string }[];
  bodySite?: { text: string }[];
  meta: { versionId: string };
}

let running: RunningEmulator;
let key: string;
let sdk: SdkWire;
let patientId: string;

beforeAll(async () => {
  running = await startEmulator();
  key = (await newOrganisationKey(running, 'org_sdk_wire', { plan: 'enterprise' })).key;
  sdk = sdkWire({ baseUrl: running.url, apiKey: key });
  patientId = ((await sdk.create('patients', { firstName: 'Wire', lastName: 'Test' })).data as { id: string }).id;
}, 60_000);

afterAll(() => running?.stop());

const newCondition = async (): Promise<Condition> =>
  (await sdk.create('conditions', { patientId, code: 'Eczema', clinicalStatus: 'active', note: 'First', bodySite: ['Left arm'] }))
    .data as Condition;

describe('headers the SDK and other clients send', () => {
  it.each([
    ['the SDK: Accept application/fhir+json, fetch’s own User-Agent', {}],
    ['Accept application/json and an SDK-style User-Agent', { Accept: 'application/json', 'User-Agent': 'clinikapi-sdk/0.3.1 node/24' }],
    ['Accept */* and no particular client', { Accept: '*/*', 'User-Agent': 'curl/8.5.0' }],
  ])('answers the same JSON envelope to %s', async (_label, headers) => {
    const client = sdkWire({ baseUrl: running.url, apiKey: key, headers });
    const created = await client.create('observations', {
      status: 'final',
      code: 'Heart rate',
      patientId,
      valueQuantity: { value: 72, unit: 'beats/min' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const envelope = created.body as { data: { resourceType: string }; meta: { requestId: string }; resourceType?: string };
    // The SDK unwraps `data` only when the body itself has no resourceType.
    expect(envelope.resourceType).toBeUndefined();
    expect(envelope.data.resourceType).toBe('Observation');
    expect(envelope.meta.requestId).toBe(created.headers.get('x-request-id'));
    expect(Number(created.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
  });
});

describe('PATCH bodies: the shape decides, whatever the content type says', () => {
  it.each(['application/json-patch+json', 'application/json', 'application/merge-patch+json'])(
    'an object sent as %s is a merge of fields',
    async (contentType) => {
      const { id } = await newCondition();
      const client = sdkWire({ baseUrl: running.url, apiKey: key, headers: { 'Content-Type': contentType } });
      const updated = await client.update('conditions', id, { note: 'Second', severity: 'mild' });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      expect(updated.data).toMatchObject({ note: [{ text: 'Second' }], severity: { text: 'mild' }, bodySite: [{ text: 'Left arm' }] });
    },
  );

  it.each(['application/json-patch+json', 'application/json'])('an array sent as %s is RFC 6902', async (contentType) => {
    const { id } = await newCondition();
    const client = sdkWire({ baseUrl: running.url, apiKey: key, headers: { 'Content-Type': contentType } });
    const patched = await client.update('conditions', id, [
      { op: 'test', path: '/note/0/text', value: 'First' },
      { op: 'add', path: '/bodySite/-', value: { text: 'Right arm' } },
    ]);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((patched.data as Condition).bodySite).toEqual([{ text: 'Left arm' }, { text: 'Right arm' }]);
  });

  it('refuses a body that is neither, saying what it takes', async () => {
    const { id } = await newCondition();
    const refused = await sdk.update('conditions', id, 'note: Third');
    expect(refused.status).toBe(400);
    expect(sdkErrorOf(refused).message).toBe('A PATCH body is a JSON object of changes, or a JSON Patch array');
  });
});

describe('errors as the SDK parses them', () => {
  it('a 422 has the documented envelope: error, code, requestId (also in x-request-id) and issues, never the value', async () => {
    const secret = 'Hortensia-Quibble';
    const refused = await sdk.create('patients', { firstName: secret, lastName: '', email: secret });
    expect(refused.status).toBe(422);
    const body = refused.body as {
      error: string;
      code: string;
      requestId: string;
      issues: { severity: string; code: string; diagnostics: string }[];
    };
    expect(sdkErrorOf(refused)).toMatchObject({ message: 'Validation Error', code: 'VALIDATION_ERROR', requestId: body.requestId });
    expect(body.issues.map((issue) => issue.diagnostics).sort()).toEqual(['email: Must be an email address', 'lastName: Required']);
    for (const issue of body.issues) expect(issue).toMatchObject({ severity: 'error', code: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain(secret);
  });

  it('404 and 401 carry a code and a request id', async () => {
    const missing = await sdk.read('conditions', 'no-such-condition');
    expect(missing.status).toBe(404);
    expect(sdkErrorOf(missing)).toMatchObject({ code: 'NOT_FOUND', requestId: expect.stringMatching(/^req_/) });
    const stranger = sdkWire({ baseUrl: running.url, apiKey: `clk_test_${'x'.repeat(32)}` });
    expect(sdkErrorOf(await stranger.search('patients'))).toMatchObject({ code: 'INVALID_KEY' });
  });
});

describe('retries: the SDK re-sends the same request on 429 and 5xx, without an Idempotency-Key', () => {
  it('every 429 says when to retry in Retry-After; the retry the SDK makes then creates exactly once', async () => {
    let clock = Date.parse('2025-03-03T09:00:00Z');
    const emulator = createEmulator({
      store: createMemoryStore(),
      now: () => clock,
      limits: { requestsPerMinute: { sandbox: 2, starter: 2, pro: 2, team: 2, enterprise: 2 } },
    });
    await emulator.admin.createOrganisation({ id: 'org_sdk_429', name: 'Busy', plan: 'pro' });
    const { key: busyKey } = await emulator.admin.createKey({ organisationId: 'org_sdk_429', environment: 'test' });
    const retryAfters: number[] = [];
    const client = sdkWire({
      baseUrl: 'http://emulator.local',
      apiKey: busyKey,
      fetch: emulator.fetch,
      beforeRetry: (response) => {
        const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
        retryAfters.push(seconds);
        clock += seconds * 1000;
      },
    });
    await client.search('patients');
    await client.search('patients');
    const created = await client.create('patients', { firstName: 'Only', lastName: 'Once' });
    expect(created.attempts).toEqual([429, 201]);
    expect(retryAfters).toHaveLength(1);
    expect(retryAfters[0]).toBeGreaterThanOrEqual(1);
    expect(retryAfters[0]).toBeLessThanOrEqual(60);
    const found = await client.search('patients', { name: 'Once' });
    expect((found.data as { total: number }).total).toBe(1);
  });

  it('a quota 429 says when the month resets in Retry-After', async () => {
    const clock = Date.parse('2025-03-30T12:00:00Z');
    const emulator = createEmulator({
      store: createMemoryStore(),
      now: () => clock,
      limits: { monthlyRequests: { sandbox: 1, starter: 1, pro: 1, team: 1, enterprise: null } },
    });
    await emulator.admin.createOrganisation({ id: 'org_sdk_quota', name: 'Thrifty', plan: 'sandbox' });
    const { key: thriftyKey } = await emulator.admin.createKey({ organisationId: 'org_sdk_quota', environment: 'test' });
    const client = sdkWire({ baseUrl: 'http://emulator.local', apiKey: thriftyKey, fetch: emulator.fetch });
    await client.search('patients');
    const refused = await client.search('patients');
    expect(refused.attempts).toEqual([429, 429, 429]);
    expect(sdkErrorOf(refused)).toMatchObject({
      code: 'SANDBOX_QUOTA_EXCEEDED',
      retryAfter: (Date.parse('2025-04-01T00:00:00Z') - clock) / 1000,
    });
  });

  it('a 500 during a create writes nothing, so the SDK’s retry creates exactly once', async () => {
    const store = createMemoryStore();
    const emulator = createEmulator({ store, onUnexpectedError: () => undefined });
    await emulator.admin.createOrganisation({ id: 'org_sdk_500', name: 'Flaky', plan: 'pro' });
    const { key: flakyKey } = await emulator.admin.createKey({ organisationId: 'org_sdk_500', environment: 'test' });
    const insert = store.insertResources.bind(store);
    let failures = 1;
    store.insertResources = (...args) => (failures-- > 0 ? Promise.reject(new Error('connection reset')) : insert(...args));
    const client = sdkWire({ baseUrl: 'http://emulator.local', apiKey: flakyKey, fetch: emulator.fetch });
    const created = await client.create('patients', { firstName: 'Flaky', lastName: 'Write' });
    expect(created.attempts).toEqual([500, 201]);
    expect(((await client.search('patients')).data as { total: number }).total).toBe(1);
  });
});
