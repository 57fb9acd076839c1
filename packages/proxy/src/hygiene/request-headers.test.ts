import { describe, expect, it } from 'vitest';
import { type ProxyError } from '../errors.ts';
import { checkMethod, checkRequestHeaders, forwardedHeaders } from './request-headers.ts';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as ProxyError).code;
  }
};

describe('request header hygiene', () => {
  it('allows the API methods and refuses the rest with 405 and Allow', () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) expect(codeOf(() => checkMethod(method))).toBeUndefined();
    for (const method of ['PUT', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND'])
      expect(codeOf(() => checkMethod(method))).toBe('METHOD_NOT_ALLOWED');
    try {
      checkMethod('PUT');
    } catch (error) {
      expect((error as ProxyError).headers.allow).toBe('GET, POST, PATCH, DELETE');
    }
  });

  it.each(['x-http-method-override', 'x-http-method', 'x-method-override'])('refuses the method override header %s', (name) => {
    expect(codeOf(() => checkRequestHeaders({ [name]: 'DELETE' }, new URLSearchParams()))).toBe('METHOD_OVERRIDE_REJECTED');
  });

  it('refuses a _method query parameter and header values with CR, LF or NUL', () => {
    expect(codeOf(() => checkRequestHeaders({}, new URLSearchParams('_method=DELETE')))).toBe('METHOD_OVERRIDE_REJECTED');
    expect(codeOf(() => checkRequestHeaders({ 'if-match': 'W/"1"\r\nx-api-key: stolen' }, new URLSearchParams()))).toBe('BAD_REQUEST');
    expect(codeOf(() => checkRequestHeaders({ 'x-anything': ['ok', 'a\nb'] }, new URLSearchParams()))).toBe('BAD_REQUEST');
    expect(codeOf(() => checkRequestHeaders({ accept: 'application/json' }, new URLSearchParams()))).toBeUndefined();
  });

  it('forwards only the allow-listed headers, with safe values', () => {
    expect(
      forwardedHeaders({
        'if-match': 'W/"2"',
        'idempotency-key': 'k-1',
        cookie: 'a=b',
        authorization: 'Bearer x',
        host: 'evil.test',
        'x-forwarded-host': 'evil.test',
      }),
    ).toEqual({ 'if-match': 'W/"2"', 'idempotency-key': 'k-1' });
    expect(codeOf(() => forwardedHeaders({ 'idempotency-key': 'x'.repeat(300) }))).toBe('BAD_REQUEST');
    expect(codeOf(() => forwardedHeaders({ 'if-none-match': 'caf\u00e9' }))).toBe('BAD_REQUEST');
  });
});
