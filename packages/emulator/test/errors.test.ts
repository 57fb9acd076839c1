/** Every error the API can answer with: the envelope, the code, the status — and never a submitted value. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../src/emulator.ts';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { createMemoryStore } from '../src/store/memory.ts';
import { json, newOrganisationKey, type Caller } from './helpers.ts';

let clock = Date.parse('2025-03-01T09:00:00Z');
let running: RunningEmulator;
let clinic: Caller;
let patientId: string;

beforeAll(async () => {
  running = await startEmulator({ now: () => clock });
  clinic = await newOrganisationKey(running, 'org_errors', { plan: 'enterprise' });
  patientId = (
    await json<{ data: { id: string } }>(
      await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Err', lastName: 'Or' }) }),
    )
  ).data.id;
}, 60_000);

afterAll(() => running?.stop());

const SECRET = 'Perpetua-Swithin-Quill';

describe('request errors', () => {
  it('413 for a body over 1 MiB, declared or not', async () => {
    const big = JSON.stringify({ firstName: 'A', lastName: 'x'.repeat(1024 * 1024) });
    const declared = await clinic('/v1/patients', { method: 'POST', body: big });
    expect(declared.status).toBe(413);
    expect(await json(declared)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await clinic('/v1/patients', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('400 INVALID_JSON without quoting the body, 400 for bodies nested absurdly deep', async () => {
    const response = await clinic('/v1/patients', { method: 'POST', body: `{"firstName": "${SECRET}", ` });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'INVALID_JSON' });
    expect(text).not.toContain(SECRET);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect((await clinic('/v1/patients', { method: 'POST', body: deep })).status).toBe(400);
  });

  it('400 METHOD_OVERRIDE_REJECTED for any method-override header, whatever its value', async () => {
    for (const header of ['x-http-method-override', 'x-http-method', 'x-method-override']) {
      const response = await clinic('/v1/patients', { headers: { [header]: 'GET' } });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: 'METHOD_OVERRIDE_REJECTED' });
    }
  });

  it('404 for unknown paths and ids, 405 for methods a path does not have', async () => {
    const unknown = await clinic(`/v1/spaceships/${SECRET}`);
    expect(await unknown.text()).not.toContain(SECRET);
    expect(await json(await clinic('/v1/spaceships'))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await clinic(`/v1/observations/${crypto.randomUUID()}`)).status).toBe(404);
    const put = await clinic('/v1/patients', { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    expect((await clinic(`/v1/patients/${patientId}`, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await clinic('/v1/patients', { method: 'DELETE' })).status).toBe(405);
    expect((await clinic('/v1/audit-events/abc', { method: 'PATCH', body: '{}' })).status).toBe(405);
  });

  it('422 with one issue per bad field, naming the field and rule but no value', async () => {
    const response = await clinic('/v1/observations', {
      method: 'POST',
      body: JSON.stringify({
        patientId,
        status: SECRET,
        code: '',
        valueQuantity: { value: SECRET },
        effectiveDateTime: SECRET,
        [SECRET]: 1,
      }),
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text) as { code: string; issues: { path?: string; diagnostics: string }[] };
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(body.issues.map((issue) => issue.path ?? '(root)').sort()).toEqual(
      ['(root)', 'code', 'effectiveDateTime', 'status', 'valueQuantity.value'].sort(),
    );
    expect(body.issues.find((issue) => issue.path === 'code')?.diagnostics).toBe('code: Required');
    const notAnObject = await clinic('/v1/observations', { method: 'POST', body: '[]' });
    expect((await json<{ issues: { diagnostics: string }[] }>(notAnObject)).issues[0]?.diagnostics).toBe('Must be an object');
  });

  it('422 when a record names a patient the caller cannot see', async () => {
    const other = await newOrganisationKey(running, 'org_errors_other');
    const response = await other('/v1/observations', {
      method: 'POST',
      body: JSON.stringify({ patientId, status: 'final', code: 'Heart rate' }),
    });
    expect(response.status).toBe(422);
    expect((await json<{ issues: { diagnostics: string }[] }>(response)).issues).toEqual([
      expect.objectContaining({ diagnostics: 'patientId: No patient with this id', path: 'patientId' }),
    ]);
  });

  it('400 for unknown or malformed search parameters, listing them', async () => {
    const response = await clinic('/v1/observations?patient=123&dateFrom=yesterday&count=500');
    expect(response.status).toBe(400);
    const response2 = await clinic('/v1/observations?patient=123&dateFrom=yesterday');
    const issues = (await json<{ issues: { path: string }[] }>(response2)).issues.map((issue) => issue.path).sort();
    expect(issues).toEqual(['dateFrom', 'patient']);
    expect((await clinic('/v1/observations?sort=colour')).status).toBe(400);
  });

  it('500 INTERNAL_ERROR for a failure inside, reported without the data that caused it', async () => {
    const reported: unknown[] = [];
    const store = createMemoryStore();
    const emulator = createEmulator({ store, onUnexpectedError: (error) => reported.push(error) });
    await emulator.admin.createOrganisation({ id: 'org_boom', name: 'Boom', plan: 'pro' });
    const { key } = await emulator.admin.createKey({ organisationId: 'org_boom', environment: 'test' });
    store.searchResources = () => Promise.reject(new Error(`relation failed for ${SECRET}`));
    const response = await emulator.fetch(new Request('http://emulator.local/v1/patients', { headers: { 'x-api-key': key } }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'INTERNAL_ERROR', requestId: response.headers.get('x-request-id') });
    expect(text).not.toContain(SECRET);
    expect(reported).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('sends the limit headers on every response and 429 with Retry-After past the plan limit, per organisation', async () => {
    const first = await newOrganisationKey(running, 'org_limited', { plan: 'sandbox' });
    const second = await newOrganisationKey(running, 'org_limited', { plan: 'sandbox' });
    const unrelated = await newOrganisationKey(running, 'org_unlimited', { plan: 'sandbox' });
    const start = await first('/v1/patients');
    expect(start.headers.get('x-ratelimit-limit')).toBe('100');
    expect(start.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(Number(start.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    for (let index = 0; index < 98; index++) await (index % 2 ? first : second)('/v1/patients');
    const last = await second('/v1/patients');
    expect(last.status).toBe(200);
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');

    const limited = await first('/v1/patients');
    expect(limited.status).toBe(429);
    expect(await json(limited)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await unrelated('/v1/patients')).status).toBe(200);

    clock += 60_000;
    expect((await second('/v1/patients')).status).toBe(200);
  });
});
