import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import { checkRequestTarget } from './request-target.ts';

function reasonOf(url: string, original = `/api/clinik${url}`): string | undefined {
  try {
    checkRequestTarget(url, original);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as ProxyError).status).toBe(400);
    return (error as ProxyError).reason;
  }
}

describe('checkRequestTarget', () => {
  it('accepts plain catalogue paths and parses the query', () => {
    const target = checkRequestTarget('/patients/0b6c-1.2?name=a%20b&count=5', '/api/clinik/patients/0b6c-1.2?name=a%20b&count=5');
    expect(target.path).toBe('/patients/0b6c-1.2');
    expect(target.query.get('name')).toBe('a b');
    expect(checkRequestTarget('/', '/api/clinik').path).toBe('/');
    expect(checkRequestTarget('/patients/', '/api/clinik/patients/').path).toBe('/patients');
  });

  it.each([
    ['/patients/..', 'target:dot-segment'],
    ['/patients/./x', 'target:dot-segment'],
    ['/../admin', 'target:dot-segment'],
    ['/patients/a%2Fb', 'target:percent-encoding'],
    ['/patients/a%2fb', 'target:percent-encoding'],
    ['/patients/%2e%2e', 'target:percent-encoding'],
    ['/patients/a%5Cb', 'target:percent-encoding'],
    ['/patients/a%00', 'target:percent-encoding'],
    ['/patients\\..\\admin', 'target:backslash'],
    ['//evil.test/patients', 'target:scheme-relative'],
    ['/patients//x', 'target:empty-segment'],
    ['/patients/a;b', 'target:path-character'],
    ['/patients/a@evil.test', 'target:path-character'],
    ['/patients?name=%00', 'target:control-character'],
    ['/patients?name=a%0d%0aX-Injected:1', 'target:control-character'],
  ])('refuses %s with 400 (%s)', (url, reason) => {
    expect(reasonOf(url)).toBe(reason);
  });

  it('refuses absolute-form targets by their original URL', () => {
    expect(reasonOf('/patients', 'http://evil.test/api/clinik/patients')).toBe('target:absolute-form');
    expect(reasonOf('http://evil.test/patients', '/api/clinik')).toBe('target:absolute-form');
  });

  it('never echoes the target in the error', () => {
    const secretish = '/patients/Amara%20Okafor';
    expect(() => checkRequestTarget(secretish, `/api/clinik${secretish}`)).toThrow(ProxyError);
    expect(() => checkRequestTarget(secretish, `/api/clinik${secretish}`)).not.toThrow(/Amara/);
  });
});
