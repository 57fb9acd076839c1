/**
 * Is this delivery from ClinikAPI, and fresh? `X-Clinik-Signature-V2: t=<unix>,v1=<hex>` is HMAC-SHA256 over
 * `<t>.<raw body>`: the time is signed, so a delivery older than the tolerance (or from the future) is refused even
 * when its signature is right. `X-Clinik-Signature` signs the body alone; it is accepted only outside strict mode,
 * and then the payload's own (signed) `timestamp` must be fresh instead. Every comparison is constant-time on
 * buffers of equal length — the header is the sender's, so a malformed one is refused, never thrown on.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface VerifyOptions {
  readonly secret: string;
  readonly strict: boolean;
  readonly toleranceSeconds: number;
  readonly now: number;
}

export type Verdict =
  | { readonly ok: true; readonly scheme: 'v2' | 'v1' }
  | {
      readonly ok: false;
      readonly reason: 'signature:missing' | 'signature:malformed' | 'signature:mismatch' | 'signature:stale' | 'signature:v1-refused';
    };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function sameHex(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

const hmac = (secret: string, ...parts: (string | Buffer)[]): string => {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest('hex');
};

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const fresh = (seconds: number, options: VerifyOptions): boolean =>
  Math.abs(Math.floor(options.now / 1000) - seconds) <= options.toleranceSeconds;

/** `t=…,v1=…` with exactly one whole-second time and at least one 64-digit signature (any may match: key rotation). */
function parseV2(header: string): { t: number; signatures: string[] } | undefined {
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (at <= 0) return undefined;
    if (name === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      t = Number(value);
    } else if (name === 'v1') {
      if (!HEX_SHA256.test(value)) return undefined;
      signatures.push(value);
    }
  }
  return t === undefined || signatures.length === 0 ? undefined : { t, signatures };
}

/** The payload's signed `timestamp`, in unix seconds, for a V1-only delivery. */
function payloadSeconds(body: Buffer): number | undefined {
  try {
    const timestamp = (JSON.parse(body.toString('utf8')) as { timestamp?: unknown }).timestamp;
    const ms = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
    return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
  } catch {
    return undefined;
  }
}

export function verifyDelivery(body: Buffer, headers: IncomingHttpHeaders, options: VerifyOptions): Verdict {
  const v2 = single(headers['x-clinik-signature-v2']);
  if (v2 !== undefined) {
    const parsed = parseV2(v2);
    if (!parsed) return { ok: false, reason: 'signature:malformed' };
    const expected = hmac(options.secret, `${parsed.t}.`, body);
    // Every candidate is compared, so the time taken does not say which one matched.
    let matched = false;
    for (const signature of parsed.signatures) matched = sameHex(signature, expected) || matched;
    if (!matched) return { ok: false, reason: 'signature:mismatch' };
    return fresh(parsed.t, options) ? { ok: true, scheme: 'v2' } : { ok: false, reason: 'signature:stale' };
  }
  const v1 = single(headers['x-clinik-signature']);
  if (v1 === undefined) return { ok: false, reason: 'signature:missing' };
  if (options.strict) return { ok: false, reason: 'signature:v1-refused' };
  if (!HEX_SHA256.test(v1)) return { ok: false, reason: 'signature:malformed' };
  if (!sameHex(v1, hmac(options.secret, body))) return { ok: false, reason: 'signature:mismatch' };
  const seconds = payloadSeconds(body);
  return seconds !== undefined && fresh(seconds, options) ? { ok: true, scheme: 'v1' } : { ok: false, reason: 'signature:stale' };
}
