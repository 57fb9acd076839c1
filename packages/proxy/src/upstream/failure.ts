/**
 * How an upstream call fails, in the proxy's terms: the kind tells a 502 from a 504 and names the audit outcome.
 * A failure deliberately carries no upstream error text — socket errors can name hosts, paths or worse.
 */
import { ProxyError } from '../errors.ts';

export type UpstreamFailureKind = 'refused' | 'reset' | 'unreachable' | 'timeout' | 'idle' | 'aborted' | 'too-large' | 'invalid';

export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;
  constructor(kind: UpstreamFailureKind) {
    super(`upstream ${kind}`);
    this.name = 'UpstreamFailure';
    this.kind = kind;
  }
}

/** A socket or HTTP error from the hop. Anything unrecognised counts as a reset: the call did not complete. */
export function classifyFailure(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return new UpstreamFailure('refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return new UpstreamFailure('unreachable');
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') return new UpstreamFailure('invalid');
  return new UpstreamFailure('reset');
}

/** What a failed hop means to the client: 504 when the upstream was too slow, 502 otherwise. */
export function failureToError(failure: UpstreamFailure): ProxyError {
  if (failure.kind === 'timeout' || failure.kind === 'idle') {
    return new ProxyError('UPSTREAM_TIMEOUT', 'ClinikAPI did not answer in time', { reason: `upstream:${failure.kind}` });
  }
  return new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI could not be reached', { reason: `upstream:${failure.kind}` });
}
