/**
 * Fault suite: an upstream that refuses, resets, hangs, fails, stalls half way, or a client that walks away. Each
 * ends in a 502/504 envelope with a request id — every answer is read whole before anything is sent, so a break is
 * never a half-sent body — the upstream call cancelled, no socket left behind and the process still serving.
 */
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { json, listen, proxyApp, settled, successBody, type Listening, type ProxyApp } from './harness.ts';

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** One upstream whose behaviour each test picks through the path; it counts open sockets and closed requests. */
interface FaultyUpstream extends Listening {
  behaviours: Map<string, Behaviour>;
  openSockets(): number;
  /** Resolves when the request for `path` has reached the upstream (before its behaviour runs). */
  arrived(path: string): Promise<void>;
  /** Resolves when the request for `path` has been torn down on the upstream side. */
  closed(path: string): Promise<void>;
}

/** Resolves for a path once `mark(path)` has been called, before or after it is asked for. */
function pathEvents(): { mark(path: string): void; when(path: string): Promise<void> } {
  const waiters = new Map<string, () => void>();
  const seen = new Set<string>();
  return {
    mark: (path) => {
      seen.add(path);
      waiters.get(path)?.();
    },
    when: (path) => (seen.has(path) ? Promise.resolve() : new Promise<void>((resolve) => waiters.set(path, resolve))),
  };
}

async function faultyUpstream(): Promise<FaultyUpstream> {
  const behaviours = new Map<string, Behaviour>();
  const sockets = new Set<Socket>();
  const arrived = pathEvents();
  const closed = pathEvents();
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    arrived.mark(path);
    res.on('close', () => closed.mark(path));
    const behaviour = behaviours.get(path);
    if (behaviour) behaviour(req, res);
    else {
      const { status, body } = successBody(req.method ?? 'GET', req.url ?? '/');
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' }).end(body);
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listening = await listen(server);
  return Object.assign(listening, {
    behaviours,
    openSockets: () => sockets.size,
    arrived: arrived.when,
    closed: closed.when,
  });
}

let upstream: FaultyUpstream;
let app: ProxyApp;
/**
 * `app` has 300 ms upstream timeouts, for the faults that need one to end them. This one keeps the defaults, for
 * every fault that is not a stall: with 300 ms a loaded machine could let the timeout end the call first — a 504
 * instead of the 502 of a reset, or of the walk-away under test, with the upstream closed by the timer rather than by
 * the cancellation.
 */
let unhurriedApp: ProxyApp;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

beforeAll(async () => {
  upstream = await faultyUpstream();
  app = await proxyApp({ upstream: upstream.url, timeouts: { responseMs: 300, idleMs: 300 }, agents: { http: agent } });
  unhurriedApp = await proxyApp({ upstream: upstream.url, agents: { http: agent } });
});
afterAll(async () => {
  await app.close();
  await unhurriedApp.close();
  await upstream.close();
  agent.destroy();
});

async function expectEnvelope(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = await json(response);
  expect(body).toMatchObject({ code, requestId: response.headers.get('x-request-id') });
  expect(String(body.requestId)).toMatch(/^req_/);
  expect(response.headers.get('cache-control')).toBe('no-store');
}

describe('upstream faults before the response', () => {
  it('answers a refused connection with 502', async () => {
    const dead = await listen(createServer());
    const deadUrl = dead.url;
    await dead.close();
    const refused = await proxyApp({ upstream: deadUrl });
    await expectEnvelope(await fetch(`${refused.url}/api/clinik/patients`), 502, 'UPSTREAM_UNAVAILABLE');
    const [record] = await settled(refused.log, 1);
    expect(record).toMatchObject({ error: 'upstream:refused', outcome: 'upstream-failed', decision: 'allow' });
    await refused.close();
  });

  it('answers a connection reset with 502', async () => {
    upstream.behaviours.set('/v1/labs', (req) => req.socket.destroy());
    await expectEnvelope(await fetch(`${unhurriedApp.url}/api/clinik/labs`), 502, 'UPSTREAM_UNAVAILABLE');
  });

  it('answers an upstream that never answers with 504 and cancels the upstream call', async () => {
    upstream.behaviours.set('/v1/goals', () => undefined);
    const closed = upstream.closed('/v1/goals');
    await expectEnvelope(await fetch(`${app.url}/api/clinik/goals`), 504, 'UPSTREAM_TIMEOUT');
    await closed;
  });

  it.each([
    [500, 502, 'UPSTREAM_UNAVAILABLE'],
    [503, 502, 'UPSTREAM_UNAVAILABLE'],
    [504, 504, 'UPSTREAM_TIMEOUT'],
  ])('answers an upstream %i with %i in the envelope, never passing its body on', async (status, expected, code) => {
    upstream.behaviours.set(`/v1/conditions/s${status}`, (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' }).end('<pre>Traceback: db password=hunter2</pre>');
    });
    const response = await fetch(`${unhurriedApp.url}/api/clinik/conditions/s${status}`);
    const text = await response.clone().text();
    await expectEnvelope(response, expected, code);
    expect(text).not.toContain('hunter2');
  });

  it('answers an upstream 401 (the key was refused) with 502, not as if the user were signed out', async () => {
    upstream.behaviours.set('/v1/notes', (_req, res) =>
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"INVALID_KEY"}'),
    );
    await expectEnvelope(await fetch(`${unhurriedApp.url}/api/clinik/notes`), 502, 'UPSTREAM_UNAVAILABLE');
  });

  it('cancels the upstream call when the client gives up while waiting', async () => {
    upstream.behaviours.set('/v1/tasks', () => undefined);
    const closed = upstream.closed('/v1/tasks');
    const before = unhurriedApp.log.records().length;
    const controller = new AbortController();
    const pending = fetch(`${unhurriedApp.url}/api/clinik/tasks`, { signal: controller.signal }).catch((error: unknown) => error);
    // The client gives up once the call is upstream: a fixed delay could end it before it left the proxy.
    await upstream.arrived('/v1/tasks');
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await closed;
    expect((await settled(unhurriedApp.log, before + 1)).at(-1)).toMatchObject({ outcome: 'client-aborted', status: 499 });
  });
});

