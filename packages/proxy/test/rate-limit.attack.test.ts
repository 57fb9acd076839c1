/**
 * Rate limits: per user, 429 with Retry-After; the upstream's own 429s passed on with a Retry-After; and the per-user
 * limit, the upstream budget and the anonymous limit shared by several instances through a real Redis.
 */
import type { Request } from 'express';
import { RedisStore } from 'rate-limit-redis';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../scripts/test-services/index.ts';
import { redisWindowCounter } from '../src/limits/redis-window-counter.ts';
import type { WindowCounter } from '../src/limits/window-counter.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { json, okHandler, proxyApp, recordingUpstream, type UpstreamHandler } from './harness.ts';

const session = (req: Request) => ({ id: req.get('x-user') ?? 'anonymous', roles: [req.get('x-role') ?? 'patient'], patientId: 'p1' });
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
/** How the upstream answers; each test may replace it. */
let answer: UpstreamHandler = okHandler;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res, body) => answer(req, res, body));
});
afterAll(() => upstream.close());
beforeEach(() => {
  answer = okHandler;
  upstream.requests.length = 0;
});

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

describe("the upstream's 429s", () => {
  const tooMany =
    (headers: Record<string, string>, body = ''): UpstreamHandler =>
    (_req, res) =>
      res.writeHead(429, headers).end(body);

  it.each([
    [
      'ClinikAPI: Retry-After',
      { 'retry-after': '7', 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '7' },
      7,
    ],
    // The reset is 30 s from when the upstream answers: taken when the table is built, it would be the time the file
    // was collected, and the tests before this one (slow on a loaded machine) would eat into it.
    ['Cliniko: X-RateLimit-Reset as a Unix time, no body', () => ({ 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 30) }), 30],
    ['nothing said', {}, 60],
  ])('come back with Retry-After (%s), never the clinic-wide counter', async (_name, headers, seconds) => {
    answer = (req, res, body) =>
      tooMany({ 'content-type': 'application/json', ...(typeof headers === 'function' ? headers() : headers) })(req, res, body);
    const app = await proxyApp({ upstream: upstream.url, session });
    const response = await get(app.url, 'alice');
    expect(response.status).toBe(429);
    expect(Math.abs(Number(response.headers.get('retry-after')) - seconds)).toBeLessThanOrEqual(1);
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    await app.close();
  });

  it('answer 429 with Retry-After when the read before a compartment write is refused', async () => {
    answer = tooMany(
      { 'retry-after': '12', 'content-type': 'application/json' },
      '{"error":"Rate limited","code":"RATE_LIMITED","requestId":"req_up","issues":[]}',
    );
    const app = await proxyApp({ upstream: upstream.url, session, policy: patientCompartment({ patientId: () => 'p1' }) });
    const response = await fetch(`${app.url}/api/clinik/observations/o1`, {
      method: 'PATCH',
      headers: { 'x-user': 'pat', 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'amended' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('12');
    expect(await json(response)).toMatchObject({ code: 'RATE_LIMITED' });
    expect(upstream.requests.map((request) => request.method)).toEqual(['GET']);
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

  /** A client of its own, as each proxy instance would have. */
  async function connect() {
    const client = createClient({ url: redis.url });
    await client.connect();
    clients = [...clients, client];
    return client;
  }

  async function store(): Promise<RedisStore> {
    const client = await connect();
    return new RedisStore({ prefix: 'clinik-proxy-test:', sendCommand: (...args: string[]) => client.sendCommand(args) });
  }

  it('counts one user across two proxy instances', async () => {
    const first = await proxyApp({ upstream: upstream.url, session, rateLimit: { limit: 4, windowMs: 60_000, store: await store() } });
    const second = await proxyApp({ upstream: upstream.url, session, rateLimit: { limit: 4, windowMs: 60_000, store: await store() } });
    const statuses: number[] = [];
    for (const url of [first.url, second.url, first.url, second.url, first.url, second.url])
      statuses.push((await get(url, 'carol')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await get(second.url, 'dave')).status).toBe(200);
    await first.close();
    await second.close();
  });

  it("shares the key's budget and the anonymous limit between two proxy instances", async () => {
    // A failed sign-in is counted after its 401 is sent (never awaited); the counts still under way, to wait for.
    const counting: Promise<unknown>[] = [];
    const countsLanded = async () => {
      await Promise.allSettled(counting.splice(0));
      // Each instance reads its answer in a `then` after the count; those have run once the microtasks have.
      await new Promise((resolve) => setImmediate(resolve));
    };
    const options = async () => {
      const client = await connect();
      const shared = redisWindowCounter({ prefix: 'clinik-budget-test:', sendCommand: (...args: string[]) => client.sendCommand(args) });
      const counter: WindowCounter = {
        add: (key, amount, windowMs) => {
          const count = Promise.resolve(shared.add(key, amount, windowMs));
          counting.push(count);
          return count;
        },
      };
      return {
        upstream: upstream.url,
        session: (req: Request) => (req.get('x-user') ? session(req) : null),
        budget: { perMinute: 20, staffRoles: ['clinician'], shares: { patient: 0.5 }, perUserShare: 0.25, store: counter },
        anonymousLimit: { limit: 3, store: counter },
      };
    };
    const first = await proxyApp(await options());
    const second = await proxyApp(await options());
    const statuses = async (user: string, role: string, count: number) => {
      const seen: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const url = i % 2 ? second.url : first.url;
        seen.push((await fetch(`${url}/api/clinik/patients`, { headers: { 'x-user': user, 'x-role': role } })).status);
      }
      return seen;
    };
    // 5 calls each for patients (a quarter of 20), 10 for all of them: across both instances, not per instance.
    expect(await statuses('pat-a', 'patient', 7)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(await statuses('pat-b', 'patient', 6)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses('pat-c', 'patient', 1)).toEqual([429]);
    // The clinician has the other 10 calls of the minute.
    expect(await statuses('doc', 'clinician', 11)).toEqual([...Array.from({ length: 10 }, () => 200), 429]);
    expect(upstream.requests).toHaveLength(20);

    const strangers: number[] = [];
    for (const url of [first.url, second.url, first.url, second.url, first.url, second.url]) {
      strangers.push((await fetch(`${url}/api/clinik/patients`)).status);
      await countsLanded();
    }
    // The fourth failure goes over the shared limit; each instance learns it from its own count of a failure, and
    // refuses from its next request on (the second had counted only two of its own).
    expect(strangers).toEqual([401, 401, 401, 401, 401, 429]);
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
