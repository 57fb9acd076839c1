/** `renderWithClient`: renders under a ClinikProvider with a fresh QueryClient that never retries. */
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ClinikProvider, type ClinikProviderProps } from '../provider/ClinikProvider.tsx';
import { TEST_PROXY_URL } from './emulator.ts';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

export function renderWithClient(
  ui: ReactElement,
  options: { queryClient?: QueryClient; provider?: Partial<ClinikProviderProps> } = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const result = render(
    <ClinikProvider proxyUrl={TEST_PROXY_URL} queryClient={queryClient} {...options.provider}>
      {ui}
    </ClinikProvider>,
  );
  return { ...result, queryClient };
}
