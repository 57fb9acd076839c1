/** Writes a Cliniko error as the response Cliniko would send: plain text, a JSON body, or nothing. */
import type { ClinikoError } from '../errors.ts';

/** Turns an error into the response Cliniko would send. */
export function errorResponse(error: ClinikoError): Response {
  const headers = new Headers(error.headers);
  if (error.body === null) return new Response(null, { status: error.status, headers });
  if (typeof error.body === 'string') {
    headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(error.body, { status: error.status, headers });
  }
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(error.body), { status: error.status, headers });
}
