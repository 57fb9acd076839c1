import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePatients } from '../../hooks/resources/patients.ts';
import { useMessages } from '../../provider/context.ts';
import { ClinikProvider } from '../../provider/ClinikProvider.tsx';
import { startTestEmulator, TEST_PROXY_URL } from '../../test/emulator.ts';
import { startTestClinikoEmulator, TEST_CLINIKO_URL } from '../../test/cliniko-emulator.tsx';
import { createTestQueryClient } from '../../test/render.tsx';
import { useClinikoBusinesses } from '../hooks/directory.ts';
import { ClinikoProvider } from './ClinikoProvider.tsx';

describe('ClinikoProvider', () => {
  it('sits inside a ClinikProvider on one QueryClient: both APIs answer, each from its own proxy, and the messages carry through', async () => {
    await Promise.all([startTestEmulator(), startTestClinikoEmulator()]);
    const queryClient = createTestQueryClient();
    const { result } = renderHook(
      () => ({ clinikapi: usePatients({ name: 'Okafor' }), cliniko: useClinikoBusinesses(), messages: useMessages() }),
      {
        wrapper: ({ children }) => (
          <ClinikProvider proxyUrl={TEST_PROXY_URL} queryClient={queryClient} messages={{ common: { retry: 'Nochmal' } }}>
            <ClinikoProvider proxyUrl={TEST_CLINIKO_URL} queryClient={queryClient}>
              {children}
            </ClinikoProvider>
          </ClinikProvider>
        ),
      },
    );
    await waitFor(() => expect(result.current.clinikapi.isSuccess && result.current.cliniko.isSuccess).toBe(true));
    expect(result.current.clinikapi.data?.data[0]?.lastName).toBe('Okafor');
    expect(result.current.cliniko.data?.businesses).toHaveLength(2);
    expect(result.current.messages.common.retry).toBe('Nochmal');
  });

  it('alone, refuses ClinikAPI hooks with a sentence that names the provider they need', async () => {
    await startTestClinikoEmulator();
    const { result } = renderHook(() => usePatients({ name: 'Okafor' }), {
      wrapper: ({ children }) => (
        <ClinikoProvider proxyUrl={TEST_CLINIKO_URL} queryClient={createTestQueryClient()}>
          {children}
        </ClinikoProvider>
      ),
    });
    await waitFor(() => expect(result.current.error?.message).toMatch(/<ClinikProvider>/));
  });

  it('refuses a proxy on another site, and the demo data set it does not have', () => {
    const renderWith = (proxyUrl: string) => () => render(<ClinikoProvider proxyUrl={proxyUrl}>x</ClinikoProvider>);
    expect(renderWith('https://evil.example/api/cliniko')).toThrow(/proxyUrl must be a path on this site/);
    expect(renderWith('demo')).toThrow(/no built-in demo for Cliniko/);
    expect(() => renderHook(() => useClinikoBusinesses())).toThrow(/inside <ClinikoProvider/);
    expect(screen.queryByText('x')).toBeNull();
  });
});
