import { describe, expect, it } from 'vitest';
import { passedResponseHeaders, retryAfterOf } from './response-headers.ts';

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

  it('tells a client that is rate limited for how long: the upstream Retry-After, else its reset, else a minute', () => {
    expect(retryAfterOf({ 'retry-after': '17' })).toBe('17');
    expect(retryAfterOf({ 'x-ratelimit-reset': '42' })).toBe('42');
    expect(retryAfterOf({ 'x-ratelimit-reset': '2000000030' }, 2_000_000_000)).toBe('30');
    expect(retryAfterOf({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT', 'x-ratelimit-reset': 'soon' })).toBe('60');
    expect(retryAfterOf({})).toBe('60');
  });
});
