import type { PatientSummary } from '@clinikapi/core';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TEST_PROXY_URL, startTestEmulator } from '../test/emulator.ts';
import { errorAnswer } from '../test/error-answers.ts';
import { mswServer } from '../test/msw-server.ts';
import { requestsSent } from '../test/requests.ts';
import { createClinikClient } from './client.ts';
import {
  ClinikApiError,
  ClinikConflictError,
  ClinikForbiddenError,
  ClinikNetworkError,
  ClinikNotFoundError,
  ClinikRateLimitError,
  ClinikTimeoutError,
  ClinikUnauthorizedError,
  ClinikValidationError,
} from './errors.ts';

const client = () => createClinikClient({ proxyUrl: TEST_PROXY_URL });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}

describe('createClinikClient', () => {
  it('reads without CSRF or write headers, and returns the envelope', async () => {
    await startTestEmulator();
    const seen = requestsSent();
    const response = await client().request<{ data: PatientSummary[]; total: number }>('GET', 'patients', {
      query: { count: 2, name: undefined, active: true },
    });
    expect(response.data.data).toHaveLength(2);
    expect(response.data.total).toBe(20);
    expect(response.meta.requestId).toBeTruthy();
    expect(seen).toHaveLength(1);
    expect(new URL(seen[0]!.url).search).toBe('?count=2&active=true');
    expect(seen[0]!.headers.get('x-csrf')).toBeNull();
    expect(seen[0]!.headers.get('idempotency-key')).toBeNull();
  });

  it('marks writes for CSRF, keys creates and makes updates conditional', async () => {
    await startTestEmulator({ seed: false });
    const seen = requestsSent();
    const api = client();
    const created = await api.request<PatientSummary>('POST', 'patients', {
      body: { firstName: 'Ada', lastName: 'Quist' },
      idempotencyKey: 'key-1',
    });
    await api.request('PATCH', `patients/${created.data.id}`, { body: { phone: '+1 555 0100' }, ifMatch: created.data.meta.versionId });

    const [post, patch] = seen;
    expect(post!.headers.get('x-csrf')).toBe('1');
    expect(post!.headers.get('idempotency-key')).toBe('key-1');
    expect(post!.headers.get('content-type')).toBe('application/json');
    expect(patch!.headers.get('x-csrf')).toBe('1');
    expect(patch!.headers.get('if-match')).toBe(`W/"${created.data.meta.versionId}"`);
    expect(patch!.headers.get('idempotency-key')).toBeNull();
  });

  it('turns the emulator’s 404, 422 and 409 into their typed errors', async () => {
    await startTestEmulator({ seed: false });
    const api = client();

    const missing = await rejection(api.request('GET', 'patients/00000000-0000-4000-8000-000000000000'));
    expect(missing).toBeInstanceOf(ClinikNotFoundError);
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND', requestId: expect.any(String) });

    const invalid = await rejection(api.request('POST', 'patients', { body: { firstName: 'Ada' } }));
    expect(invalid).toBeInstanceOf(ClinikValidationError);
    expect((invalid as ClinikValidationError).fieldErrors).toEqual({ lastName: ['Required'] });

    const created = (await api.request<PatientSummary>('POST', 'patients', { body: { firstName: 'Ada', lastName: 'Quist' } })).data;
    await api.request('PATCH', `patients/${created.id}`, { body: { phone: '+1 555 0101' } });
    const stale = await rejection(
      api.request('PATCH', `patients/${created.id}`, { body: { phone: '+1 555 0102' }, ifMatch: created.meta.versionId }),
    );
    expect(stale).toBeInstanceOf(ClinikConflictError);
    expect(stale).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it.each([
    [401, 'UNAUTHORIZED', ClinikUnauthorizedError],
    [403, 'CSRF_REQUIRED', ClinikForbiddenError],
    [500, 'INTERNAL_ERROR', ClinikApiError],
  ] as const)('maps a %i envelope to its error class', async (status, code, ErrorClass) => {
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients`, () => HttpResponse.json({ error: 'Nope', code, requestId: 'req_1', issues: [] }, { status })),
    );
    const error = await rejection(client().request('GET', 'patients'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, requestId: 'req_1' });
  });

  it('reads Retry-After from a 429, and the current version from a 409’s ETag', async () => {
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients`, () => errorAnswer('RATE_LIMITED', { requestId: 'req_2', headers: { 'Retry-After': '7' } })),
      http.patch(`${TEST_PROXY_URL}/patients/p1`, () => errorAnswer('CONFLICT', { requestId: 'req_3', headers: { ETag: 'W/"5"' } })),
    );
    const limited = await rejection(client().request('GET', 'patients'));
    expect(limited).toBeInstanceOf(ClinikRateLimitError);
    expect((limited as ClinikRateLimitError).retryAfter).toBe(7);
    const conflict = await rejection(client().request('PATCH', 'patients/p1', { body: { phone: '1' }, ifMatch: '4' }));
    expect((conflict as ClinikConflictError).currentVersion).toBe('5');
  });

  it('reports an answer that is not the envelope with its status, and one that is not JSON', async () => {
    mswServer.use(
      http.get(
        `${TEST_PROXY_URL}/patients`,
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'x-request-id': 'req_4' } }),
      ),
      http.get(`${TEST_PROXY_URL}/practitioners`, () => new HttpResponse('<html>login</html>', { status: 200 })),
    );
    expect(await rejection(client().request('GET', 'patients'))).toMatchObject({ status: 502, code: 'INTERNAL_ERROR', requestId: 'req_4' });
    expect(await rejection(client().request('GET', 'practitioners'))).toMatchObject({ status: 200, code: 'INVALID_RESPONSE' });
  });

  it('tells a network failure from a timeout, and lets a caller’s abort through untouched', async () => {
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients`, () => HttpResponse.error()),
      http.get(`${TEST_PROXY_URL}/practitioners`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const offline = await rejection(client().request('GET', 'patients'));
    expect(offline).toBeInstanceOf(ClinikNetworkError);
    expect(offline).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });

    const slow = await rejection(createClinikClient({ proxyUrl: TEST_PROXY_URL, timeoutMs: 20 }).request('GET', 'practitioners'));
    expect(slow).toBeInstanceOf(ClinikTimeoutError);
    expect(slow).toMatchObject({ status: 0, code: 'TIMEOUT' });

    const controller = new AbortController();
    const pending = client().request('GET', 'practitioners', { signal: controller.signal, timeoutMs: 5_000 });
    controller.abort(new DOMException('left the page', 'AbortError'));
    const aborted = await rejection(pending);
    expect(aborted).not.toBeInstanceOf(ClinikApiError);
    expect(aborted).toMatchObject({ name: 'AbortError' });
  });

  it('refuses a header that would carry a key, without echoing it', () => {
    const key = ['clk', 'test', 'x'.repeat(24)].join('_');
    expect(() => createClinikClient({ proxyUrl: TEST_PROXY_URL, headers: { 'x-api-key': key } })).toThrow(/x-api-key.*credential/);
    expect(() => createClinikClient({ proxyUrl: TEST_PROXY_URL, headers: { 'x-tenant': key } })).toThrow(/credential/);
    expect(() => createClinikClient({ proxyUrl: TEST_PROXY_URL, headers: { 'x-tenant': key } })).not.toThrow(new RegExp(key));
    expect(() => createClinikClient({ proxyUrl: TEST_PROXY_URL, headers: { 'x-tenant': 'north' } })).not.toThrow();
  });
});
