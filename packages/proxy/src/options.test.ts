import { describe, expect, it } from 'vitest';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';

const key = `clk_test_${'C'.repeat(32)}`;
const base: ClinikProxyOptions = { session: () => null, policy: () => true, apiKey: key };
const messageOf = (options: unknown, env: NodeJS.ProcessEnv = {}): string => {
  try {
    resolveOptions(options as ClinikProxyOptions, env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('resolveOptions', () => {
  it('names the bad option', () => {
    expect(messageOf(null)).toContain('option "options"');
    expect(messageOf({ policy: () => true, apiKey: key })).toContain('option "session"');
    expect(messageOf({ session: 'cookie', policy: () => true, apiKey: key })).toContain('option "session"');
    expect(messageOf({ session: () => null, apiKey: key })).toContain('option "policy"');
    expect(messageOf({ ...base, polciy: () => true })).toContain('option "polciy" is not an option');
    expect(messageOf({ ...base, upstream: 'not a url' })).toContain('option "upstream.test"');
    expect(messageOf({ ...base, upstream: 42 })).toContain('option "upstream"');
    expect(messageOf({ ...base, bodyLimit: -1 })).toContain('option "bodyLimit"');
    expect(messageOf({ ...base, timeouts: { responseMs: 0 } })).toContain('option "timeouts.responseMs"');
    expect(messageOf({ ...base, csrf: 'yes' })).toContain('option "csrf"');
    expect(messageOf({ ...base, rateLimit: { limit: 0 } })).toContain('option "rateLimit.limit"');
    expect(messageOf({ ...base, cors: { origins: ['null'] } })).toContain('option "cors.origins"');
    expect(messageOf({ ...base, cors: { origins: ['https://*.example.com'] } })).toContain('option "cors.origins"');
    expect(messageOf({ ...base, logger: {} })).toContain('option "logger"');
  });

  it('never echoes a key in a start-up error', () => {
    const wrong = `sk_live_${'x'.repeat(30)}`;
    const message = messageOf({ ...base, apiKey: wrong });
    expect(message).toContain('option "apiKey"');
    expect(message).not.toContain(wrong);
  });

  it('applies the documented defaults', () => {
    const settings = resolveOptions({ session: () => null, policy: () => true }, { CLINIKAPI_SECRET_KEY: key });
    expect(settings).toMatchObject({ csrf: true, bodyLimit: 1024 * 1024, timeouts: { responseMs: 30_000, idleMs: 30_000 }, cors: undefined });
    expect(settings.rateLimiter).toBeTypeOf('function');
    expect(resolveOptions({ ...base, rateLimit: false }).rateLimiter).toBeUndefined();
  });
});
