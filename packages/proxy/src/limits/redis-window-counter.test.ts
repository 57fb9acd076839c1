import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../../../../scripts/test-services/index.ts';
import { redisWindowCounter } from './redis-window-counter.ts';
import { windowCounterContract } from '../../test/window-counter-contract.ts';

let redis: TestRedis;
let client: ReturnType<typeof createClient>;
let run = 0;

beforeAll(async () => {
  redis = await startTestRedis();
  client = createClient({ url: redis.url });
  await client.connect();
}, 30_000);
afterAll(async () => {
  await client?.quit();
  await redis?.stop();
});

const counter = () => {
  run += 1;
  return redisWindowCounter({ prefix: `test${run}:`, sendCommand: (...args: string[]) => client.sendCommand(args) });
};

describe('redisWindowCounter', () => {
  windowCounterContract(counter, (ms) => new Promise((resolve) => setTimeout(resolve, ms)));

  it('shares one count between counters on the same prefix, as two proxy instances would', async () => {
    const send = (...args: string[]) => client.sendCommand(args);
    const first = redisWindowCounter({ prefix: 'shared:', sendCommand: send });
    const second = redisWindowCounter({ prefix: 'shared:', sendCommand: send });
    await first.add('key', 3, 60_000);
    expect((await second.add('key', 2, 60_000)).total).toBe(5);
    expect(await client.pTTL('shared:key')).toBeGreaterThan(50_000);
  });

  it('names a bad option and fails on a reply it does not understand', async () => {
    expect(() => redisWindowCounter({} as never)).toThrow('"sendCommand"');
    const confused = redisWindowCounter({ sendCommand: async () => 'OK' });
    await expect(confused.add('a', 1, 1_000)).rejects.toThrow('unexpected reply');
  });
});
