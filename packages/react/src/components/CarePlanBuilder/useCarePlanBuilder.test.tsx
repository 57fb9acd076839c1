import type { CarePlan } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useCarePlanBuilder } from './useCarePlanBuilder.ts';

describe('useCarePlanBuilder', () => {
  it('refuses a plan with no title or a blank activity without sending it, then saves one with its activities', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useCarePlanBuilder({ patientId, authorId: 'prac-1', onSuccess }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));

    fill(hook, { activity: [{ description: '', status: 'not-started' }] });
    await submit(hook);
    expect(hook.result.current.errorOf('title')).toBeTruthy();
    expect(hook.result.current.errorOf('activity.0.description')).toBeTruthy();
    expect(await recordsOf(emulator, 'care-plans', patientId)).toHaveLength(0);

    fill(hook, {
      title: 'Diabetes management',
      category: 'diabetes-management',
      activity: [{ description: 'Walk 30 minutes a day', status: 'in-progress' }],
    });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<CarePlan>(emulator, 'care-plans', patientId);
    expect(saved?.title).toBe('Diabetes management');
    expect(saved?.activity?.[0]?.detail?.description).toBe('Walk 30 minutes a day');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves care plans out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useCarePlanBuilder({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
