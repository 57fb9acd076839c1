/** Test harness: Express apps with the proxy mounted, upstreams that record or misbehave, and captured audit logs. */
import express, { type Express } from 'express';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { clinikProxy } from '../src/clinik-proxy.ts';
import type { ClinikProxyOptions } from '../src/options.ts';
import type { AuditRecord } from '../src/audit.ts';
import type { ProxyUser } from '../src/request-context.ts';

export interface Listening {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A syntactically valid key that no server knows, built at runtime so no key-shaped literal is committed. */
export const FAKE_KEY = `clk_test_${'k'.repeat(32)}`;

export const clinician: ProxyUser = { id: 'user_clinician', roles: ['clinician'] };
export const signedIn = () => clinician;
export const allowAll = () => true;

export interface CapturedLog {
  readonly logger: Logger;
  readonly lines: string[];
  records(): AuditRecord[];
  /** Calls `listener` after every line written from now on; returns what stops it. */
  onLine(listener: () => void): () => void;
}

/** A pino logger writing into memory: every line the proxy logs, verbatim, for assertions and leak scans. */
export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const logger = pino(
    { base: null },
    {
      write: (line: string) => {
        lines.push(line);
        for (const listener of listeners) listener();
      },
    },
  );
  return {
    logger,
    lines,
    onLine: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    records: () =>
      lines
        .map((line) => JSON.parse(line) as { msg: string; audit: AuditRecord })
        .filter((line) => line.msg === 'clinikapi.proxy.request')
        .map((line) => line.audit),
  };
}

export type ProxyAppOptions = Partial<ClinikProxyOptions> & { readonly prepare?: (app: Express) => void };

export interface ProxyApp extends Listening {
  readonly log: CapturedLog;
}

/**
 * An app with the proxy at `/api/clinik` (signed-in clinician, allow-all policy, captured log unless overridden). The
 * per-user limit and body validation are off unless a test turns them on: most tests send small stand-in bodies to
 * stand-in upstreams, and the limits have tests of their own.
 */
export async function proxyApp(options: ProxyAppOptions = {}): Promise<ProxyApp> {
  const { prepare, ...proxyOptions } = options;
  const log = captureLog();
  const app = express();
  prepare?.(app);
  app.use(
    '/api/clinik',
    clinikProxy({
      session: signedIn,
      policy: allowAll,
      apiKey: FAKE_KEY,
      logger: log.logger,
      rateLimit: false,
      validateBodies: false,
      anonymousLimit: false,
      patientWrites: false,
      ...proxyOptions,
    }),
  );
  return Object.assign(await listen(createServer(app)), { log });
}

/**
 * Waits until `count` audit records have been written (a record is written when its response closes, which can be
 * after the client has read the answer). It waits for the log's writes, not for a time; `timeoutMs` only turns a
 * record that never comes into a message naming the count instead of the test's own timeout.
 */
export async function settled(log: CapturedLog, count: number, timeoutMs = 15_000): Promise<AuditRecord[]> {
  if (log.records().length >= count) return log.records();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`expected ${count} audit records, saw ${log.records().length}`));
    }, timeoutMs);
    const stop = log.onLine(() => {
      if (log.records().length < count) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
  return log.records();
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/**
 * A successful answer of the call's shape: a page for a search (`GET /v1/{path}`), the record for a read or a
 * write (`{ data: { id } }`), nothing for a delete. Always 200 (but 204): the tests that use it are about the hop.
 */
export function successBody(method: string, url: string): { status: number; body: string | undefined } {
  const [path = ''] = url.split('?');
  const segments = path.split('/').filter(Boolean);
  if (method === 'DELETE') return { status: 204, body: undefined };
  if (method === 'GET' && segments.length === 2)
    return { status: 200, body: JSON.stringify({ data: { data: [], total: 0, hasMore: false } }) };
  return { status: 200, body: JSON.stringify({ data: { id: segments[2] ?? 'new' } }) };
}

/** The default answer: a successful JSON answer of the call's shape, carrying headers the proxy must drop. */
export const okHandler: UpstreamHandler = (req, res) => {
  const { status, body } = successBody(req.method ?? 'GET', req.url ?? '/');
  res.writeHead(status, {
    'content-type': 'application/json',
    'set-cookie': 'upstream_session=abc; HttpOnly',
    server: 'upstream/1.0',
    'x-powered-by': 'upstream',
    'x-request-id': 'req_upstream1',
    'x-internal-debug': 'db=primary-3',
  });
  res.end(body);
};

/** An upstream that records each request (after reading its body) and answers with `handler`. */
export async function recordingUpstream(handler: UpstreamHandler = okHandler): Promise<Listening & { requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  return Object.assign(await listen(server), { requests });
}

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
