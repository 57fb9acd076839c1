import { describe, expect, it } from 'vitest';
import { passedResponseHeaders } from './response-headers.ts';

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
    ).toEqual({ 'content-type': 'application/json', etag: 'W/"1"', 'x-upstream-request-id': 'req_up1' });
    expect(passedResponseHeaders({ 'x-request-id': 'bad id with spaces' })).toEqual({});
    // The clinic-wide counters are not the caller's: the quota and sandbox families do not pass.
    expect(
      passedResponseHeaders({ 'x-quota-used': '1', 'x-quota-limit': '1000', 'x-sandbox-remaining': '5', 'x-ratelimit-remaining': '3' }),
    ).toEqual({});
  });
});
