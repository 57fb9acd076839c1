import { ApiError } from '@clinikapi/core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProxyError, sendError } from './errors.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** What a client receives when the proxy sends `error`. */
async function received(error: ProxyError): Promise<{ status: number; headers: Headers; body: unknown }> {
  server = createServer((_req, res) => sendError(res, 'req_test', error));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('ProxyError', () => {
  it('is @clinikapi/core’s ApiError, sent as the envelope core builds for it, with its reason kept for the audit', async () => {
    const issues = [{ severity: 'error', code: 'invalid', diagnostics: 'count: Must be a whole number', path: 'count' }] as const;
    const error = new ProxyError('RATE_LIMITED', 'Too many requests', { reason: 'limit:user', headers: { 'retry-after': '7' }, issues });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'ProxyError', code: 'RATE_LIMITED', status: 429, reason: 'limit:user' });
    const answer = await received(error);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.body).toEqual(error.toBody('req_test'));
    expect(new ProxyError('FORBIDDEN').reason).toBe('forbidden');
  });
});
