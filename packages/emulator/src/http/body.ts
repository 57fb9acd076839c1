/** Reads a JSON request body with the 1 MiB limit, whether or not the client sent a Content-Length. */
import { ApiError } from './api-error.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw new ApiError('PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
  if (!request.body) throw new ApiError('INVALID_JSON', 'Request body is empty');

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw new ApiError('PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(concat(chunks, received));
  if (text.trim() === '') throw new ApiError('INVALID_JSON', 'Request body is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // The parser's message quotes the input, which may be PHI; say only where it broke.
    throw new ApiError('INVALID_JSON', 'Request body is not valid JSON');
  }
  if (depthOf(parsed) > MAX_DEPTH) throw new ApiError('BAD_REQUEST', `Request body is nested more than ${MAX_DEPTH} levels deep`);
  return parsed;
}

/** Deeper than any FHIR resource needs; it keeps recursive validation far from the stack limit. */
export const MAX_DEPTH = 64;

/** How deeply `value` nests, counted without recursion. */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
