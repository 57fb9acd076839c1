import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import { createCors } from './cors.ts';

function exchange(method: string, origin: string | undefined) {
  const headers: Record<string, string> = {};
  let status = 0;
  const res = {
    setHeader: (name: string, value: string) => void (headers[name] = value),
    status: (code: number) => ({ end: () => void (status = code) }),
  } as unknown as Response;
  const req = { method, headers: origin === undefined ? {} : { origin } } as unknown as Request;
  return { req, res, headers, status: () => status };
}

describe('createCors', () => {
  const cors = createCors({ origins: ['https://app.example.com'] });

  it('answers a preflight from an allowed origin and marks actual responses', () => {
    const preflight = exchange('OPTIONS', 'https://app.example.com');
    expect(cors.handle(preflight.req, preflight.res)).toBe(true);
    expect(preflight.status()).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const actual = exchange('GET', 'https://app.example.com');
    expect(cors.handle(actual.req, actual.res)).toBe(false);
    expect(actual.headers.vary).toBe('Origin');
  });

  it('never allows another origin, a lookalike, or null', () => {
    for (const origin of ['https://evil.example', 'https://app.example.com.evil.example', 'null']) {
      const actual = exchange('GET', origin);
      cors.handle(actual.req, actual.res);
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = exchange('OPTIONS', origin);
      expect(() => cors.handle(preflight.req, preflight.res)).toThrow(ProxyError);
    }
  });

  it('takes exact origins only', () => {
    expect(() => createCors({ origins: [] })).toThrow('"cors.origins"');
    expect(() => createCors({ origins: ['https://app.example.com/'] })).toThrow('"cors.origins"');
    expect(() => createCors({ origins: ['*'] })).toThrow('"cors.origins"');
  });
});
