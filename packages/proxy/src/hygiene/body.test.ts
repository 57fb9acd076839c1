import type { Request } from 'express';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ProxyError } from '../errors.ts';
import { readJsonBody } from './body.ts';

function request(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST'): Request {
  const stream = Readable.from([Buffer.from(body)]);
  return Object.assign(stream, {
    method,
    headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
  }) as unknown as Request;
}

async function failure(run: Promise<unknown>): Promise<ProxyError> {
  try {
    await run;
  } catch (error) {
    return error as ProxyError;
  }
  throw new Error('expected a rejection');
}

describe('readJsonBody', () => {
  it('parses JSON and freezes it', async () => {
    const body = await readJsonBody(request('{"a":{"b":[1]}}'), 100);
    expect(body).toEqual({ value: { a: { b: [1] } }, contentType: 'application/json' });
    expect(Object.isFrozen((body?.value as { a: object }).a)).toBe(true);
  });

  it('takes what a body parser already read, as a copy', async () => {
    const parsed = { patientId: 'p1' };
    const consumed = Object.assign(Readable.from([]), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '17' },
      body: parsed,
    });
    for await (const _chunk of consumed) void _chunk;
    const body = await readJsonBody(consumed as unknown as Request, 100);
    expect(body?.value).toEqual(parsed);
    expect(Object.isFrozen(parsed)).toBe(false);
  });

  it('refuses what it should', async () => {
    expect((await failure(readJsonBody(request('{"a":1}'), 3))).code).toBe('PAYLOAD_TOO_LARGE');
    expect((await failure(readJsonBody(request('{'), 100))).code).toBe('INVALID_JSON');
    expect((await failure(readJsonBody(request('a=1', { 'content-type': 'application/x-www-form-urlencoded' }), 100))).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await failure(readJsonBody(request('{}', { 'content-type': 'application/json', 'content-encoding': 'br' }), 100))).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect((await failure(readJsonBody(request(`${'['.repeat(70)}${']'.repeat(70)}`), 1000))).reason).toBe('body:too-deep');
    expect((await failure(readJsonBody(request('{}', {}, 'GET'), 100))).reason).toBe('body:unexpected');
  });
});
