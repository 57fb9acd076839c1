import type { MedicationRequest } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { usePrescriptionForm } from './usePrescriptionForm.ts';

describe('usePrescriptionForm', () => {
  it('suggests a quantity from how often and how long, as they are chosen', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => usePrescriptionForm({ patientId }));
    expect(hook.result.current.suggestedQuantity).toBeUndefined();
    fill(hook, { frequency: '3', durationDays: '7' });
    await waitFor(() => expect(hook.result.current.suggestedQuantity).toEqual({ perDay: 3, days: 7, total: 21 }));
  });

  it('refuses no medication, a fractional refill count or a year-long supply, sending nothing', async () => {
    const { emulator, patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => usePrescriptionForm({ patientId }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, { refills: '1.5', durationDays: '400' });
    await submit(hook);
    expect(hook.result.current.errorOf('medication')).toBeTruthy();
    expect(hook.result.current.errorOf('refills')).toBeTruthy();
    expect(hook.result.current.errorOf('durationDays')).toBeTruthy();
    expect(await recordsOf(emulator, 'prescriptions', patientId)).toHaveLength(0);
  });

  it('writes the prescription with its dosage and supply, and lists it', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => usePrescriptionForm({ patientId, prescriberId: 'prac-1', onSuccess }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, {
      medication: 'Amoxicillin 500 mg',
      dosageText: 'One capsule three times a day',
      frequency: '3',
      durationDays: '7',
      quantity: '21',
      quantityUnit: 'capsule',
      refills: '0',
    });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<MedicationRequest>(emulator, 'prescriptions', patientId);
    expect(saved?.dosageInstruction?.[0]?.timing?.repeat).toMatchObject({ frequency: 3, period: 1, periodUnit: 'd' });
    expect(saved?.dispenseRequest).toMatchObject({ quantity: { value: 21, unit: 'capsule' }, numberOfRepeatsAllowed: 0 });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves prescriptions out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => usePrescriptionForm({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
