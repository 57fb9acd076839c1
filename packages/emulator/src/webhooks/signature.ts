/**
 * The headers of a delivery, signed as the guide describes: `X-Clinik-Signature` is HMAC-SHA256 (hex) of the raw
 * body; `X-Clinik-Signature-V2` is `t=<unix seconds>,v1=<hex>` over `<t>.<body>`, so a receiver can refuse a stale
 * replay. Web Crypto, so the browser build signs the same way.
 */
async function hmacHex(secret: string, text: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
  return [...signature].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface DeliveryHeaderInput {
  readonly secret: string;
  readonly body: string;
  readonly event: string;
  readonly deliveryId: string;
  /** Send time in epoch milliseconds; each attempt is signed afresh. */
  readonly now: number;
}

export async function deliveryHeaders(input: DeliveryHeaderInput): Promise<Record<string, string>> {
  const timestamp = Math.floor(input.now / 1000);
  const [v1, v2] = await Promise.all([hmacHex(input.secret, input.body), hmacHex(input.secret, `${timestamp}.${input.body}`)]);
  return {
    'content-type': 'application/json',
    'user-agent': 'ClinikAPI-Webhooks/1.0 (emulator)',
    'x-clinik-signature': v1,
    'x-clinik-signature-v2': `t=${timestamp},v1=${v2}`,
    'x-clinik-timestamp': String(timestamp),
    'x-clinik-event': input.event,
    'x-clinik-delivery-id': input.deliveryId,
  };
}
