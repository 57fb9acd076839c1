/**
 * Request bodies as Cliniko reads them: JSON only when the request says `Content-Type: application/json`; any other
 * body is treated as empty, so a create without the header fails validation with "can’t be blank", as Cliniko's
 * does. At most 1 MiB.
 */
import { readLimitedText } from '../../http/read-limited.ts';
import { ClinikoError } from '../errors.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The body's fields: an object, empty when there is no JSON body. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    await request.body?.cancel();
    return {};
  }
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  if (text === undefined) throw new ClinikoError(413, { message: 'Request body is larger than 1 MiB' });
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message would quote the body.
    throw new ClinikoError(400, { message: 'The request body is not valid JSON' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ClinikoError(400, { message: 'The request body must be a JSON object' });
  }
  return parsed as Record<string, unknown>;
}
