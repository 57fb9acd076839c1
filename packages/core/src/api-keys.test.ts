import { describe, expect, it } from 'vitest';
import { clinikApiKeysIn, mentionsClinikApiKey, parseClinikApiKey, parseClinikoKey, SHARD_PATTERN } from './api-keys.ts';

// Keys are built at run time: no key-shaped literal is committed.
const prefix = (environment: string) => ['clk', environment, ''].join('_');
const secret = 'A1b2C3d4'.repeat(4);

describe('ClinikAPI keys', () => {
  it('splits a key into environment, secret, canonical form and shard', () => {
    expect(parseClinikApiKey(`${prefix('live')}${secret}-uk1`)).toEqual({
      ok: true,
      parts: { environment: 'live', secret, canonical: `${prefix('live')}${secret}`, shard: 'uk1' },
    });
    expect(parseClinikApiKey(`${prefix('test')}${secret}`)).toMatchObject({ ok: true, parts: { environment: 'test', shard: undefined } });
  });

  it.each([
    ['an unknown environment', `${prefix('prod')}${secret}`, 'prefix'],
    ['leading white space', ` ${prefix('test')}${secret}`, 'prefix'],
    ['a short secret', `${prefix('test')}${'a'.repeat(23)}`, 'format'],
    ['a long secret', `${prefix('test')}${'a'.repeat(65)}`, 'format'],
    ['a secret with punctuation', `${prefix('test')}${secret}!`, 'format'],
    ['two suffixes', `${prefix('test')}${secret}-u-k1`, 'format'],
    ['a suffix without digits', `${prefix('test')}${secret}-uk`, 'shard'],
    ['an upper-case suffix', `${prefix('test')}${secret}-UK1`, 'shard'],
    ['an empty suffix', `${prefix('test')}${secret}-`, 'shard'],
  ])('refuses %s, naming what is wrong', (_label, raw, fault) => {
    expect(parseClinikApiKey(raw)).toEqual({ ok: false, fault });
  });

  it('finds key-shaped runs inside text, also truncated ones, and only those', () => {
    const text = `a ${prefix('live')}${secret}-au2 and ${prefix('test')}${'x'.repeat(16)}; not clk_prod_${secret}`;
    expect(text.match(clinikApiKeysIn())).toEqual([`${prefix('live')}${secret}-au2`, `${prefix('test')}${'x'.repeat(16)}`]);
    expect(mentionsClinikApiKey(text)).toBe(true);
    expect(mentionsClinikApiKey('clk_prod_x')).toBe(false);
  });
});

describe('Cliniko keys', () => {
  it('splits a key into token and shard; a key without a suffix has none', () => {
    expect(parseClinikoKey(`${secret}-au2`)).toEqual({ ok: true, parts: { token: secret, shard: 'au2' } });
    expect(parseClinikoKey(secret)).toEqual({ ok: true, parts: { token: secret, shard: undefined } });
  });

  it.each([
    ['a short token', 'abc-au1', 'format'],
    ['a colon, which would break the Basic credential', `${secret}:x`, 'format'],
    ['two suffixes', `${secret}-u-k1`, 'format'],
    ['a malformed suffix', `${secret}-AU2`, 'shard'],
  ])('refuses %s', (_label, raw, fault) => {
    expect(parseClinikoKey(raw)).toEqual({ ok: false, fault });
  });
});

describe('shards', () => {
  it.each(['au1', 'uk12', 'ca1'])('takes %s', (shard) => expect(SHARD_PATTERN.test(shard)).toBe(true));
  it.each(['au', 'AU1', 'au123', 'a1', 'au-1'])('refuses %s', (shard) => expect(SHARD_PATTERN.test(shard)).toBe(false));
});
