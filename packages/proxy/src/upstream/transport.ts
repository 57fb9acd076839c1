/**
 * The hop to the upstream, on http-proxy-middleware (httpxy underneath): one instance per `clinikProxy()`, created
 * here at start-up. HPM is the transport — it connects through the keep-alive agents, creates and sends the request,
 * guards a silent socket (`proxyTimeout`), cancels the call when the client leaves and reports every socket error.
 * What is sent is ours: `router` returns the target the key was routed to, `pathRewrite` the built path and query,
 * and while HPM prepares the call the request shows httpxy the call's headers in place of the browser's, so the
 * upstream request is built from what the policy approved — nothing of the browser's is copied and then stripped.
 * `on.proxyReq` puts the browser's URL and headers back and writes the parsed body.
 */
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
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

/**
 * The headers httpxy builds the upstream request from: the call's, and a Content-Length for its body. httpxy adds the
 * target's Host (`changeOrigin`); Node adds `Connection` as the agent will use it.
 */
function outgoingHeaders(call: UpstreamCall): IncomingHttpHeaders {
  // The answer is streamed as it comes or checked as JSON: there must be no compression to undo.
  const headers: IncomingHttpHeaders = { ...call.headers, 'accept-encoding': 'identity' };
  if (call.body !== undefined) headers['content-length'] = String(call.body.length);
  return headers;
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
      proxyReq: (request, _req, res) => {
        if (!(res instanceof Exchange)) {
          request.destroy(new UpstreamFailure('invalid'));
          return;
        }
        // httpxy has built the request from the call; the host app gets the browser's URL and headers back.
        res.restoreClient();
        // Ends the request here: httpxy's own pipe of the browser's stream (read to its end long before) ends
        // nothing more.
        if (res.attach(request)) request.end(res.call.body);
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
      const exchange = new Exchange(call, client, settings.timeouts.responseMs, req);
      // httpxy reads the request's URL (after `pathRewrite`) and headers when it builds the upstream request: until
      // `proxyReq` puts them back, the request shows the call's headers — never the browser's Cookie, Authorization or
      // Expect (with which httpxy would skip `proxyReq`). If no request is made, the exchange puts them back as it
      // settles.
      exchange.showCall(outgoingHeaders(call));
      // HPM calls next only when it could not start the call.
      const cannotStart = (error?: unknown) => exchange.fail(error ?? new UpstreamFailure('invalid'));
      // The exchange stands in for the browser's response; see exchange.ts for why.
      middleware(req, exchange as unknown as ServerResponse, cannotStart).catch(cannotStart);
      return exchange.settled;
    },
  };
}
