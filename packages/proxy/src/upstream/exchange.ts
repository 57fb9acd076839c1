/**
 * One upstream call, as http-proxy-middleware sees it. HPM is handed an exchange in place of the browser's response
 * (as the Clerk adapter hands Clerk a stand-in): httpxy listens on it for the client going away and reports the
 * upstream response's end or break to it, but nothing HPM does can write a header or a byte to the browser, or cut
 * its connection. httpxy would otherwise copy every upstream header onto the browser's response, and destroy that
 * response whenever the upstream's closes early — turning a failed compartment read, which must answer 502/504 in
 * the envelope, into a cut connection. The browser's answer is forward.ts's alone.
 *
 * The exchange also carries the call HPM's callbacks build the upstream request from, times the wait for the
 * response headers, and settles with the upstream response or a classified failure — exactly once.
 */
import { EventEmitter } from 'node:events';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { HttpMethod } from '../call.ts';
import { UpstreamFailure, classifyFailure, type UpstreamFailureKind } from './failure.ts';
import type { ResolvedUpstream } from './resolve-upstream.ts';

/** A call as the policy approved it: nothing in it comes from the browser's request unchecked. */
export interface UpstreamCall {
  readonly target: ResolvedUpstream;
  readonly method: HttpMethod;
  /** Path and query under the target's base path, e.g. `/v1/patients?name=a`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
}

export interface UpstreamResponse {
  readonly response: IncomingMessage;
  /** Why the response stream was cut, when the proxy cut it (a stalled body, the client leaving). */
  cutBecause(): UpstreamFailureKind | undefined;
}

/** The client's side of the exchange: when it closes before the answer is complete, the upstream call is cancelled. */
export interface ClientSide {
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
}

export class Exchange extends EventEmitter {
  readonly call: UpstreamCall;
  /** The browser's request, and its own URL and headers: transport.ts shows httpxy the call's while HPM builds the request. */
  readonly #clientRequest: Pick<IncomingMessage, 'url' | 'headers'>;
  readonly #clientUrl: string | undefined;
  readonly #clientHeaders: IncomingHttpHeaders;
  /** The headers the request shows httpxy while this call is prepared; undefined once given back. */
  #shown: IncomingHttpHeaders | undefined;
  readonly settled: Promise<UpstreamResponse>;
  /**
   * What httpxy reads of a response. Headers count as sent, so httpxy never copies upstream headers onto this
   * (selfHandleResponse already says so); `finished` stays false, so httpxy keeps reporting the upstream
   * response's end and break here; `writableFinished` says, once closed, whether the client got its whole answer —
   * if not, httpxy cancels the upstream call.
   */
  readonly headersSent = true;
  readonly finished = false;
  destroyed = false;
  writableFinished = false;

  readonly #client: ClientSide;
  #request: ClientRequest | undefined;
  #cut: UpstreamFailureKind | undefined;
  #done = false;
  #closed = false;
  #resolve: (response: UpstreamResponse) => void = () => undefined;
  #reject: (failure: UpstreamFailure) => void = () => undefined;
  readonly #responseTimer: NodeJS.Timeout;

  constructor(call: UpstreamCall, client: ClientSide, responseMs: number, clientRequest: Pick<IncomingMessage, 'url' | 'headers'>) {
    super();
    this.call = call;
    this.#clientRequest = clientRequest;
    this.#clientUrl = clientRequest.url;
    this.#clientHeaders = clientRequest.headers;
    this.#client = client;
    this.settled = new Promise<UpstreamResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#responseTimer = setTimeout(() => this.#abort('timeout'), responseMs);
    client.once('close', this.#onClientClose);
    if (client.destroyed) this.#onClientClose();
  }

  /**
   * Shows httpxy `headers` (the call's) on the browser's request until `restoreClient` — at the latest when the call
   * settles, for a call that never got as far as a request.
   */
  showCall(headers: IncomingHttpHeaders): void {
    this.#shown = headers;
    this.#clientRequest.headers = headers;
  }

  /**
   * Gives the browser's request its own URL and headers back — only while it still shows this call's: a late
   * restore (a second call of the same request under way) must never hand the browser's headers to that call.
   */
  restoreClient(): void {
    const req = this.#clientRequest;
    if (this.#shown === undefined || req.headers !== this.#shown) return;
    this.#shown = undefined;
    if (this.#clientUrl !== undefined) req.url = this.#clientUrl;
    req.headers = this.#clientHeaders;
  }

  /**
   * The upstream request httpxy created for this call, before anything is written. Returns false when the call was
   * already given up (the client left, or no headers in time, while HPM was still preparing): it is cancelled here.
   */
  attach(request: ClientRequest): boolean {
    this.#request = request;
    if (this.#cut) {
      request.destroy(new UpstreamFailure(this.#cut));
      return false;
    }
    // httpxy's `proxyTimeout` destroys a silent request; this names the cut so it reads as a stall, not a reset.
    request.once('timeout', () => {
      this.#cut ??= 'idle';
    });
    // A request that closes with neither a response nor an error (it should not happen) still settles the call.
    // Checked first: every request closes, and an Error is not free to build.
    request.once('close', () => {
      if (!this.#done) this.fail(new UpstreamFailure(this.#cut ?? 'reset'));
    });
    return true;
  }

  /** The upstream's response headers arrived; the body is the caller's to stream or read. */
  respond(response: IncomingMessage): void {
    this.#settle(() => this.#resolve({ response, cutBecause: () => this.#cut }));
  }

  /** A socket or HTTP error reported by HPM; a cut the proxy made itself names the failure. */
  fail(error: unknown): void {
    this.#settle(() => this.#reject(this.#cut ? new UpstreamFailure(this.#cut) : classifyFailure(error)));
  }

  /** httpxy's signal that the upstream response broke. forward.ts watches the response itself and decides. */
  destroy(): this {
    this.destroyed = true;
    return this;
  }

  #abort(kind: UpstreamFailureKind): void {
    this.#cut ??= kind;
    this.#request?.destroy(new UpstreamFailure(kind));
    this.fail(new UpstreamFailure(kind));
  }

  #settle(action: () => void): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#responseTimer);
    this.restoreClient();
    action();
  }

  /**
   * The browser's response closed: mirror it. httpxy then cancels the upstream request (and response) unless the
   * client got its whole answer; a request httpxy has not created yet is cancelled by `attach`.
   */
  readonly #onClientClose = (): void => {
    if (this.#closed) return;
    this.#closed = true;
    this.#client.off('close', this.#onClientClose);
    this.writableFinished = this.#client.writableFinished;
    if (!this.writableFinished) {
      this.#cut ??= 'aborted';
      this.fail(new UpstreamFailure('aborted'));
    }
    this.emit('close');
  };
}
