import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { ProxyError } from '../errors.ts';
import { checkScope, createKeyProvider, keyFingerprint } from './api-key.ts';
import { upstreams } from './presets.ts';

const key = `clk_test_${'B'.repeat(32)}`;
const user = { id: 'u1' };
const req = {} as Request;
const config = upstreams.clinikapi({ shards: ['uk1'] });

describe('API keys', () => {
  it('prepares a static key once: upstream, headers, fingerprint of the canonical key', async () => {
    const provider = createKeyProvider(key, config, {});
    const prepared = await provider(user, req);
    expect(prepared.headers['x-api-key']).toBe(key);
    expect(prepared.upstream.environment).toBe('test');
    expect(prepared.fingerprint).toBe(`kfp_${createHash('sha256').update(key).digest('hex').slice(0, 12)}`);
    expect(await provider(user, req)).toBe(prepared);
    // The shard suffix is routing, not identity: the same secret has the same fingerprint on every shard.
    expect((await createKeyProvider(`${key}-uk1`, config, {})(user, req)).fingerprint).toBe(prepared.fingerprint);
    expect(keyFingerprint(key)).not.toContain(key.slice(9, 20));
  });

  it('reads CLINIKAPI_SECRET_KEY and CLINIKAPI_KEY_SCOPES by default', async () => {
    const prepared = await createKeyProvider(undefined, config, { CLINIKAPI_SECRET_KEY: key, CLINIKAPI_KEY_SCOPES: 'read' })(user, req);
    expect([...prepared.scopes]).toEqual(['read']);
    expect(() => createKeyProvider(undefined, config, {})).toThrow('option "apiKey" is missing');
  });

  it('fails at start-up for an unusable static key, naming the problem and never the key', () => {
    for (const bad of [`sk_live_${'x'.repeat(30)}`, `${key}-ca1`]) {
      let message = '';
      try {
        createKeyProvider(bad, config, {});
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('option "apiKey"');
      expect(message).not.toContain(bad);
    }
    expect(() => createKeyProvider({ key, scopes: ['admin' as never] }, config, {})).toThrow('"apiKey.scopes"');
  });

  it('looks up a key per user, caches it, and turns a bad one into a 500 without the key', async () => {
    const keys: Record<string, string> = { a: key, b: `${key}-zz1` };
    let lookups = 0;
    const provider = createKeyProvider(
      (u) => {
        lookups += 1;
        return { key: keys[u.id] ?? '', scopes: ['read'] };
      },
      config,
      {},
    );
    const first = await provider({ id: 'a' }, req);
    expect(await provider({ id: 'a' }, req)).toBe(first);
    expect(lookups).toBe(2);
    let failure: ProxyError | undefined;
    try {
      await provider({ id: 'b' }, req);
    } catch (error) {
      failure = error as ProxyError;
    }
    expect(failure).toMatchObject({ status: 500, reason: 'key:shard' });
    expect(failure?.message).not.toContain(key);
  });

  it('enforces scopes before anything is sent', () => {
    expect(() => checkScope(new Set(['read']), 'POST')).toThrow(ProxyError);
    expect(() => checkScope(new Set(['read']), 'DELETE')).toThrow(/write scope/);
    expect(() => checkScope(new Set(['write']), 'GET')).toThrow(/read scope/);
    expect(() => checkScope(new Set(['read']), 'GET')).not.toThrow();
    expect(() => checkScope(new Set(['*']), 'PATCH')).not.toThrow();
  });
});
