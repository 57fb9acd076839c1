import type { Goal } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useGoalSetter } from './useGoalSetter.ts';

describe('useGoalSetter', () => {
  it('refuses a goal with no description, a due date before its start, or a detail with no measure, sending nothing', async () => {
    const { emulator, patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useGoalSetter({ patientId }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, { startDate: '2025-06-01', dueDate: '2025-05-01', targetDetail: '< 7%' });
    await submit(hook);
    expect(hook.result.current.errorOf('description')).toBeTruthy();
    expect(hook.result.current.errorOf('dueDate')).toBeTruthy();
    expect(hook.result.current.errorOf('targetMeasure')).toBeTruthy();
    expect(await recordsOf(emulator, 'goals', patientId)).toHaveLength(0);
  });

  it('sets a goal with a target and lists it', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useGoalSetter({ patientId, expressedById: 'prac-1', onSuccess }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, {
      description: 'HbA1c below 7%',
      startDate: '2025-01-01',
      dueDate: '2030-01-01',
      targetMeasure: 'HbA1c',
      targetDetail: '< 7%',
    });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<Goal>(emulator, 'goals', patientId);
    expect(saved).toMatchObject({ description: { text: 'HbA1c below 7%' }, lifecycleStatus: 'active' });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves goals out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useGoalSetter({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
