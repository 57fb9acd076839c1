import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/emulator.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { usePatientList } from './usePatientList.ts';

describe('usePatientList', () => {
  it('pages through the patients, loading more on demand', async () => {
    await startTestEmulator();
    const hook = renderHookWithClient(() => usePatientList({ pageSize: 2, searchDelayMs: 0 }));
    expect(hook.result.current.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.patients).toHaveLength(2);
    expect(hook.result.current.total).toBeGreaterThan(2);
    expect(hook.result.current.hasMore).toBe(true);
    act(() => hook.result.current.loadMore());
    await waitFor(() => expect(hook.result.current.patients).toHaveLength(4));
  });

  it('searches by name, and says so when nobody matches', async () => {
    await startTestEmulator();
    const hook = renderHookWithClient(() => usePatientList({ searchDelayMs: 0 }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    act(() => hook.result.current.setQuery('Hartley'));
    await waitFor(() => expect(hook.result.current.searchedFor).toBe('Hartley'));
    await waitFor(() => expect(hook.result.current.patients.map((patient) => patient.lastName)).toEqual(['Hartley']));
    act(() => hook.result.current.setQuery('Nobody-by-this-name'));
    await waitFor(() => expect(hook.result.current.status).toBe('empty'));
  });

  it('sorts by birth date, oldest first, when asked', async () => {
    await startTestEmulator();
    const hook = renderHookWithClient(() => usePatientList({ defaultSort: 'birthDate', searchDelayMs: 0 }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    const births = hook.result.current.patients.map((patient) => patient.birthDate ?? '').filter(Boolean);
    expect(births.length).toBeGreaterThan(1);
    expect(births).toEqual([...births].sort());
    expect(hook.result.current.sort).toBe('birthDate');
  });
});
