import { describe, expect, it } from 'vitest';
import { UpstreamFailure, classifyFailure, failureToError } from './failure.ts';

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.7:443 /v1/patients?name=Doe`), { code });

describe('upstream failures', () => {
  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ENOTFOUND', 'unreachable'],
    ['EAI_AGAIN', 'unreachable'],
    ['EHOSTUNREACH', 'unreachable'],
    ['ENETUNREACH', 'unreachable'],
    ['ERR_INVALID_CHAR', 'invalid'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
  ])('classifies %s as %s, keeping none of the error text', (code, kind) => {
    const failure = classifyFailure(socketError(code));
    expect(failure.kind).toBe(kind);
    expect(failure.message).toBe(`upstream ${kind}`);
  });

  it('keeps a failure the proxy named itself, and counts anything unrecognised as a reset', () => {
    const idle = new UpstreamFailure('idle');
    expect(classifyFailure(idle)).toBe(idle);
    expect(classifyFailure('socket hang up').kind).toBe('reset');
    expect(classifyFailure(null).kind).toBe('reset');
  });

  it('answers 504 for a slow upstream and 502 for everything else', () => {
    expect(failureToError(new UpstreamFailure('timeout'))).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      status: 504,
      reason: 'upstream:timeout',
    });
    expect(failureToError(new UpstreamFailure('idle'))).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504, reason: 'upstream:idle' });
    for (const kind of ['refused', 'reset', 'unreachable', 'aborted', 'too-large', 'invalid'] as const) {
      expect(failureToError(new UpstreamFailure(kind))).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        status: 502,
        reason: `upstream:${kind}`,
      });
    }
  });
});
