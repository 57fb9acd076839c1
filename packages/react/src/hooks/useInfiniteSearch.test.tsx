import type { PatientSummary } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startTestEmulator } from '../test/emulator.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { useInfinitePatients } from './resources/patients.ts';
import { useResource } from './useResource.ts';
import { useSearch } from './useSearch.ts';

describe('useInfinitePatients', () => {
  it('follows the API’s cursor page by page until there is no more', async () => {
    await startTestEmulator();
    const { result } = renderHookWithClient(() => useInfinitePatients({ count: 8 }));
    // TanStack Query re-renders for the fields a component reads: read `data` as a list would.
    await waitFor(() => expect(result.current.data?.pages.map((page) => page.data.length)).toEqual([8]));
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages.map((page) => page.data.length)).toEqual([8, 8, 4]));
    expect(result.current.hasNextPage).toBe(false);
    const ids = result.current.data!.pages.flatMap((page) => page.data.map((patient: PatientSummary) => patient.id));
    expect(new Set(ids).size).toBe(20);
  });
});

describe('generic hooks', () => {
  it('read and search any path by name, and keep the last page while a new search loads', async () => {
    await startTestEmulator();
    const { result, rerender } = renderHookWithClient(
      ({ name }: { name: string }) => ({ page: useSearch('patients', { name, count: 5 }), one: useResource('patients', undefined) }),
      { initialProps: { name: 'okafor' } },
    );
    await waitFor(() => expect(result.current.page.data?.data.map((patient) => patient.fullName)).toEqual(['Amara Okafor']));
    expect(result.current.one.fetchStatus).toBe('idle');

    rerender({ name: 'tanaka' });
    expect(result.current.page.isPlaceholderData).toBe(true);
    expect(result.current.page.data?.data.map((patient) => patient.fullName)).toEqual(['Amara Okafor']);
    await waitFor(() => expect(result.current.page.data?.data.map((patient) => patient.fullName)).toEqual(['Kenji Tanaka']));
  });
});