describe('upstream faults while an answer is being read', () => {
  it('answers an upstream that stalls mid-body with 504, and closes the upstream socket', async () => {
    upstream.behaviours.set('/v1/encounters', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data":{"data":[');
    });
    const closed = upstream.closed('/v1/encounters');
    const before = app.log.records().length;
    await expectEnvelope(await fetch(`${app.url}/api/clinik/encounters`), 504, 'UPSTREAM_TIMEOUT');
    await closed;
    expect((await settled(app.log, before + 1)).at(-1)).toMatchObject({ error: 'upstream:idle', outcome: 'upstream-failed' });
  });

  it('cancels an upstream answer still being read when the client walks away', async () => {
    upstream.behaviours.set('/v1/media', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '.repeat(1024)), 10);
      res.on('close', () => clearInterval(timer));
    });
    const closed = upstream.closed('/v1/media');
    const before = unhurriedApp.log.records().length;
    const controller = new AbortController();
    const pending = fetch(`${unhurriedApp.url}/api/clinik/media`, { signal: controller.signal }).catch((error: unknown) => error);
    // Walks away once the answer is being sent (its headers are written as it arrives), not after a fixed delay.
    await upstream.arrived('/v1/media');
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await closed;
    expect((await settled(unhurriedApp.log, before + 1)).at(-1)).toMatchObject({ outcome: 'client-aborted', status: 499 });
  });

  it('answers an answer larger than responseLimit with 502 and stops reading it', async () => {
    const small = await proxyApp({ upstream: upstream.url, agents: { http: agent }, responseLimit: 4096 });
    upstream.behaviours.set('/v1/locations', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          data: {
            data: Array.from({ length: 200 }, (_, i) => ({ resourceType: 'Location', id: `l${i}`, name: 'x'.repeat(40) })),
            total: 200,
            hasMore: false,
          },
        }),
      );
    });
    await expectEnvelope(await fetch(`${small.url}/api/clinik/locations`), 502, 'UPSTREAM_UNAVAILABLE');
    await small.close();
  });
});

