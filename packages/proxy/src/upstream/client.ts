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

/** The client's side of the exchange: when it closes before the answer is complete, the upstream call is cancelled. */
export interface ClientSide {
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

export interface OpenOptions {
  readonly agents: UpstreamAgents;
  readonly timeouts: UpstreamTimeouts;
  readonly client: ClientSide;
}

export interface UpstreamResponse {
  readonly response: IncomingMessage;
  /** Why the response stream was cut, when the proxy cut it (a stalled body, the client leaving). */
  cutBecause(): UpstreamFailureKind | undefined;
}

interface Endpoint {
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: number;
  readonly prefix: string;
}

/** Parsed once per configured upstream (they are created at start-up and never change). */
const endpoints = new WeakMap<ResolvedUpstream, Endpoint>();

function endpointOf(target: ResolvedUpstream): Endpoint {
  let endpoint = endpoints.get(target);
  if (!endpoint) {
    const url = new URL(target.origin);
    const secure = url.protocol === 'https:';
    endpoint = { secure, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) || (secure ? 443 : 80), prefix: target.basePath };
    endpoints.set(target, endpoint);
  }
  return endpoint;
}

/**
 * Sends the call and resolves with the response once its headers arrive. After that the idle timeout keeps
 * guarding the body: a stall destroys the response stream, and `cutBecause()` says `idle`.
 */
export function openUpstream(call: UpstreamCall, options: OpenOptions): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const { client } = options;
    if (client.destroyed) {
      reject(new UpstreamFailure('aborted'));
      return;
    }
    const endpoint = endpointOf(call.target);
    const headers: Record<string, string> = { ...call.headers, 'accept-encoding': 'identity' };
    if (call.body !== undefined) headers['content-length'] = String(call.body.length);
    let outgoing: http.ClientRequest;
    try {
      outgoing = (endpoint.secure ? https : http).request({
        protocol: endpoint.secure ? 'https:' : 'http:',
        hostname: endpoint.hostname,
        port: endpoint.port,
        method: call.method,
        path: `${endpoint.prefix}${call.path}`,
        headers,
        agent: endpoint.secure ? options.agents.https : options.agents.http,
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
      action();
    };
    const onClientClose = () => {
      if (!client.writableFinished) destroy('aborted');
    };
    const responseTimer = setTimeout(() => destroy('timeout'), options.timeouts.responseMs);
    client.once('close', onClientClose);
    outgoing.setTimeout(options.timeouts.idleMs, () => destroy('idle'));
    outgoing.once('response', (response) => settle(() => resolve({ response, cutBecause: () => cut })));
    outgoing.on('error', (error) => settle(() => reject(cut ? new UpstreamFailure(cut) : classify(error))));
    outgoing.once('close', () => {
      client.off('close', onClientClose);
      settle(() => reject(new UpstreamFailure(cut ?? 'reset')));
    });
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
