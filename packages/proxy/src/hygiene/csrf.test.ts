import { describe, expect, it } from 'vitest';
import { type ProxyError } from '../errors.ts';
import { checkCsrf } from './csrf.ts';

const reasonOf = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as ProxyError).reason;
  }
};

describe('checkCsrf', () => {
  it('requires X-CSRF: 1 on state-changing requests of cookie and app sessions', () => {
    for (const transport of ['cookie', 'app'] as const) {
      expect(reasonOf(() => checkCsrf('POST', {}, transport))).toBe('csrf:missing-header');
      expect(reasonOf(() => checkCsrf('DELETE', { 'x-csrf': '0' }, transport))).toBe('csrf:missing-header');
      expect(reasonOf(() => checkCsrf('PATCH', { 'x-csrf': '1' }, transport))).toBeUndefined();
      expect(reasonOf(() => checkCsrf('GET', {}, transport))).toBeUndefined();
    }
  });

  it('can be turned off, except for the opaque origin', () => {
    expect(reasonOf(() => checkCsrf('POST', {}, 'cookie', false))).toBeUndefined();
    expect(reasonOf(() => checkCsrf('POST', { origin: 'null' }, 'cookie', false))).toBe('csrf:null-origin');
  });

  it('does not need it for bearer tokens, but refuses an opaque origin for everyone', () => {
    expect(reasonOf(() => checkCsrf('POST', {}, 'bearer'))).toBeUndefined();
    expect(reasonOf(() => checkCsrf('POST', { origin: 'null', 'x-csrf': '1' }, 'bearer'))).toBe('csrf:null-origin');
  });
});
