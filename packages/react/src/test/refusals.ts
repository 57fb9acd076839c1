/**
 * A proxy that refuses: MSW handlers answering like `@clinikapi/proxy` does when its policy says no (403, the error
 * envelope), and one answering its `GET /_access` with given grants. For the access tests and stories.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AccessGrants } from '../access/access.ts';
import { errorAnswer } from './error-answers.ts';
import { TEST_PROXY_URL } from './proxy-url.ts';

/** 403 for `method` on `<proxy>/<path>` (and `<path>/:id`), as the proxy refuses a call its policy denies. */
export function refusal(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, proxyUrl = TEST_PROXY_URL): HttpHandler[] {
  const forbidden = () => errorAnswer('FORBIDDEN', { requestId: 'req_refused', message: 'You do not have access to this' });
  const handler = { GET: http.get, POST: http.post, PATCH: http.patch, DELETE: http.delete }[method];
  return [handler(`${proxyUrl}/${path}`, forbidden), handler(`${proxyUrl}/${path}/:id`, forbidden)];
}

/** `GET <proxy>/_access` answering `grants`, as the proxy's access route does (every other path: none). */
export function accessAnswer(grants: AccessGrants, proxyUrl = TEST_PROXY_URL): HttpHandler {
  return http.get(`${proxyUrl}/_access`, () =>
    HttpResponse.json({ data: { resources: grants }, meta: { requestId: 'req_access', timestamp: new Date().toISOString(), status: 200 } }),
  );
}

/** What the demo's front desk may do: patients and appointments, practitioners to book with. */
export const FRONT_DESK: AccessGrants = {
  patients: ['search', 'read', 'create', 'update'],
  appointments: ['create', 'search', 'read', 'update', 'delete'],
  practitioners: ['search', 'read'],
};
