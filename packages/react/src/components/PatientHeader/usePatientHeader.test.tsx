import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { usePatientHeader } from './usePatientHeader.ts';

describe('usePatientHeader', () => {
  it('gives the patient, their age on the given day, and active allergies with the high-risk ones first', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => usePatientHeader({ patientId, now: Date.parse('2025-03-01T00:00:00Z') }));
    expect(hook.result.current.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.patient?.id).toBe(patientId);
    expect(hook.result.current.age?.unit).toBe('year');
    await waitFor(() => expect(hook.result.current.allergies?.status).toBe('ready'));
    expect(hook.result.current.allergies?.records.map((allergy) => allergy.criticality)).toEqual(['high', 'low']);
  });

  it('fetches no allergies when told not to show them', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => usePatientHeader({ patientId, showAllergies: false }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.allergies).toBeUndefined();
  });

  it('is in error when the patient cannot be read, and recovers on retry', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    mswServer.use(http.get(`${TEST_PROXY_URL}/patients/:id`, () => HttpResponse.error(), { once: true }));
    const hook = renderHookWithClient(() => usePatientHeader({ patientId }));
    await waitFor(() => expect(hook.result.current.status).toBe('error'));
    expect(hook.result.current.error).not.toBeNull();
    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
  });
});
