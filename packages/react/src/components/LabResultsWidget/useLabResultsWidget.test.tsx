import type { DiagnosticReport } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useLabResultsWidget } from './useLabResultsWidget.ts';

describe('useLabResultsWidget', () => {
  it('refuses a report with no test, or an end with no start, without sending it; then records one and lists it', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useLabResultsWidget({ patientId, onSuccess }));
    expect(hook.result.current.recordsStatus).toBe('loading');
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));

    fill(hook, { effectiveEnd: '2025-03-01T10:00' });
    await submit(hook);
    expect(hook.result.current.errorOf('code')).toBeTruthy();
    expect(hook.result.current.errorOf('effectiveStart')).toBeTruthy();
    expect(await recordsOf(emulator, 'labs', patientId)).toHaveLength(0);

    fill(hook, { code: 'Lipid panel', effectiveEnd: '', conclusion: 'Within range' });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<DiagnosticReport>(emulator, 'labs', patientId);
    expect(saved).toMatchObject({ code: { text: 'Lipid panel' }, status: 'preliminary', conclusion: 'Within range' });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves labs out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useLabResultsWidget({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
