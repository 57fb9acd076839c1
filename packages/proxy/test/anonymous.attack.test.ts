/**
 * Attack suite, strangers: requests nobody signs in to are limited per client address, before the session check
 * they would otherwise each cost, and a made-up X-Forwarded-For does not buy a fresh address — unless the app says
 * which proxies to believe.
 */
import express, { type Request } from 'express';
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClinikProxyOptions } from '../src/options.ts';
import { clinikProxy } from '../src/clinik-proxy.ts';
import { FAKE_KEY, allowAll, captureLog, clinician, listen, recordingUpstream, type Listening } from './harness.ts';

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
beforeAll(async () => {
  upstream = await recordingUpstream();
});
afterAll(() => upstream.close());

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** The proxy with the product's defaults and a session that counts how often it is asked (a token check each). */
async function proxied(options: Partial<ClinikProxyOptions> = {}) {
  const checked = { sessions: 0 };
  const session = (req: Request) => {
    checked.sessions += 1;
    return req.get('authorization') === 'Bearer good' ? clinician : null;
  };
  const log = captureLog();
  const app = express().use(
    '/api/clinik',
    clinikProxy({ session, policy: allowAll, apiKey: FAKE_KEY, upstream: upstream.url, logger: log.logger, ...options }),
  );
  const listening = await listen(createServer(app));
  running.push(listening);
  const get = (token: string, forwardedFor?: string) =>
    fetch(`${listening.url}/api/clinik/patients`, {
      headers: { authorization: `Bearer ${token}`, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    });
  return { ...listening, log, checked, get };
}

const statusesOf = async (responses: Promise<Response>[]) => Promise.all(responses.map(async (response) => (await response).status));

describe('requests nobody signs in to', () => {
  it('are refused per address past the limit, before their tokens are checked', async () => {
    const app = await proxied();
    const statuses: number[] = [];
    for (let i = 0; i < 100; i += 1) statuses.push((await app.get(`made-up-${i}`)).status);
    // 60 a minute by default: the one that goes over still gets its 401; every later one is refused unread.
    expect(statuses.filter((status) => status === 401)).toHaveLength(61);
    expect(statuses.slice(61).every((status) => status === 429)).toBe(true);
    expect(app.checked.sessions).toBe(61);
    const refused = await app.get('made-up-again');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(app.log.records().at(-1)).toMatchObject({ status: 429, reason: 'limit:anonymous' });
  });

  it('ignore X-Forwarded-For unless told which proxies to believe', async () => {
    const app = await proxied();
    const spoofed = await statusesOf(Array.from({ length: 80 }, (_, i) => app.get('made-up', `198.51.100.${i}`)));
    expect(spoofed.filter((status) => status === 429)).toHaveLength(19);
    expect(app.checked.sessions).toBe(61);
  });

  it('are counted per forwarded address behind a trusted proxy', async () => {
    const app = await proxied({ anonymousLimit: { limit: 5 }, trustProxy: 'loopback' });
    // The test's requests come from 127.0.0.1: a trusted proxy, so the address it forwards is the client's.
    for (let i = 0; i < 8; i += 1) await app.get('made-up', '203.0.113.7');
    expect((await app.get('made-up', '203.0.113.7')).status).toBe(429);
    expect((await app.get('made-up', '203.0.113.8')).status).toBe(401);
    // What the client wrote before the trusted proxy's own entry changes nothing.
    expect((await app.get('made-up', '198.51.100.1, 203.0.113.7')).status).toBe(429);
    expect((await app.get('good', '203.0.113.8')).status).toBe(200);
  });

  it('never count a signed-in user', async () => {
    const app = await proxied({ anonymousLimit: { limit: 2 } });
    expect(await statusesOf(Array.from({ length: 10 }, () => app.get('good')))).toEqual(Array.from({ length: 10 }, () => 200));
  });
});
