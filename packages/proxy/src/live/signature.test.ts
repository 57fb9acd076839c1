import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyDelivery, type VerifyOptions } from './signature.ts';

const secret = 'whsec_test_secret_0123456789';
const now = Date.parse('2025-06-01T12:00:00Z');
const t = Math.floor(now / 1000);
const body = Buffer.from(JSON.stringify({ id: 'evt_1', event: 'patient.created', timestamp: new Date(now).toISOString(), data: {} }));
const hex = (key: string, text: string | Buffer) => createHmac('sha256', key).update(text).digest('hex');
const v2 = (at: number, key = secret, signed: Buffer = body) => `t=${at},v1=${hex(key, `${at}.${signed.toString('utf8')}`)}`;
const strict: VerifyOptions = { secret, strict: true, toleranceSeconds: 300, now };

describe('webhook signatures', () => {
  it('accepts a fresh V2 signature of the raw body', () => {
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': v2(t) }, strict)).toEqual({ ok: true, scheme: 'v2' });
    // At the edges of the tolerance, either way.
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': v2(t - 300) }, strict).ok).toBe(true);
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': v2(t + 300) }, strict).ok).toBe(true);
  });

  it('refuses another secret, another body, a re-serialised body, and a signature moved to another time', () => {
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': v2(t, 'whsec_someone_else_entirely') }, strict)).toEqual({
      ok: false,
      reason: 'signature:mismatch',
    });
    const tampered = Buffer.from(body.toString().replace('patient.created', 'patient.deleted'));
    expect(verifyDelivery(tampered, { 'x-clinik-signature-v2': v2(t) }, strict)).toEqual({ ok: false, reason: 'signature:mismatch' });
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    expect(verifyDelivery(reformatted, { 'x-clinik-signature-v2': v2(t) }, strict)).toEqual({ ok: false, reason: 'signature:mismatch' });
    const moved = v2(t - 1000).replace(`t=${t - 1000}`, `t=${t}`);
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': moved }, strict)).toEqual({ ok: false, reason: 'signature:mismatch' });
  });

  it('refuses a correctly signed delivery older or newer than the tolerance: a replay', () => {
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': v2(t - 301) }, strict)).toEqual({ ok: false, reason: 'signature:stale' });
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': v2(t + 301) }, strict)).toEqual({ ok: false, reason: 'signature:stale' });
  });

  it('refuses malformed headers without throwing, whatever their length', () => {
    const good = hex(secret, `${t}.${body.toString()}`);
    for (const header of [
      '',
      'garbage',
      `t=${t}`,
      `v1=${good}`,
      `t=abc,v1=${good}`,
      `t=${t},v1=${good.slice(1)}`,
      `t=${t},v1=${good}00`,
      `t=${t},v1=${'Z'.repeat(64)}`,
      `t=${t},t=${t},v1=${good}`,
      `t=${t},=x,v1=${good}`,
      'x'.repeat(10_000),
    ]) {
      expect(verifyDelivery(body, { 'x-clinik-signature-v2': header }, strict), header.slice(0, 40)).toEqual({
        ok: false,
        reason: 'signature:malformed',
      });
    }
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': ['a', 'b'] }, strict)).toEqual({ ok: false, reason: 'signature:missing' });
    expect(verifyDelivery(body, {}, strict)).toEqual({ ok: false, reason: 'signature:missing' });
  });

  it('accepts any of several v1 values (a secret being rotated), still comparing each', () => {
    const header = `t=${t},v1=${hex('whsec_old_secret_0123456', `${t}.${body.toString()}`)},v1=${hex(secret, `${t}.${body.toString()}`)}`;
    expect(verifyDelivery(body, { 'x-clinik-signature-v2': header }, strict).ok).toBe(true);
  });

  it('refuses the body-only V1 signature in strict mode; outside it, takes it when the signed payload time is fresh', () => {
    const headers = { 'x-clinik-signature': hex(secret, body) };
    expect(verifyDelivery(body, headers, strict)).toEqual({ ok: false, reason: 'signature:v1-refused' });
    const lenient = { ...strict, strict: false };
    expect(verifyDelivery(body, headers, lenient)).toEqual({ ok: true, scheme: 'v1' });
    expect(verifyDelivery(body, headers, { ...lenient, now: now + 301_000 })).toEqual({ ok: false, reason: 'signature:stale' });
    expect(verifyDelivery(body, { 'x-clinik-signature': hex('whsec_someone_else_entirely', body) }, lenient)).toEqual({
      ok: false,
      reason: 'signature:mismatch',
    });
    expect(verifyDelivery(body, { 'x-clinik-signature': 'abc' }, lenient)).toEqual({ ok: false, reason: 'signature:malformed' });
    // With both, V2 decides: a bad V2 is not rescued by a good V1.
    expect(verifyDelivery(body, { ...headers, 'x-clinik-signature-v2': v2(t - 1000) }, lenient)).toEqual({
      ok: false,
      reason: 'signature:stale',
    });
  });
});
