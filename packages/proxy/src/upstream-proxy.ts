/**
 * The streaming hop to ClinikAPI, on http-proxy-middleware. Request and response bodies are piped, never buffered;
 * the key is attached here and nowhere else.
 */
import type { Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { IncomingMessage } from 'node:http';
import { ProxyError, sendError } from './errors.ts';
import { stripDisallowedHeaders } from './headers.ts';
import type { ResolvedOptions } from './options.ts';
import { getState } from './request-context.ts';

/** Upstream response headers that describe the upstream's own server or session, not the data. */
const DROPPED_RESPONSE_HEADERS = ['set-cookie', 'server', 'x-powered-by'];

export function createUpstreamProxy(options: ResolvedOptions): RequestHandler {
  const basePath = options.upstream.pathname.replace(/\/$/, '');
  return createProxyMiddleware<Request, Response>({
    target: options.upstream.origin,
    changeOrigin: true,
    xfwd: false,
    pathRewrite: (path) => `${basePath}/v1${path}`,
    on: {
      proxyReq(proxyReq) {
        stripDisallowedHeaders(proxyReq);
        proxyReq.setHeader('x-api-key', options.apiKey);
      },
      proxyRes(proxyRes: IncomingMessage) {
        for (const name of DROPPED_RESPONSE_HEADERS) delete proxyRes.headers[name];
        proxyRes.headers['cache-control'] = 'no-store';
      },
      error(_error, req, res) {
        const requestId = getState(req).requestId;
        if ('writeHead' in res) sendError(res, requestId, new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI could not be reached'));
        else res.destroy();
      },
    },
  });
}
