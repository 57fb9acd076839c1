/** Test harness: Express apps with the proxy mounted, a real emulator, and an upstream that records what it gets. */
import express, { type Express } from 'express';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clinikProxy } from '../src/router.ts';
import type { ClinikProxyOptions } from '../src/options.ts';

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

export async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An app with the proxy at `/api/clinik`, after an optional preparation step (e.g. `express.json()`). */
export async function proxyApp(options: ClinikProxyOptions, prepare?: (app: Express) => void): Promise<Listening> {
  const app = express();
  prepare?.(app);
  app.use('/api/clinik', clinikProxy(options));
  return listen(createServer(app));
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An upstream that records each request and answers with a fixed response carrying headers the proxy must drop. */
export async function recordingUpstream(): Promise<Listening & { requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'upstream_session=abc; HttpOnly',
        server: 'upstream/1.0',
        'x-powered-by': 'upstream',
        'x-request-id': 'req_upstream1',
      });
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  return Object.assign(await listen(server), { requests });
}

/** A syntactically valid key that no server knows, built at runtime so no key-shaped literal is committed. */
export const FAKE_KEY = `clk_test_${'k'.repeat(32)}`;
