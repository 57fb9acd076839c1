import { describe, expect, it } from 'vitest';
import { passedResponseHeaders, rewriteLocation } from './response-headers.ts';

const upstream = { origin: 'https://api.clinikapi.com', basePath: '' };

describe('response header hygiene', () => {
  it('passes only listed headers and renames the upstream request id', () => {
    expect(
      passedResponseHeaders({
        'content-type': 'application/json',
        etag: 'W/"1"',
        'set-cookie': ['a=b'],
        server: 'nginx',
        'x-powered-by': 'Express',
        'x-quota-used': '10',
        'x-sandbox-remaining': '5',
        'x-request-id': 'req_up1',
        'strict-transport-security': 'max-age=1',
      }),
    ).toEqual({ 'content-type': 'application/json', etag: 'W/"1"', 'x-quota-used': '10', 'x-sandbox-remaining': '5', 'x-upstream-request-id': 'req_up1' });
    expect(passedResponseHeaders({ 'x-request-id': 'bad id with spaces' })).toEqual({});
    // Only the families themselves: not a name that merely starts alike, nor one that has them in the middle.
    expect(passedResponseHeaders({ 'x-quotas': '1', 'x-sandboxed': '1', 'x-my-quota-used': '1', 'quota-used': '1' })).toEqual({});
  });

  it('rewrites same-host API locations to the mount and flags other hosts', () => {
    expect(rewriteLocation('/v1/patients/abc', upstream, '/api/clinik')).toEqual({ kind: 'rewritten', location: '/api/clinik/patients/abc' });
    expect(rewriteLocation('https://api.clinikapi.com/v1/labs/1?x=1', upstream, '/m')).toEqual({ kind: 'rewritten', location: '/m/labs/1?x=1' });
    expect(rewriteLocation('https://evil.test/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteLocation('//evil.test/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteLocation('http://api.clinikapi.com/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteLocation('/dashboard', upstream, '/m')).toEqual({ kind: 'none' });
    expect(rewriteLocation(undefined, upstream, '/m')).toEqual({ kind: 'none' });
  });
});
