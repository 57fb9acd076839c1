/**
 * Reads a request body as text up to a byte limit, whether or not the client sent a Content-Length: the one reader
 * under both APIs' body parsers (`body.ts` here, `cliniko/http/body.ts`), which differ only in what they answer.
 */

/** The body as UTF-8 text (`''` when there is none), or `undefined` as soon as it is known to exceed `limit` bytes. */
export async function readLimitedText(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) {
    await request.body?.cancel();
    return undefined;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
