/**
 * CSRF for cookie sessions. A browser attaches cookies to cross-site requests but cannot add a custom header to one
 * without a CORS preflight this proxy does not grant, so `X-CSRF: 1` on every state-changing request proves it came
 * from the app's own pages. Bearer tokens are not attached by the browser, so they need no such proof — which is why
 * `transport` must be how the *verified* credential travelled, as the session adapter found it: a request carrying
 * `Authorization: bearer …` next to the cookie that actually signed it in is a cookie request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isStateChanging } from '../call.ts';
import { ProxyError } from '../errors.ts';
import type { CredentialTransport } from '../request-context.ts';

/**
 * `requireHeader` is the `csrf` option: turning it off drops the header requirement, never the refusal of
 * `Origin: null` (sandboxed frames, data: URLs and some redirects: never the app's own pages).
 */
export function checkCsrf(method: string, headers: IncomingHttpHeaders, transport: CredentialTransport, requireHeader = true): void {
  if (!isStateChanging(method)) return;
  if (headers.origin === 'null') {
    throw new ProxyError('CSRF_REQUIRED', 'Requests from an opaque origin are refused', { reason: 'csrf:null-origin' });
  }
  if (!requireHeader || transport === 'bearer') return;
  if (headers['x-csrf'] !== '1') {
    throw new ProxyError('CSRF_REQUIRED', 'State-changing requests need the X-CSRF: 1 header', { reason: 'csrf:missing-header' });
  }
}
