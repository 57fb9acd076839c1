/**
 * A ready-to-use Cliniko shard in memory — the demo clinic seeded, a key for its administrator — plus what the proxy
 * does to Cliniko's answers (`upstreams.cliniko()`), for environments that have no server (Storybook, component
 * tests): `<mount>/patients` is sent to `/v1/patients` with the key and a User-Agent; every absolute link in the
 * answer points back at the mount; errors come back in the proxy's envelope (Cliniko's `errors` map as issues, 429
 * with `Retry-After`, a refused key as 502). Staff-level only: the patient compartment is the real proxy's job.
 */
import { clinikoErrorIssues, ERROR_CODES, errorBody, errorCodeOfStatus } from '@clinikapi/core';
import { createClinikoEmulator, type ClinikoBehaviour, type ClinikoEmulator } from './emulator.ts';
import type { ClinikoSeedSummary } from './seed/clinic.ts';
import { createClinikoMemoryStore } from './store/memory-store.ts';

export interface BrowserClinikoEmulator {
  readonly emulator: ClinikoEmulator;
  /** The seeded clinic's ids. Its administrator's key stays inside: `handleProxyRequest` attaches it, as a proxy does. */
  readonly seeded: ClinikoSeedSummary;
  /** Answers a request aimed at the proxy mount (e.g. `/api/cliniko/patients?page=2`) as the proxy would. */
  handleProxyRequest(request: Request, mount: string): Promise<Response>;
}

export interface BrowserClinikoEmulatorOptions {
  /** Default `au1`. */
  readonly shard?: string;
  readonly now?: () => number;
  readonly behaviour?: Partial<ClinikoBehaviour>;
}

const ORIGIN = 'http://cliniko.emulator.local';
const USER_AGENT = 'ClinikAPI browser emulator (dev@clinikapi.local)';

async function envelopeOf(response: Response, now: number): Promise<Response> {
  // A 401 means the proxy's key was refused: the proxy says its upstream is unavailable, never "signed out".
  const code = response.status >= 500 || response.status === 401 ? 'UPSTREAM_UNAVAILABLE' : errorCodeOfStatus(response.status);
  const text = await response.text();
  const parsed: unknown = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
  const requestId = `req_${Math.random().toString(36).slice(2, 14)}`;
  const headers = new Headers({ 'content-type': 'application/json' });
  if (code === 'RATE_LIMITED') {
    // Cliniko's reset is a Unix time; the proxy turns it into seconds to wait.
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    headers.set('retry-after', String(Number.isFinite(reset) && reset > 0 ? Math.max(0, Math.ceil(reset - now / 1000)) : 60));
  }
  const body = errorBody(code, requestId, clinikoErrorIssues(parsed));
  // The status is the code's own, as the proxy sends it (a 410 is a 404).
  return new Response(JSON.stringify(body), { status: ERROR_CODES[code].status, headers });
}

export async function createBrowserClinikoEmulator(options: BrowserClinikoEmulatorOptions = {}): Promise<BrowserClinikoEmulator> {
  const emulator = createClinikoEmulator({
    store: createClinikoMemoryStore(),
    shard: options.shard ?? 'au1',
    ...(options.now ? { now: options.now } : {}),
    ...(options.behaviour ? { behaviour: options.behaviour } : {}),
  });
  const seeded = await emulator.admin.seed();
  const { key } = await emulator.admin.createKey({ userId: seeded.userIds.administrator });
  const authorization = `Basic ${btoa(`${key}:`)}`;

  return {
    emulator,
    seeded,
    async handleProxyRequest(request, mount) {
      const url = new URL(request.url);
      const path = url.pathname.startsWith(mount) ? url.pathname.slice(mount.length) : url.pathname;
      const headers = new Headers({ authorization, 'user-agent': USER_AGENT, accept: 'application/json' });
      const contentType = request.headers.get('content-type');
      if (contentType) headers.set('content-type', contentType);
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const upstream = new Request(`${ORIGIN}/v1${path}${url.search}`, {
        method: request.method,
        headers,
        ...(hasBody ? { body: await request.arrayBuffer() } : {}),
      });
      // A browser leaves User-Agent out of a Request it builds (to it, a header only it may set); Cliniko requires
      // one, so the emulator is handed the headers as a proxy sends them.
      if (!upstream.headers.has('user-agent')) Object.defineProperty(upstream, 'headers', { value: headers });
      const response = await emulator.fetch(upstream);
      if (!response.ok) return envelopeOf(response, emulator.now());
      if (response.status === 204) return new Response(null, { status: 204 });
      // Every link the emulator writes starts with the base it was called on: point them all at the mount.
      const text = (await response.text()).replaceAll(`${ORIGIN}/v1`, mount);
      const answer = new Headers({ 'content-type': 'application/json' });
      const location = response.headers.get('location');
      if (location) answer.set('location', location.replace(`${ORIGIN}/v1`, mount));
      return new Response(text, { status: response.status, headers: answer });
    },
  };
}
