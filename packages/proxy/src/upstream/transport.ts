/**
 * The hop to the upstream, on http-proxy-middleware (httpxy underneath): one instance per `clinikProxy()`, created
 * here at start-up. HPM is the transport — it connects through the keep-alive agents, creates and sends the request,
 * guards a silent socket (`proxyTimeout`), cancels the call when the client leaves and reports every socket error.
 * What is sent is ours: `router` returns the target the key was routed to, `pathRewrite` the built path and query,
 * and `on.proxyReq` replaces every header httpxy copied from the browser with the call's and writes the parsed body.
 * The upstream call is built from what the policy approved, never copied from the browser's request and stripped.
 */
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { Exchange, type ClientSide, type UpstreamCall, type UpstreamResponse } from './exchange.ts';
import { UpstreamFailure } from './failure.ts';
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

export interface TransportSettings {
  readonly agents: UpstreamAgents;
  readonly timeouts: UpstreamTimeouts;
}

export interface UpstreamTransport {
  /**
   * Sends `call` and resolves with the response once its headers arrive (the body is the caller's to stream or
   * read), or rejects with an `UpstreamFailure`. `req` is the browser's request, already fully read.
   */
  open(req: IncomingMessage, client: ClientSide, call: UpstreamCall): Promise<UpstreamResponse>;
}

/** Parsed once per configured upstream (they are created at start-up and never change). */
const targetUrls = new WeakMap<ResolvedUpstream, URL>();

function targetUrl(target: ResolvedUpstream): URL {
  let url = targetUrls.get(target);
  if (!url) {
    url = new URL(target.origin);
    targetUrls.set(target, url);
  }
  return url;
}

/** HPM hands its callbacks the response it was given: for this proxy, always an exchange. */
function exchangeOf(res: unknown): Exchange {
  if (!(res instanceof Exchange)) throw new UpstreamFailure('invalid');
  return res;
}

/** Replaces the request httpxy prepared from the browser's with the approved call: its headers, then its body. */
function writeCall(request: ClientRequest, call: UpstreamCall): void {
  for (const name of request.getHeaderNames()) request.removeHeader(name);
  request.setHeader('host', targetUrl(call.target).host);
  // Node leaves out its own Connection header once one was removed; say what the agent will do, as Node would.
  request.setHeader('connection', request.shouldKeepAlive ? 'keep-alive' : 'close');
  for (const [name, value] of Object.entries(call.headers)) request.setHeader(name, value);
  // The answer is streamed as it comes or checked as JSON: there must be no compression to undo.
  request.setHeader('accept-encoding', 'identity');
  if (call.body !== undefined) request.setHeader('content-length', String(call.body.length));
  // Ends the request here: httpxy's own pipe of the browser's stream (read to its end long before) ends nothing more.
  request.end(call.body);
}

export function createTransport(settings: TransportSettings): UpstreamTransport {
  const middleware = createProxyMiddleware<IncomingMessage, ServerResponse>({
    // Per call, from the exchange (built from the routed key), never from the request: HPM's `router` is also
    // where per-request options are set — the call's method (httpxy sends `options.method` over the browser's) and
    // the agent for the target's protocol.
    router: (_req, res, options) => {
      const { call } = exchangeOf(res);
      const url = targetUrl(call.target);
      Object.assign(options, { method: call.method, agent: url.protocol === 'https:' ? settings.agents.https : settings.agents.http });
      return url;
    },
    pathRewrite: (_path, _req, res) => {
      const { call } = exchangeOf(res);
      return `${call.target.basePath}${call.path}`;
    },
    changeOrigin: true,
    xfwd: false,
    // A redirect is never followed: forward.ts rewrites one into the API or refuses it.
    followRedirects: false,
    // The response is always forward.ts's to answer: streamed with allow-listed headers, or read whole and checked.
    selfHandleResponse: true,
    proxyTimeout: settings.timeouts.idleMs,
    // No default plugin: errorResponsePlugin would answer a failure itself (in text naming the host and path),
    // debugProxyErrorsPlugin prints to the console, loggerPlugin logs each path and query. proxyEventsPlugin only
    // registers the `on` handlers below; every failure reaches forward.ts as an UpstreamFailure.
    ejectPlugins: true,
    plugins: [proxyEventsPlugin],
    on: {
      proxyReq: (request, req, res) => {
        if (!(res instanceof Exchange)) {
          request.destroy(new UpstreamFailure('invalid'));
          return;
        }
        // httpxy has read the rewritten URL; the host app gets its own back.
        req.url = res.clientUrl;
        if (!res.attach(request)) return;
        try {
          writeCall(request, res.call);
        } catch {
          // Headers that cannot be set (or were already sent) fail closed, like any other broken hop.
          request.destroy(new UpstreamFailure('invalid'));
        }
      },
      proxyRes: (response, _req, res) => {
        if (res instanceof Exchange) res.respond(response);
        else response.destroy();
      },
      error: (error, _req, res) => {
        if (res instanceof Exchange) res.fail(error);
      },
      // httpxy's name for a reset seen after the client's socket closed; the exchange already knows it was cut.
      econnreset: (error, _req, res) => {
        if (res instanceof Exchange) res.fail(error);
      },
    },
  });

  return {
    open(req, client, call) {
      if (client.destroyed) return Promise.reject(new UpstreamFailure('aborted'));
      const exchange = new Exchange(call, client, settings.timeouts.responseMs, req.url);
      // httpxy emits `proxyReq` — where the headers are replaced — only when the request it built carries no
      // Expect header (Node sends such headers at once). Node has answered 100-continue and the body has been read.
      delete req.headers.expect;
      // HPM's pathRewrite replaces req.url for httpxy; it is put back in on.proxyReq, or here if no request is made.
      const restoreUrl = () => {
        req.url = exchange.clientUrl;
      };
      exchange.settled.then(restoreUrl, restoreUrl);
      // HPM calls next only when it could not start the call.
      const cannotStart = (error?: unknown) => exchange.fail(error ?? new UpstreamFailure('invalid'));
      // The exchange stands in for the browser's response; see exchange.ts for why.
      middleware(req, exchange as unknown as ServerResponse, cannotStart).catch(cannotStart);
      return exchange.settled;
    },
  };
}
