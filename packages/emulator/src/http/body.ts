/** Reads a JSON request body with the 1 MiB limit, whether or not the client sent a Content-Length. */
import { ApiError } from '@clinikapi/core';
import { MAX_DEPTH, depthOf } from '../validation/depth.ts';
import { readLimitedText } from './read-limited.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readLimitedText(request, limit);
  if (text === undefined) throw new ApiError('PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
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
