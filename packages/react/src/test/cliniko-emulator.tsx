/**
 * Backs the Cliniko component tests with the Cliniko emulator in memory (the demo clinic, seeded), behind MSW at
 * the proxy mount, answering as `upstreams.cliniko()` would: links on the mount, errors in the proxy's envelope.
 */
import { createBrowserClinikoEmulator, type BrowserClinikoEmulator, type BrowserClinikoEmulatorOptions } from '@clinikapi/emulator/browser';
import type { QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderHookResult, type RenderResult } from '@testing-library/react';
import { http } from 'msw';
import type { ReactElement, ReactNode } from 'react';
import { ClinikoProvider, type ClinikoProviderProps } from '../cliniko/provider/ClinikoProvider.tsx';
import { mswServer } from './msw-server.ts';
import { createTestQueryClient } from './render.tsx';

/** Where the tests' ClinikoProvider mounts the proxy. */
export const TEST_CLINIKO_URL = '/api/cliniko';

/** Thursday 6 March 2025, 09:00 in Melbourne (UTC+11): the seeded clinic's day has just begun. */
export const CLINIKO_NOW = Date.parse('2025-03-05T22:00:00Z');

/** A fresh seeded shard on the pinned clock (unless told otherwise), answering the mount. */
export async function startTestClinikoEmulator(options: BrowserClinikoEmulatorOptions = {}): Promise<BrowserClinikoEmulator> {
  const emulator = await createBrowserClinikoEmulator({ now: () => CLINIKO_NOW, ...options });
  mswServer.use(http.all(`${TEST_CLINIKO_URL}/*`, ({ request }) => emulator.handleProxyRequest(request, TEST_CLINIKO_URL)));
  return emulator;
}

/** Calls the shard as another client of the proxy would (to seed, and to check what the widgets did). */
export async function clinikoCall<T>(emulator: BrowserClinikoEmulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await emulator.handleProxyRequest(
    new Request(`http://localhost${TEST_CLINIKO_URL}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    TEST_CLINIKO_URL,
  );
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function wrapperFor(queryClient: QueryClient, provider: Partial<ClinikoProviderProps> = {}) {
  return function Wrapper({ children }: { children?: ReactNode }): ReactNode {
    return (
      <ClinikoProvider proxyUrl={TEST_CLINIKO_URL} queryClient={queryClient} {...provider}>
        {children}
      </ClinikoProvider>
    );
  };
}

export interface ClinikoRenderOptions {
  readonly queryClient?: QueryClient;
  readonly provider?: Partial<ClinikoProviderProps>;
}

export function renderWithCliniko(ui: ReactElement, options: ClinikoRenderOptions = {}): RenderResult & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  return Object.assign(render(ui, { wrapper: wrapperFor(queryClient, options.provider) }), { queryClient });
}

export function renderHookWithCliniko<Result>(
  hook: () => Result,
  options: ClinikoRenderOptions = {},
): RenderHookResult<Result, unknown> & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  return Object.assign(renderHook(hook, { wrapper: wrapperFor(queryClient, options.provider) }), { queryClient });
}
