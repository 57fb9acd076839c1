import * as hpm from 'http-proxy-middleware';
import http, { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpstreamCall } from './exchange.ts';
import { UpstreamFailure } from './failure.ts';
import type { ResolvedUpstream } from './resolve-upstream.ts';
import { createTransport, type UpstreamTransport } from './transport.ts';

vi.mock('http-proxy-middleware', async (importOriginal) => {
  const actual = await importOriginal<typeof hpm>();
  return { ...actual, createProxyMiddleware: vi.fn(actual.createProxyMiddleware) };
});

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: http.Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const target = (origin: string, basePath = ''): ResolvedUpstream => ({ origin, basePath, environment: 'test', shard: undefined });

const seen: Seen[] = [];
let connections = 0;
let upstream: Awaited<ReturnType<typeof listen>>;
const agents = { http: new http.Agent({ keepAlive: true }), https: new http.Agent({ keepAlive: true }) as never };
let transport: UpstreamTransport;
let call: UpstreamCall;

/**
 * The host side: like the proxy's stages, it reads the browser's body to its end, then opens the call and answers
 * with what it learnt — so each test sees what the transport did and what it left of the browser's response.
 */
let app: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  upstream = await listen((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.endsWith('/broken')) res.writeHead(500, { 'content-type': 'text/html', 'set-cookie': 'a=1' }).end('<pre>stack</pre>');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
  });
  upstream.server.on('connection', () => (connections += 1));
  transport = createTransport({ agents, timeouts: { responseMs: 2000, idleMs: 2000 } });
  app = await listen(async (req, res) => {
    for await (const _chunk of req);
    try {
      const { response } = await transport.open(req, res, call);
      let body = '';
      for await (const chunk of response as AsyncIterable<Buffer>) body += chunk.toString();
      const report = {
        status: response.statusCode,
        body,
        headersSentByTransport: res.headersSent,
        url: req.url,
        cookie: req.headers.cookie,
        expect: req.headers.expect,
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    } catch (error) {
      res.writeHead(599).end(JSON.stringify({ failure: error instanceof UpstreamFailure ? error.kind : 'other' }));
    }
  });
});
afterAll(async () => {
  await close(app.server);
  await close(upstream.server);
  agents.http.destroy();
});
beforeEach(() => {
  seen.length = 0;
  call = { target: target(upstream.url), method: 'GET', path: '/v1/patients', headers: { accept: 'application/json' }, body: undefined };
});

const browserHeaders = {
  cookie: 'app_session=s3cr3t',
  authorization: 'Bearer browser-token',
  'x-api-key': 'from-the-browser',
  'x-forwarded-for': '203.0.113.9',
  'x-forwarded-host': 'evil.test',
  host: 'evil.test',
  'x-custom': 'nope',
};