describe('upstream faults while a compartment answer is being checked', () => {
  // The answer is read whole before anything is sent, so a break is still an envelope, never a cut connection.
  let patientApp: ProxyApp;
  beforeAll(async () => {
    patientApp = await proxyApp({
      upstream: upstream.url,
      timeouts: { responseMs: 300, idleMs: 300 },
      agents: { http: agent },
      session: () => ({ id: 'u-pat', roles: ['patient'], patientId: 'p1' }),
      policy: patientCompartment({ patientId: (user) => user.patientId as string }),
    });
  });
  afterAll(() => patientApp.close());

  it('answers a record that stalls half way with 504, and closes the upstream socket', async () => {
    upstream.behaviours.set('/v1/observations/stalled', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"data":{"resourceType":"Observation","subject":');
    });
    const closed = upstream.closed('/v1/observations/stalled');
    const before = patientApp.log.records().length;
    await expectEnvelope(await fetch(`${patientApp.url}/api/clinik/observations/stalled`), 504, 'UPSTREAM_TIMEOUT');
    await closed;
    expect((await settled(patientApp.log, before + 1)).at(-1)).toMatchObject({ error: 'upstream:idle', outcome: 'upstream-failed' });
  });

  it('answers a record whose connection resets half way with 502', async () => {
    upstream.behaviours.set('/v1/observations/reset', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"data":', () => req.socket.destroy());
    });
    await expectEnvelope(await fetch(`${patientApp.url}/api/clinik/observations/reset`), 502, 'UPSTREAM_UNAVAILABLE');
  });

  it('answers an update whose version check stalls with 504 and sends no write', async () => {
    const methods: string[] = [];
    upstream.behaviours.set('/v1/observations/slow-check', (req, res) => {
      methods.push(req.method ?? '');
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"data":');
    });
    const response = await fetch(`${patientApp.url}/api/clinik/observations/slow-check`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: '{"status":"final"}',
    });
    await expectEnvelope(response, 504, 'UPSTREAM_TIMEOUT');
    expect(methods).toEqual(['GET']);
  });
});

describe('no leaks, no hang, still serving', () => {
  it('leaves no socket behind after a storm of faults, and answers the next request', async () => {
    upstream.behaviours.set('/v1/devices', (req) => req.socket.destroy());
    upstream.behaviours.set('/v1/specimens', () => undefined);
    upstream.behaviours.set('/v1/invoices', (_req, res) => res.writeHead(500).end('x'));
    upstream.behaviours.set('/v1/claims', (_req, res) => {
      res.writeHead(200, { 'content-length': '50' });
      res.write('{');
    });
    const paths = ['devices', 'specimens', 'invoices', 'claims', 'goals', 'coverages'];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        fetch(`${app.url}/api/clinik/${paths[i % paths.length]}`)
          .then((response) => response.text())
          .catch(() => 'cut'),
      ),
    );
    // Nothing in flight; only healthy keep-alive sockets stay pooled, and the upstream sees no others — once the
    // proxy's 300 ms timeouts have ended the hung calls and the closes have reached both sides, however long that takes.
    await vi.waitFor(
      () => {
        expect(Object.values(agent.sockets).flat()).toHaveLength(0);
        expect(upstream.openSockets()).toBe(Object.values(agent.freeSockets).flat().length);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect((await fetch(`${app.url}/api/clinik/coverages`)).status).toBe(200);
  });
});
