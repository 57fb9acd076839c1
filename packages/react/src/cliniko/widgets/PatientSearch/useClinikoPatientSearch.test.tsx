import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderHookWithCliniko, startTestClinikoEmulator, TEST_CLINIKO_URL } from '../../../test/cliniko-emulator.tsx';
import { mswServer } from '../../../test/msw-server.ts';
import { useClinikoPatientSearch } from './useClinikoPatientSearch.ts';

describe('useClinikoPatientSearch', () => {
  it('lists the clinic’s patients a page at a time, then narrows to a name as it is typed', async () => {
    await startTestClinikoEmulator();
    const hook = renderHookWithCliniko(() => useClinikoPatientSearch({ pageSize: 2, searchDelayMs: 0 }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.patients).toHaveLength(2);
    expect(hook.result.current.hasMore).toBe(true);
    const someone = hook.result.current.patients[0]!;

    act(() => hook.result.current.setQuery(someone.last_name));
    await waitFor(() => expect(hook.result.current.searchedFor).toBe(someone.last_name));
    await waitFor(() => expect(hook.result.current.patients.map((patient) => patient.id)).toContain(someone.id));
    expect(
      hook.result.current.patients.every(
        (patient) => patient.last_name === someone.last_name || patient.first_name.includes(someone.last_name),
      ),
    ).toBe(true);
  });

  it('starts over with an empty search when the criterion changes', async () => {
    await startTestClinikoEmulator();
    const hook = renderHookWithCliniko(() => useClinikoPatientSearch({ searchDelayMs: 0 }));
    act(() => hook.result.current.setQuery('Chen'));
    act(() => hook.result.current.setBy('email'));
    expect(hook.result.current.by).toBe('email');
    expect(hook.result.current.query).toBe('');
  });

  it('is in error when the search fails, and recovers on retry', async () => {
    await startTestClinikoEmulator();
    mswServer.use(http.get(`${TEST_CLINIKO_URL}/patients`, () => HttpResponse.error(), { once: true }));
    const hook = renderHookWithCliniko(() => useClinikoPatientSearch({ searchDelayMs: 0 }));
    await waitFor(() => expect(hook.result.current.status).toBe('error'));
    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
  });
});
