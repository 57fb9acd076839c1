/**
 * Cliniko stories answer from the Cliniko emulator running in the page (the demo clinic, in memory) behind MSW at
 * the proxy mount, as `upstreams.cliniko()` would answer — the same backend the Cliniko component tests use. Each
 * story gets a fresh one, made on its first request, and a ClinikoProvider with a fresh cache.
 */
import { createBrowserClinikoEmulator, type BrowserClinikoEmulator, type BrowserClinikoEmulatorOptions } from '@clinikapi/emulator/browser';
import type { Decorator } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { http, type HttpHandler } from 'msw';
import { ClinikoProvider } from '../packages/react/src/cliniko/provider/ClinikoProvider.tsx';

export const STORY_CLINIKO_URL = '/api/cliniko';

/** MSW handlers that answer the Cliniko mount from a new shard; `shard()` hands it to a story's own handlers. */
export function clinikoHandlers(options: BrowserClinikoEmulatorOptions = {}): {
  handlers: HttpHandler[];
  shard: () => Promise<BrowserClinikoEmulator>;
} {
  let emulator: Promise<BrowserClinikoEmulator> | undefined;
  const shard = () => (emulator ??= createBrowserClinikoEmulator(options));
  return {
    shard,
    handlers: [http.all(`${STORY_CLINIKO_URL}/*`, async ({ request }) => (await shard()).handleProxyRequest(request, STORY_CLINIKO_URL))],
  };
}

/** A ClinikoProvider on the story mount, with a cache of its own that never retries. */
export const withCliniko: Decorator = (Story) => (
  <ClinikoProvider
    proxyUrl={STORY_CLINIKO_URL}
    queryClient={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}
  >
    <Story />
  </ClinikoProvider>
);

/** The proxy's error envelope, as a story's handler answers it. */
export const envelope = (code: string) => ({ error: code, code, requestId: 'req_story', issues: [] });