describe('the upstream transport (http-proxy-middleware)', () => {
  it('builds the upstream request from the call alone: method, path and query, headers, target', async () => {
    call = {
      target: target(upstream.url, '/base'),
      method: 'GET',
      path: '/v1/patients/p1?_revinclude=Observation%3Asubject',
      headers: { accept: 'application/json', 'x-api-key': 'server-side-key', 'if-none-match': 'W/"2"' },
      body: undefined,
    };
    const response = await fetch(`${app.url}/anything?raw=1`, {
      method: 'POST',
      headers: { ...browserHeaders, 'content-type': 'text/plain' },
      body: 'ignored',
    });
    expect(response.status).toBe(200);
    const [request] = seen;
    expect(request).toMatchObject({ method: 'GET', url: '/base/v1/patients/p1?_revinclude=Observation%3Asubject', body: '' });
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual([
      'accept',
      'accept-encoding',
      'connection',
      'host',
      'if-none-match',
      'x-api-key',
    ]);
    expect(request?.headers).toMatchObject({
      host: new URL(upstream.url).host,
      'x-api-key': 'server-side-key',
      'accept-encoding': 'identity',
      connection: 'keep-alive',
    });
  });

  it('writes the parsed body with its own Content-Length, whatever framing the browser used', async () => {
    const body = Buffer.from(JSON.stringify({ note: 'Ünïcode ✓' }));
    call = { ...call, method: 'PATCH', path: '/v1/notes/n1', headers: { 'content-type': 'application/json' }, body };
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"note":'));
        controller.enqueue(new TextEncoder().encode('"other"}'));
        controller.close();
      },
    });
    const response = await fetch(`${app.url}/x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const [request] = seen;
    expect(request).toMatchObject({ method: 'PATCH', url: '/v1/notes/n1', body: body.toString() });
    expect(request?.headers['content-length']).toBe(String(body.length));
    expect(request?.headers['transfer-encoding']).toBeUndefined();
  });

  it('never shows HPM an Expect header (httpxy would skip proxyReq), and gives it back to the host app', async () => {
    const report = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${app.url}/x`, {
        method: 'POST',
        headers: { ...browserHeaders, expect: '100-continue', 'content-length': '2' },
      });
      request.on('continue', () => request.end('{}'));
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      });
      request.on('error', reject);
    });
    expect(JSON.parse(report)).toMatchObject({ status: 200, expect: '100-continue' });
    expect(Object.keys(seen[0]?.headers ?? {}).sort()).toEqual(['accept', 'accept-encoding', 'connection', 'host']);
  });

  it('hands back an upstream failure answer untouched and writes nothing to the browser’s response', async () => {
    call = { ...call, path: '/v1/patients/broken' };
    const report = (await (await fetch(`${app.url}/x`)).json()) as Record<string, unknown>;
    expect(report).toMatchObject({ status: 500, body: '<pre>stack</pre>', headersSentByTransport: false });
  });

  it('gives the host app its request URL and headers back', async () => {
    const report = (await (await fetch(`${app.url}/api/clinik/patients?name=a`, { headers: browserHeaders })).json()) as Record<
      string,
      unknown
    >;
    expect(seen[0]?.url).toBe('/v1/patients');
    expect(seen[0]?.headers.cookie).toBeUndefined();
    expect(report).toMatchObject({ url: '/api/clinik/patients?name=a', cookie: 'app_session=s3cr3t' });
  });

  it('keeps upstream connections alive through the configured agent', async () => {
    const before = connections;
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${app.url}/x`)).status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(connections - before).toBeLessThanOrEqual(1);
    expect(Object.values(agents.http.freeSockets).flat().length).toBeGreaterThan(0);
  });

  it('classifies a refused connection', async () => {
    const dead = await listen(() => undefined);
    await close(dead.server);
    call = { ...call, target: target(dead.url) };
    expect(await (await fetch(`${app.url}/x`)).json()).toEqual({ failure: 'refused' });
  });

  it('is one HPM instance for every call, with no default plugin and no logger', async () => {
    const factory = vi.mocked(hpm.createProxyMiddleware);
    factory.mockClear();
    const own = createTransport({ agents, timeouts: { responseMs: 1000, idleMs: 500 } });
    expect(factory).toHaveBeenCalledOnce();
    const options = factory.mock.calls[0]?.[0];
    expect(options).toMatchObject({
      ejectPlugins: true,
      plugins: [hpm.proxyEventsPlugin],
      selfHandleResponse: true,
      xfwd: false,
      changeOrigin: true,
      proxyTimeout: 500,
    });
    expect(options?.target).toBeUndefined();
    expect(options?.logger).toBeUndefined();
    const host = await listen(async (req, res) => {
      const { response } = await own.open(req, res, call);
      response.pipe(res);
    });
    for (let i = 0; i < 3; i += 1) expect((await fetch(host.url)).status).toBe(200);
    await close(host.server);
    expect(seen).toHaveLength(3);
    expect(factory).toHaveBeenCalledOnce();
  });
});
