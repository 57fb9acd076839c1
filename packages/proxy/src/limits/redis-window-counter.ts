/**
 * The window counter in Redis, for several proxy instances behind a load balancer: every instance adds to the same
 * counts. One script per call, so a window opens, counts and expires atomically whatever the other instances do.
 * It takes the same `sendCommand` as `rate-limit-redis`, so one client serves the per-user limit and these.
 */
import type { WindowCount, WindowCounter } from './window-counter.ts';

export interface RedisWindowCounterOptions {
  /** Sends one command, e.g. `(...args) => client.sendCommand(args)` (node-redis) or `(command, ...args) => client.call(command, ...args)` (ioredis). */
  readonly sendCommand: (...args: string[]) => PromiseLike<unknown>;
  /** Prefix of every key this counter writes. Default `clinik-proxy:`. */
  readonly prefix?: string;
}

// KEYS[1] the count; ARGV[1] the amount (negative: a give-back), ARGV[2] the window in ms. Answers { total, ms left }.
// A give-back never opens a window (the one it belonged to may have ended) and never takes a count below 0.
const SCRIPT = `
local amount = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then
  if amount <= 0 then return {0, window} end
  redis.call('SET', KEYS[1], amount, 'PX', window)
  return {amount, window}
end
if ttl == -1 then
  redis.call('PEXPIRE', KEYS[1], window)
  ttl = window
end
local total = redis.call('INCRBY', KEYS[1], amount)
if total < 0 then
  redis.call('SET', KEYS[1], 0, 'KEEPTTL')
  total = 0
end
return {total, ttl}
`;

function toCount(reply: unknown): WindowCount {
  const [total, left] = Array.isArray(reply) ? (reply as unknown[]).map(Number) : [];
  if (!Number.isFinite(total) || !Number.isFinite(left)) throw new Error('redisWindowCounter: unexpected reply from Redis');
  return { total: total as number, resetAt: Date.now() + (left as number) };
}

/** A `WindowCounter` in Redis. Create it once and pass it to `budget`, `anonymousLimit` and `patientWrites` as `store`. */
export function redisWindowCounter(options: RedisWindowCounterOptions): WindowCounter {
  if (typeof options?.sendCommand !== 'function')
    throw new TypeError('redisWindowCounter: "sendCommand" must be a function, e.g. (...args) => client.sendCommand(args)');
  const prefix = options.prefix ?? 'clinik-proxy:';
  if (typeof prefix !== 'string') throw new TypeError('redisWindowCounter: "prefix" must be a string');
  return {
    add: (key, amount, windowMs) =>
      Promise.resolve(options.sendCommand('EVAL', SCRIPT, '1', `${prefix}${key}`, String(amount), String(windowMs))).then(toCount),
  };
}
