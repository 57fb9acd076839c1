import { describe, expect, it } from 'vitest';
import { type ProxyError } from '../errors.ts';
import { resolveRestCall } from './rest.ts';

const q = (text = '') => new URLSearchParams(text);
const failure = (run: () => unknown): ProxyError => {
  try {
    run();
  } catch (error) {
    return error as ProxyError;
  }
  throw new Error('expected a throw');
};

describe('resolveRestCall', () => {
  it('maps method and path shape to the interaction', () => {
    expect(resolveRestCall('GET', '/patients', q('name=a'), undefined)).toMatchObject({ interaction: 'search', id: undefined });
    expect(resolveRestCall('GET', '/care-plans/cp-1', q(), undefined)).toMatchObject({ interaction: 'read', id: 'cp-1' });
    expect(resolveRestCall('POST', '/labs', q(), { value: { a: 1 }, contentType: 'application/json' })).toMatchObject({
      interaction: 'create',
      body: { a: 1 },
    });
    expect(resolveRestCall('PATCH', '/labs/l1', q(), undefined)).toMatchObject({ interaction: 'update', method: 'PATCH' });
    expect(resolveRestCall('DELETE', '/labs/l1', q(), undefined)).toMatchObject({ interaction: 'delete' });
  });

  it.each(['/unknown', '/bulk/export', '/fhir/Patient', '/patients/p1/$everything', '/patients/p1/x', '/'])(
    'answers %s with 404',
    (path) => {
      expect(failure(() => resolveRestCall('GET', path, q(), undefined)).code).toBe('NOT_FOUND');
    },
  );

  it('answers the wrong method for a path shape, and unsupported operations, with 405', () => {
    expect(failure(() => resolveRestCall('POST', '/patients/p1', q(), undefined)).code).toBe('METHOD_NOT_ALLOWED');
    expect(failure(() => resolveRestCall('DELETE', '/patients', q(), undefined)).code).toBe('METHOD_NOT_ALLOWED');
    expect(failure(() => resolveRestCall('PATCH', '/audit-events/a1', q(), undefined)).code).toBe('METHOD_NOT_ALLOWED');
  });
});
