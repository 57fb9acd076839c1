import { parseClinikApiKey, parseClinikoKey } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { resolveUpstream, upstreams } from './presets.ts';
import { KeyRoutingError } from './resolve-upstream.ts';

const secret = 'A'.repeat(32);
const testKey = `clk_test_${secret}`;
const liveKey = `clk_live_${secret}`;

function routingError(run: () => unknown): KeyRoutingError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KeyRoutingError);
    return error as KeyRoutingError;
  }
  throw new Error('expected a throw');
}

describe('resolveUpstream (ClinikAPI)', () => {
  it('routes test and live keys to the default base URL', () => {
    expect(resolveUpstream(testKey)).toEqual({ origin: 'https://api.clinikapi.com', basePath: '', environment: 'test', shard: undefined });
    expect(resolveUpstream(liveKey)).toMatchObject({ origin: 'https://api.clinikapi.com', environment: 'live' });
  });

  it('uses the per-environment overrides', () => {
    const config = upstreams.clinikapi({ test: 'http://127.0.0.1:4010/', live: 'https://eu.api.example/base/' });
    expect(resolveUpstream(testKey, config)).toMatchObject({ origin: 'http://127.0.0.1:4010', basePath: '' });
    expect(resolveUpstream(liveKey, config)).toMatchObject({ origin: 'https://eu.api.example', basePath: '/base' });
  });

  it('routes a shard suffix to its host from the template, only for configured shards', () => {
    const config = upstreams.clinikapi({ shards: ['uk1', 'au12'] });
    expect(resolveUpstream(`${liveKey}-uk1`, config)).toMatchObject({
      origin: 'https://api.uk1.clinikapi.com',
      shard: 'uk1',
      environment: 'live',
    });
    expect(resolveUpstream(`${testKey}-au12`, config)).toMatchObject({ origin: 'https://api.au12.clinikapi.com', shard: 'au12' });
    expect(routingError(() => resolveUpstream(`${liveKey}-ca1`, config)).problem).toBe('shard');
    expect(routingError(() => resolveUpstream(`${liveKey}-uk1`)).problem).toBe('shard');
  });

  it.each([
    [`sk_live_${secret}`, 'prefix'],
    [`clk_prod_${secret}`, 'prefix'],
    ['', 'prefix'],
    [`clk_test_${'A'.repeat(8)}`, 'format'],
    [`${testKey}-UK1`, 'format'],
    [`${testKey}-uk123`, 'format'],
    [`${testKey}-u1`, 'format'],
    [`${testKey}-uk1-au1`, 'format'],
    [`${testKey} `, 'format'],
  ])('refuses %s as a %s problem without echoing the key', (key, problem) => {
    const error = routingError(() => resolveUpstream(key, upstreams.clinikapi({ shards: ['uk1'] })));
    expect(error.problem).toBe(problem);
    if (key !== '') expect(error.message).not.toContain(key.slice(0, 14));
  });

  it('validates the configuration at creation, naming the option', () => {
    expect(() => upstreams.clinikapi({ live: 'http://api.example.com' })).toThrow(/"upstream.live" must use https/);
    expect(() => upstreams.clinikapi({ test: 'https://user:pw@api.example.com' })).toThrow(/"upstream.test"/);
    expect(() => upstreams.clinikapi({ shards: ['UK1'] })).toThrow(/"upstream.shards"/);
    expect(() => upstreams.clinikapi({ shards: ['uk1'], shardUrl: 'not a url {shard}' })).toThrow(/"upstream.shardUrl"/);
  });
});

describe('resolveUpstream (Cliniko)', () => {
  const cliniko = upstreams.cliniko({ userAgent: 'Acme Clinic (dev@acme.example)' });
  const body = 'MS0xLWl4SzYYzQ';

  it('knows every shard Cliniko lists today, and nothing else', () => {
    const shards = cliniko.targets.map((target) => target.shard);
    expect(shards).toEqual(['au1', 'au2', 'au3', 'au4', 'ca1', 'eu1', 'uk1', 'uk2', 'uk3']);
    for (const shard of shards) expect(resolveUpstream(`${body}-${shard}`, cliniko).origin).toBe(`https://api.${shard}.cliniko.com`);
  });

  it('routes by shard suffix, and keys without one to au1', () => {
    expect(resolveUpstream(`${body}-uk1`, cliniko)).toEqual({
      origin: 'https://api.uk1.cliniko.com',
      basePath: '',
      environment: undefined,
      shard: 'uk1',
    });
    expect(resolveUpstream(body, cliniko)).toMatchObject({ origin: 'https://api.au1.cliniko.com', shard: 'au1' });
    expect(routingError(() => resolveUpstream(`${body}-zz9`, cliniko)).problem).toBe('shard');
    expect(routingError(() => resolveUpstream(`${body}-us1`, cliniko)).problem).toBe('shard');
    expect(routingError(() => resolveUpstream(`${body}-AU2`, cliniko)).problem).toBe('format');
    expect(routingError(() => resolveUpstream(`${body}-u-k1`, cliniko)).problem).toBe('format');
  });

  it('authenticates with Basic base64(key + ":") and the required User-Agent', () => {
    expect(cliniko.authHeaders(`${body}-uk1`)).toEqual({
      authorization: `Basic ${Buffer.from(`${body}-uk1:`).toString('base64')}`,
      'user-agent': 'Acme Clinic (dev@acme.example)',
    });
    expect(() => upstreams.cliniko({} as never)).toThrow(/userAgent/);
    expect(() => upstreams.cliniko({ userAgent: 'x\r\ny' })).toThrow(/userAgent/);
    expect(() => upstreams.cliniko({ userAgent: 'Acme', defaultShard: 'us1' })).toThrow(/defaultShard/);
    expect(() => upstreams.cliniko({ userAgent: 'Acme', shards: ['uk1'], defaultShard: 'eu1' })).toThrow(/defaultShard/);
  });
});

describe('resolveUpstream and @clinikapi/core agree on the key formats', () => {
  const bodies = [secret, `${secret}-uk1`, `${secret}-UK1`, `${secret}-u-k1`, `${secret}-`, `${secret}!`, 'short', `${secret}:x`];
  const routes = (key: string, config: Parameters<typeof resolveUpstream>[1]): boolean => {
    try {
      resolveUpstream(key, config);
      return true;
    } catch {
      return false;
    }
  };

  it.each(bodies)('a ClinikAPI key with body %s is routed exactly when core parses it', (body) => {
    const key = `clk_live_${body}`;
    expect(routes(key, upstreams.clinikapi({ shards: ['uk1'] }))).toBe(parseClinikApiKey(key).ok);
  });

  it.each(bodies)('a Cliniko key %s is routed exactly when core parses it', (key) => {
    const config = upstreams.cliniko({ userAgent: 'Test (dev@example.org)', shards: ['uk1', 'au1'] });
    expect(routes(key, config)).toBe(parseClinikoKey(key).ok);
  });
});
