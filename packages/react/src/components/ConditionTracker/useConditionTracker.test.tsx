import type { Condition } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createRecord, recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useConditionTracker } from './useConditionTracker.ts';

describe('useConditionTracker', () => {
  it('lists current conditions apart from resolved ones', async () => {
    const { emulator, patientId } = await startWithPatient();
    const asthma = await createRecord(emulator, 'conditions', { patientId, code: 'Asthma', clinicalStatus: 'active' });
    const sprain = await createRecord(emulator, 'conditions', { patientId, code: 'Ankle sprain', clinicalStatus: 'resolved' });
    const hook = renderHookWithClient(() => useConditionTracker({ patientId }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('ready'));
    expect(hook.result.current.records.map((record) => record.id)).toEqual([asthma.id]);
    expect(hook.result.current.pastRecords.map((record) => record.id)).toEqual([sprain.id]);
  });

  it('refuses a condition with no name or a future onset without sending it, then records a good one', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useConditionTracker({ patientId, onSuccess }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));

    fill(hook, { onsetDateTime: '2999-01-01' });
    await submit(hook);
    expect(hook.result.current.errorOf('code')).toBeTruthy();
    expect(hook.result.current.errorOf('onsetDateTime')).toBeTruthy();
    expect(await recordsOf(emulator, 'conditions', patientId)).toHaveLength(0);

    fill(hook, { code: 'Type 2 diabetes', onsetDateTime: '2020-05-01', severity: 'moderate' });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<Condition>(emulator, 'conditions', patientId);
    expect(saved).toMatchObject({ code: { text: 'Type 2 diabetes' }, onsetDateTime: '2020-05-01' });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves conditions out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useConditionTracker({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
