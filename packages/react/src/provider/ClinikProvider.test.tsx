import { QueryClient } from '@tanstack/react-query';
import { render, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clinikRetryPolicy } from '../client/retry.ts';
import { usePatient } from '../hooks/resources/patients.ts';
import { useSearch } from '../hooks/useSearch.ts';
import { mswServer, TEST_PROXY_URL } from '../test/msw-server.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { ClinikProvider } from './ClinikProvider.tsx';
import { useClinikClient, useErrorMessage, useLocale, useMessages } from './context.ts';

describe('ClinikProvider', () => {
  afterEach(() => vi.restoreAllMocks());

  it('throws at render, with the rule, for a proxyUrl on another site', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<ClinikProvider proxyUrl="https://evil.example/api">x</ClinikProvider>)).toThrow(
      'ClinikProvider: proxyUrl must be a path on this site, e.g. "/api/clinik", or a URL of this origin; got "https://evil.example/api"',
    );
  });

  it('accepts a URL with this page’s origin', () => {
    const { result } = renderHook(() => useClinikClient(), {
      wrapper: ({ children }) => <ClinikProvider proxyUrl={`${location.origin}/api/clinik/`}>{children}</ClinikProvider>,
    });
    expect(result.current.proxyUrl).toBe(`${location.origin}/api/clinik`);
  });

  it('makes a hook outside it throw a message that names it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => usePatient('p1'))).toThrow(
      '@clinikapi/react: this hook must be used inside <ClinikProvider proxyUrl="/api/clinik">',
    );
  });

  it('gives its own QueryClient and one without a retry setting the library’s retry policy', () => {
    const queryClient = new QueryClient();
    renderHookWithClient(() => useClinikClient(), { queryClient });
    expect(queryClient.getQueryDefaults(['clinikapi', 'patients', 'detail', 'p1']).retry).toBe(clinikRetryPolicy.retry);
    expect(queryClient.getQueryDefaults(['clinikapi']).retryDelay).toBe(clinikRetryPolicy.retryDelay);
    expect(queryClient.getMutationDefaults(['clinikapi', 'patients', 'create']).retry).toBe(clinikRetryPolicy.retry);
    // Other queries of the app keep TanStack Query's defaults.
    expect(queryClient.getQueryDefaults(['todos']).retry).toBeUndefined();
  });

  it('leaves an app’s own retry decision alone', () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: 1 } } });
    renderHookWithClient(() => useClinikClient(), { queryClient });
    expect(queryClient.getQueryDefaults(['clinikapi']).retry).toBeUndefined();
    expect(queryClient.getMutationDefaults(['clinikapi']).retry).toBeUndefined();
  });

  it('sends its headers on every request', async () => {
    let tenant: string | null = null;
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/tasks`, ({ request }) => {
        tenant = request.headers.get('x-tenant');
        return HttpResponse.json({ data: { data: [], total: 0, hasMore: false }, meta: {} });
      }),
    );
    const { result } = renderHookWithClient(() => useSearch('tasks'), { provider: { headers: { 'x-tenant': 'north' } } });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(tenant).toBe('north');
  });

  it('takes message overrides and a locale for every hook below it', () => {
    const { result } = renderHookWithClient(() => ({ messages: useMessages(), locale: useLocale(), conflict: useErrorMessage(null) }), {
      provider: { locale: 'de-DE', messages: { errors: { generic: 'Etwas ist schiefgelaufen.' } } },
    });
    expect(result.current.locale).toBe('de-DE');
    expect(result.current.conflict).toBe('Etwas ist schiefgelaufen.');
    expect(result.current.messages.errors.network).toMatch(/could not be reached/);
  });

  it('keeps one client across renders with equal inline props', () => {
    const seen = new Set<unknown>();
    function Probe(): null {
      seen.add(useClinikClient());
      return null;
    }
    const { rerender } = render(
      <ClinikProvider proxyUrl="/api/clinik" headers={{ 'x-tenant': 'a' }}>
        <Probe />
      </ClinikProvider>,
    );
    rerender(
      <ClinikProvider proxyUrl="/api/clinik" headers={{ 'x-tenant': 'a' }}>
        <Probe />
      </ClinikProvider>,
    );
    expect(seen.size).toBe(1);
  });
});
