/** Per-user rate limits: 429 with Retry-After, per user, and shared by several instances through a real Redis. */
import type { Request } from 'express';
import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../scripts/test-services/index.ts';
import { json, proxyApp, recordingUpstream } from './harness.ts';

const session = (req: Request) => ({ id: req.get('x-user') ?? 'anonymous', roles: [] });
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;

beforeAll(async () => {
  upstream = await recordingUpstream();
});
afterAll(() => upstream.close());

const get = (url: string, user: string) => fetch(`${url}/api/clinik/patients`, { headers: { 'x-user': user } });

describe('per-user rate limit', () => {
  it('answers 429 with Retry-After once a user is over the limit, and only that user', async () => {
    const app = await proxyApp({ upstream: upstream.url, session, rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i += 1) expect((await get(app.url, 'alice')).status).toBe(200);
    const limited = await get(app.url, 'alice');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await json(limited)).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await get(app.url, 'bob')).status).toBe(200);
    await app.close();
  });
});

describe('shared through Redis', () => {
  let redis: TestRedis;
  type Client = { quit(): Promise<unknown> };
  let clients: Client[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis?.stop();
  });

  async function store(): Promise<RedisStore> {
    const client = createClient({ url: redis.url });
    await client.connect();
    clients = [...clients, client];
    return new RedisStore({ prefix: 'clinik-proxy-test:', sendCommand: (...args: string[]) => client.sendCommand(args) });
  }

  it('counts one user across two proxy instances', async () => {
    const first = await proxyApp({ upstream: upstream.url, session, rateLimit: { limit: 4, windowMs: 60_000, store: await store() } });
    const second = await proxyApp({ upstream: upstream.url, session, rateLimit: { limit: 4, windowMs: 60_000, store: await store() } });
    const statuses: number[] = [];
    for (const url of [first.url, second.url, first.url, second.url, first.url, second.url]) statuses.push((await get(url, 'carol')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await get(second.url, 'dave')).status).toBe(200);
    await first.close();
    await second.close();
  });

  it('fails closed when the store is down', async () => {
    const broken = await store();
    const app = await proxyApp({ upstream: upstream.url, session, rateLimit: { limit: 4, store: broken } });
    await clients.at(-1)?.quit();
    clients = clients.slice(0, -1);
    const response = await get(app.url, 'erin');
    expect(response.status).toBe(500);
    expect(await json(response)).toMatchObject({ code: 'INTERNAL_ERROR' });
    await app.close();
  });
});
