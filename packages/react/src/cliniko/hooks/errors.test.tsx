import { waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinikForbiddenError, ClinikNotFoundError, ClinikRateLimitError, ClinikUnauthorizedError } from '../../client/errors.ts';
import { CLINIKO_NOW, renderHookWithCliniko, startTestClinikoEmulator, TEST_CLINIKO_URL } from '../../test/cliniko-emulator.tsx';
import { mswServer } from '../../test/msw-server.ts';
import { createClinikoClient } from '../client/client.ts';
import { ClinikoRateLimitError } from '../client/errors.ts';
import { useClinikoBusinesses, useClinikoUser } from './directory.ts';
import { useClinikoPatient } from './patients.ts';

const envelope = (status: number, code: string) =>
  http.get(`${TEST_CLINIKO_URL}/user`, () => HttpResponse.json({ error: code, code, requestId: 'req_test', issues: [] }, { status }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: CLINIKO_NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Cliniko errors', () => {
  it.each([
    [401, 'UNAUTHORIZED', ClinikUnauthorizedError],
    [403, 'FORBIDDEN', ClinikForbiddenError],
  ] as const)('a %i from the proxy is a %s', async (status, code, ErrorClass) => {
    await startTestClinikoEmulator();
    mswServer.use(envelope(status, code));
    const { result } = renderHookWithCliniko(() => useClinikoUser());
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ErrorClass));
    expect(result.current.error?.requestId).toBe('req_test');
  });

  it('an id Cliniko does not have is a ClinikNotFoundError', async () => {
    await startTestClinikoEmulator();
    const { result } = renderHookWithCliniko(() => useClinikoPatient('836447129235899999'));
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ClinikNotFoundError));
  });

  it('Cliniko’s rate limit is a ClinikoRateLimitError that says when it resets', async () => {
    const emulator = await startTestClinikoEmulator();
    emulator.emulator.forceRateLimit();
    const { result } = renderHookWithCliniko(() => useClinikoBusinesses());
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ClinikoRateLimitError));
    const error = result.current.error as ClinikoRateLimitError;
    expect(error).toBeInstanceOf(ClinikRateLimitError);
    // The emulator's minute window opened at its first request, "now": it resets a minute later.
    expect(error.retryAfter).toBe(60);
    expect(error.resetAt.getTime()).toBe(CLINIKO_NOW + 60_000);
  });

  it('follows only links on its own mount', async () => {
    const client = createClinikoClient({ proxyUrl: TEST_CLINIKO_URL });
    for (const link of [
      '/api/clinik/patients',
      '/api/cliniko-evil/patients',
      '//evil.example/api/cliniko/patients',
      '/api/cliniko\\..\\x',
    ]) {
      await expect(client.request('GET', link)).rejects.toMatchObject({ code: 'INVALID_LINK' });
    }
    // A target that is not a link is a path under the mount, whatever it looks like.
    const seen: string[] = [];
    mswServer.use(http.get(`${TEST_CLINIKO_URL}/*`, ({ request }) => (seen.push(new URL(request.url).pathname), HttpResponse.json({}))));
    await client.request('GET', 'https://evil.example/patients');
    expect(seen).toEqual([`${TEST_CLINIKO_URL}/https://evil.example/patients`]);
  });
});
