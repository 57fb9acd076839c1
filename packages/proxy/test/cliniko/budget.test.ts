/**
 * The upstream budget on Cliniko, shared through a real Redis by two proxy instances: with `budget` set and no
 * `perMinute`, a Cliniko key gets Cliniko's own limit — 200 calls a minute — so the proxies together stop the 201st
 * call themselves, and the shard (which counts 200 a minute per user, as Cliniko does) never has to answer 429.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../../scripts/test-services/index.ts';
import { redisWindowCounter } from '../../src/limits/redis-window-counter.ts';
import { roles } from '../../src/policy/roles.ts';
import { proxyApp, settled, type ProxyApp } from '../harness.ts';
import { asUser, clinikoUpstream, headerSession, startShard, type Shard } from './cliniko-harness.ts';

let redis: TestRedis;
let shard: Shard;
const clients: { quit(): Promise<unknown> }[] = [];
const apps: ProxyApp[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  // Cliniko's own limit, not the harness's lifted one.
  shard = await startShard('uk1', { requestsPerMinute: 200 });
  for (let instance = 0; instance < 2; instance += 1) {
    const client = createClient({ url: redis.url });
    await client.connect();
    clients.push(client);
    const store = redisWindowCounter({ prefix: 'cliniko-budget-test:', sendCommand: (...args: string[]) => client.sendCommand(args) });
    apps.push(
      await proxyApp({
        upstream: clinikoUpstream({ uk1: shard.running }),
        apiKey: shard.key,
        session: headerSession({ desk: { id: 'u-desk', roles: ['frontDesk'] } }),
        policy: roles({ frontDesk: ['users:read'] }),
        budget: { staffRoles: ['frontDesk'], store },
      }),
    );
  }
}, 60_000);
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await Promise.all(clients.map((client) => client.quit()));
  await shard?.running.stop();
  await redis?.stop();
});

describe('the budget of a Cliniko key', () => {
  it('spends 200 calls a minute across both instances, then answers 429 itself', async () => {
    const statuses: number[] = [];
    // Eight at a time, alternating instances: the counts must hold under concurrency too.
    for (let batch = 0; batch < 25; batch += 1) {
      const calls = Array.from({ length: 8 }, (_, index) => asUser(apps[(batch * 8 + index) % 2] as ProxyApp, 'desk')('/user'));
      statuses.push(...(await Promise.all(calls)).map((response) => response.status));
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(200);
    const refused = await asUser(apps[1] as ProxyApp, 'desk')('/user');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Each instance served 100; the refusal is the second's 101st request, and it never reached the shard.
    expect((await settled((apps[1] as ProxyApp).log, 101)).at(-1)).toMatchObject({
      status: 429,
      error: 'budget:key',
      upstream: { shard: 'uk1', status: null },
    });
    expect(shard.served.filter((line) => line.startsWith('GET /v1/user '))).toHaveLength(200);
    expect(shard.served.some((line) => / 429 /.test(line))).toBe(false);
  });
});
