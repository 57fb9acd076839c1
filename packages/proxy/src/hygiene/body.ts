/**
 * Request bodies: at most `limit` bytes of JSON, parsed once, whether or not the host app ran `express.json()` (or
 * `express.raw()`/`express.text()`) earlier in the chain. The policy decides on the parsed value and the upstream
 * receives that same value re-serialised, so a body can never mean one thing to the policy and another upstream
 * (duplicate keys, odd encodings) and is always framed with a correct Content-Length.
 */
import type { Request } from 'express';
import { ProxyError } from '../errors.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Deeper than any FHIR resource; bounds the work of every walk over the body. */
const MAX_DEPTH = 64;
const JSON_TYPES = ['application/json', 'application/json-patch+json', 'application/merge-patch+json', 'application/fhir+json'];

export interface JsonBody {
  readonly value: unknown;
  /** The media type the upstream should be told (without parameters). */
  readonly contentType: string;
}

type MaybeParsed = Request & { body?: unknown };

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** True when something earlier in the chain has already read the request stream. */
function alreadyConsumed(req: Request): boolean {
  return req.readableEnded || (req.complete && !req.readable);
}

function mediaType(req: Request): { type: string; charset: string | undefined } {
  const header = req.headers['content-type'] ?? '';
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = params
    .find((param) => param.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return { type, charset };
}

function tooLarge(): ProxyError {
  return new ProxyError('PAYLOAD_TOO_LARGE', 'The request body is larger than the proxy accepts', {
    headers: { connection: 'close' },
    reason: 'body:too-large',
  });
}

async function readStream(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ProxyError) throw error;
    throw new ProxyError('BAD_REQUEST', 'The request body could not be read', { reason: 'body:client-aborted' });
  }
  return Buffer.concat(chunks, size);
}

function parse(text: string): unknown {
  if (text.trim() === '') throw new ProxyError('BAD_REQUEST', 'A JSON body is required', { reason: 'body:empty' });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProxyError('INVALID_JSON', 'The request body is not valid JSON', { reason: 'body:invalid-json' });
  }
}

/**
 * Refuses values nested deeper than MAX_DEPTH, without recursion (so the check itself cannot overflow), and freezes
 * every object on the way: what the policy checked is what is sent, even if a policy tries to edit it.
 */
function assertDepthAndFreeze(value: unknown): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth > MAX_DEPTH) throw new ProxyError('BAD_REQUEST', 'The request body is nested too deeply', { reason: 'body:too-deep' });
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
    Object.freeze(current);
  }
}

/** GET and DELETE must not carry a body: one would be a smuggling vector, and the API ignores it anyway. */
export function refuseBody(req: Request): undefined {
  if (hasBody(req)) throw new ProxyError('BAD_REQUEST', `A ${req.method} request must not have a body`, { reason: 'body:unexpected' });
  return undefined;
}

/**
 * The JSON body of a POST or PATCH (GET and DELETE: see `refuseBody`).
 * Errors: 400 (no body, nesting), 400 INVALID_JSON, 413, 415.
 */
export async function readJsonBody(req: Request, limit: number): Promise<JsonBody | undefined> {
  if (req.method === 'GET' || req.method === 'DELETE') return refuseBody(req);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    throw new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'Compressed request bodies are not accepted', { reason: 'body:encoding' });
  }
  const { type, charset } = mediaType(req);
  if (!JSON_TYPES.includes(type) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON (UTF-8)', { reason: 'body:media-type' });
  }
  const contentType = type === 'application/fhir+json' ? 'application/json' : type;

  let value: unknown;
  if (alreadyConsumed(req)) {
    // Re-frame what a body parser earlier in the chain left behind, in whichever form it left it.
    const parsed = (req as MaybeParsed).body;
    if (Buffer.isBuffer(parsed)) {
      if (parsed.length > limit) throw tooLarge();
      value = parse(parsed.toString('utf8'));
    } else if (typeof parsed === 'string') {
      if (Buffer.byteLength(parsed) > limit) throw tooLarge();
      value = parse(parsed);
    } else if (parsed === undefined) {
      throw new ProxyError('BAD_REQUEST', 'A JSON body is required', { reason: 'body:empty' });
    } else {
      // A copy: the host app's req.body stays the app's, and the frozen value is the proxy's.
      const text = JSON.stringify(parsed);
      if (Buffer.byteLength(text) > limit) throw tooLarge();
      value = JSON.parse(text) as unknown;
    }
  } else {
    value = parse((await readStream(req, limit)).toString('utf8'));
  }
  assertDepthAndFreeze(value);
  return { value, contentType };
}
