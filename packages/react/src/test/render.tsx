/** `renderWithClient` and `renderHookWithClient`: render under a ClinikProvider with a fresh QueryClient that never retries. */
import { QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderHookOptions, type RenderHookResult, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { ClinikProvider, type ClinikProviderProps } from '../provider/ClinikProvider.tsx';
import { TEST_PROXY_URL } from './msw-server.ts';

/** A fresh cache per test; `retry: false` also tells the provider to leave its retry policy out. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

export interface RenderOptions {
  readonly queryClient?: QueryClient;
  readonly provider?: Partial<ClinikProviderProps>;
}

function wrapperFor(queryClient: QueryClient, provider: Partial<ClinikProviderProps> | undefined) {
  return function Wrapper({ children }: { children?: ReactNode }): ReactNode {
    return (
      <ClinikProvider proxyUrl={TEST_PROXY_URL} queryClient={queryClient} {...provider}>
        {children}
      </ClinikProvider>
    );
  };
}

export function renderWithClient(ui: ReactElement, options: RenderOptions = {}): RenderResult & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  return Object.assign(render(ui, { wrapper: wrapperFor(queryClient, options.provider) }), { queryClient });
}

export function renderHookWithClient<Result, Props>(
  hook: (props: Props) => Result,
  options: RenderOptions & { readonly initialProps?: Props } = {},
): RenderHookResult<Result, Props> & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const hookOptions: RenderHookOptions<Props> = { wrapper: wrapperFor(queryClient, options.provider) };
  if (options.initialProps !== undefined) hookOptions.initialProps = options.initialProps;
  return Object.assign(renderHook(hook, hookOptions), { queryClient });
}
