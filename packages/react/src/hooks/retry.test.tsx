/** The retry policy in place: what the provider installs on a QueryClient that does not decide retries itself. */
import { QueryClient } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ClinikNotFoundError, ClinikValidationError } from '../client/errors.ts';
import { createClinikRetryPolicy } from '../client/retry.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../test/emulator.ts';
import { mswServer } from '../test/msw-server.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { useCreatePatient, usePatient, usePatients } from './resources/patients.ts';

/** A QueryClient that leaves retries to the library, as an app's plain `new QueryClient()` does. */
function appQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
}

/** Answers the first `times` requests to `path` with `response`, then lets the emulator answer; counts them all. */
function failFirst(method: 'get' | 'post', path: string, times: number, response: () => Response): { count: number } {
  const calls = { count: 0 };
  mswServer.use(
    http[method](`${TEST_PROXY_URL}/${path}`, () => {
      calls.count += 1;
      return calls.count <= times ? response() : undefined;
    }),
  );
  return calls;
}

const envelope =
  (status: number, code: string, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json({ error: code, code, requestId: `req_${status}`, issues: [] }, { status, headers });

describe('retry policy', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    await startTestEmulator();
    const calls = failFirst('get', 'patients', 1, envelope(429, 'RATE_LIMITED', { 'Retry-After': '0' }));
    const { result } = renderHookWithClient(() => usePatients({ count: 3 }), { queryClient: appQueryClient() });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.count).toBe(2);
    expect(result.current.data?.data).toHaveLength(3);
  });

  it('backs off on 5xx and network errors, a bounded number of times', async () => {
    await startTestEmulator();
    const queryClient = appQueryClient();
    queryClient.setQueryDefaults(['clinikapi'], createClinikRetryPolicy({ retries: 2, baseDelayMs: 5 }));
    const flaky = failFirst('get', 'patients', 2, envelope(503, 'UPSTREAM_UNAVAILABLE'));
    const { result } = renderHookWithClient(() => usePatients(), { queryClient });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(flaky.count).toBe(3);

    const down = failFirst('get', 'patients/p1', 10, () => HttpResponse.error());
    const { result: failing } = renderHookWithClient(() => usePatient('p1'), { queryClient });
    await waitFor(() => expect(failing.current.isError).toBe(true));
    expect(down.count).toBe(3);
    expect(failing.current.error?.code).toBe('NETWORK_ERROR');
  });

  it('never retries a 4xx', async () => {
    await startTestEmulator();
    const calls = failFirst('get', 'patients/nobody', 0, () => new Response());
    const { result } = renderHookWithClient(() => ({ read: usePatient('nobody'), create: useCreatePatient() }), {
      queryClient: appQueryClient(),
    });
    await waitFor(() => expect(result.current.read.isError).toBe(true));
    expect(result.current.read.error).toBeInstanceOf(ClinikNotFoundError);
    expect(result.current.read.failureCount).toBe(1);
    expect(calls.count).toBe(1);

    const creates = failFirst('post', 'patients', 0, () => new Response());
    await act(async () => {
      await result.current.create.mutateAsync({ firstName: 'Ada' } as never).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.create.error).toBeInstanceOf(ClinikValidationError));
    expect(creates.count).toBe(1);
  });

  it('retries a create whose answer was lost, with the same idempotency key', async () => {
    const emulator = await startTestEmulator({ seed: false });
    const keys: string[] = [];
    mswServer.use(
      http.post(`${TEST_PROXY_URL}/patients`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '');
        const response = await emulator.handleProxyRequest(request, TEST_PROXY_URL);
        return keys.length === 1 ? HttpResponse.error() : response;
      }),
    );
    const queryClient = appQueryClient();
    queryClient.setMutationDefaults(['clinikapi'], createClinikRetryPolicy({ baseDelayMs: 1 }));
    const { result } = renderHookWithClient(() => ({ create: useCreatePatient(), list: usePatients() }), { queryClient });
    const created = await act(() => result.current.create.mutateAsync({ firstName: 'Noor', lastName: 'Haddad' }));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    await waitFor(() => expect(result.current.list.data?.data.map((patient) => patient.id)).toEqual([created.id]));
  });
});
