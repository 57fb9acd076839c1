import type { MedicationRequest } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { usePrescriptionWidget } from './usePrescriptionWidget.ts';

describe('usePrescriptionWidget', () => {
  it('refuses a prescription with no medication, then writes an active order and lists it', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => usePrescriptionWidget({ patientId, prescriberId: 'prac-1', onSuccess }));
    expect(hook.result.current.recordsStatus).toBe('loading');
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));

    await submit(hook);
    expect(hook.result.current.errorOf('medication')).toBeTruthy();
    expect(await recordsOf(emulator, 'prescriptions', patientId)).toHaveLength(0);

    fill(hook, { medication: 'Amoxicillin 500 mg' });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<MedicationRequest>(emulator, 'prescriptions', patientId);
    expect(saved).toMatchObject({ status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Amoxicillin 500 mg' } });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves prescriptions out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => usePrescriptionWidget({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
