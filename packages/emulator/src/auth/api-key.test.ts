import { parseClinikApiKey, parseClinikoKey } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { generateClinikoKey, parseClinikoKey as parsePresentedClinikoKey } from '../cliniko/auth/cliniko-key.ts';
import { generateApiKey, hashApiKey, keyHint, parseApiKey } from './api-key.ts';

describe('API keys', () => {
  it('generates keys of the documented form, with the shard suffix when issued by a shard', () => {
    expect(generateApiKey('test')).toMatch(/^clk_test_[A-Za-z0-9]{32}$/);
    expect(generateApiKey('live', 'uk1')).toMatch(/^clk_live_[A-Za-z0-9]{32}-uk1$/);
    expect(new Set(Array.from({ length: 50 }, () => generateApiKey('test'))).size).toBe(50);
  });

  it('parses the environment, the canonical key and the shard', () => {
    const key = generateApiKey('live', 'ca12');
    expect(parseApiKey(key)).toEqual({ environment: 'live', canonical: key.slice(0, -5), shard: 'ca12' });
    expect(parseApiKey(key.slice(0, -5))?.shard).toBeUndefined();
  });

  it.each([
    ['no prefix', 'abc'],
    ['unknown environment', `clk_prod_${'a'.repeat(32)}`],
    ['too short a secret', `clk_test_${'a'.repeat(10)}`],
    ['bad characters', `clk_test_${'a'.repeat(30)}!!`],
    ['malformed shard', `clk_test_${'a'.repeat(32)}-uk`],
    ['whitespace', ` clk_test_${'a'.repeat(32)}`],
  ])('refuses %s', (_label, raw) => {
    expect(parseApiKey(raw)).toBeUndefined();
  });

  it('hashes with SHA-256 and hints without revealing the secret', async () => {
    const key = `clk_test_${'A'.repeat(32)}`;
    expect(await hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashApiKey(key)).toBe(await hashApiKey(key));
    expect(await hashApiKey(key)).not.toBe(await hashApiKey(`${key.slice(0, -1)}B`));
    expect(keyHint(key)).toBe('clk_test_…AAAA');
  });

  it('issues and accepts exactly the format @clinikapi/core defines, the one the proxy routes by', () => {
    const issued = [generateApiKey('test'), generateApiKey('live', 'uk1')];
    for (const key of issued) expect(parseClinikApiKey(key)).toMatchObject({ ok: true, parts: parseApiKey(key) });
    const presented = [...issued, `${issued[0]}-UK1`, `${issued[0]}-u-k1`, `${issued[0]}x!`, issued[0]?.slice(0, 20), 'clk_test_'];
    for (const raw of presented as string[]) expect(parseApiKey(raw) !== undefined).toBe(parseClinikApiKey(raw).ok);
  });

  it('issues Cliniko keys in the format @clinikapi/core defines, and splits them as it does', () => {
    const key = generateClinikoKey('au2');
    expect(parseClinikoKey(key)).toEqual({ ok: true, parts: parsePresentedClinikoKey(key) });
    expect(parsePresentedClinikoKey(key)?.shard).toBe('au2');
  });
});
