/**
 * The hop to the upstream, on `node:http(s)` with keep-alive agents created once. It exists as its own small module
 * (rather than http-proxy-middleware) because every call here is built, not copied: the method, path, headers and
 * body are the ones the policy checked, and the target comes from configuration. Failures are classified so the
 * caller can answer 502 or 504, and every path out of here leaves no socket behind.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { HttpMethod } from '../call.ts';
import type { ResolvedUpstream } from './resolve-upstream.ts';

export interface UpstreamTimeouts {
  /** Longest wait for the response headers, in ms. */
  readonly responseMs: number;
  /** Longest silence on the socket once the call is under way (a stalled body), in ms. */
  readonly idleMs: number;
}

export interface UpstreamAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

export function createAgents(): UpstreamAgents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 32 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 32 }),
  };
}

export type UpstreamFailureKind = 'refused' | 'reset' | 'unreachable' | 'timeout' | 'idle' | 'aborted' | 'too-large' | 'invalid';

/** A failed hop. Deliberately carries no upstream error text: it can name hosts, paths or worse. */
export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;
  constructor(kind: UpstreamFailureKind) {
    super(`upstream ${kind}`);
    this.name = 'UpstreamFailure';
    this.kind = kind;
  }
}

function classify(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return new UpstreamFailure('refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new UpstreamFailure('unreachable');
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') return new UpstreamFailure('invalid');
  return new UpstreamFailure('reset');
}

export interface UpstreamCall {
  readonly target: ResolvedUpstream;
  readonly method: HttpMethod;
  /** Path and query under the target's base path, e.g. `/v1/patients?name=a`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
}

export interface OpenOptions {
  readonly agents: UpstreamAgents;
  readonly timeouts: UpstreamTimeouts;
  /** Aborted when the client goes away: the upstream call is cancelled with it. */
  readonly signal: AbortSignal;
}

export interface UpstreamResponse {
  readonly response: IncomingMessage;
  /** Why the response stream was cut, when the proxy cut it (a stalled body, the client leaving). */
  cutBecause(): UpstreamFailureKind | undefined;
}

/**
 * Sends the call and resolves with the response once its headers arrive. After that the idle timeout keeps
 * guarding the body: a stall destroys the response stream, and `cutBecause()` says `idle`.
 */
export function openUpstream(call: UpstreamCall, options: OpenOptions): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new UpstreamFailure('aborted'));
      return;
    }
    const url = new URL(`${call.target.origin}${call.target.basePath}${call.path}`);
    const secure = url.protocol === 'https:';
    const headers: Record<string, string> = { ...call.headers, 'accept-encoding': 'identity' };
    if (call.body !== undefined) headers['content-length'] = String(call.body.length);
    let outgoing: http.ClientRequest;
    try {
      outgoing = (secure ? https : http).request({
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (secure ? 443 : 80),
        method: call.method,
        path: `${url.pathname}${url.search}`,
        headers,
        agent: secure ? options.agents.https : options.agents.http,
      });
    } catch (error) {
      reject(classify(error));
      return;
    }
    let settled = false;
    let cut: UpstreamFailureKind | undefined;
    const destroy = (kind: UpstreamFailureKind) => {
      cut ??= kind;
      outgoing.destroy(new UpstreamFailure(kind));
    };
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(responseTimer);
      options.signal.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = () => destroy('aborted');
    const responseTimer = setTimeout(() => destroy('timeout'), options.timeouts.responseMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
    outgoing.setTimeout(options.timeouts.idleMs, () => destroy('idle'));
    outgoing.once('response', (response) => {
      settle(() => resolve({ response, cutBecause: () => cut }));
      // From here the caller owns the response; a client abort still has to reach the socket.
      const cancel = () => {
        cut ??= 'aborted';
        response.destroy(new UpstreamFailure('aborted'));
      };
      options.signal.addEventListener('abort', cancel, { once: true });
      response.once('close', () => options.signal.removeEventListener('abort', cancel));
    });
    outgoing.on('error', (error) => settle(() => reject(classify(error))));
    outgoing.once('close', () => settle(() => reject(new UpstreamFailure('reset'))));
    outgoing.end(call.body);
  });
}

/** Reads a whole (bounded) response body; for the calls whose records the proxy must check before answering. */
export async function readUpstreamBody({ response, cutBecause }: UpstreamResponse, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new UpstreamFailure('too-large');
      chunks.push(chunk);
    }
  } catch (error) {
    response.destroy();
    const cut = cutBecause();
    throw cut ? new UpstreamFailure(cut) : classify(error);
  }
  if (!response.complete) throw new UpstreamFailure(cutBecause() ?? 'reset');
  return Buffer.concat(chunks, size);
}
