/**
 * Backs component tests with the real emulator (in-memory store) instead of hand-written fixtures: the hooks are
 * tested against the same handler, validation and error envelopes the API uses.
 */
import { createBrowserEmulator, type BrowserEmulator } from '@clinikapi/emulator/browser';
import { http, type HttpHandler } from 'msw';
import { mswServer, TEST_PROXY_URL } from './msw-server.ts';

export { TEST_PROXY_URL };

/** A proxy-shaped MSW handler in front of `emulator`. */
export function proxyHandler(emulator: BrowserEmulator): HttpHandler {
  return http.all(`${TEST_PROXY_URL}/*`, ({ request }) => emulator.handleProxyRequest(request, TEST_PROXY_URL));
}

/** Starts a fresh emulator (seeded with the demo patients unless `seed: false`) and routes the proxy to it. */
export async function startTestEmulator(options: { seed?: boolean } = {}): Promise<BrowserEmulator> {
  const emulator = await createBrowserEmulator({ seed: options.seed ?? true });
  mswServer.use(proxyHandler(emulator));
  return emulator;
}
