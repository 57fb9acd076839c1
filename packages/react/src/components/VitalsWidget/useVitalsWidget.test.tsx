import type { Observation } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { requestsSent } from '../../test/requests.ts';
import { usePatient } from '../../hooks/resources/patients.ts';
import { useVitalsWidget } from './useVitalsWidget.ts';

const LOINC = 'http://loinc.org';

async function setUp() {
  const emulator = await startTestEmulator();
  return { emulator, patientId: await patientIdOf(emulator, 'Hartley') };
}

describe('useVitalsWidget', () => {
  it('goes from loading to the patient’s vitals panels only, newest first', async () => {
    const { emulator, patientId } = await setUp();
    const panel = (effectiveDateTime: string, value: number) =>
      createRecord(emulator, 'observations', {
        patientId,
        status: 'final',
        category: 'vital-signs',
        code: { system: LOINC, code: '85353-1', display: 'Vital signs panel' },
        effectiveDateTime,
        component: [{ code: { system: LOINC, code: '8867-4', display: 'Heart rate' }, valueQuantity: { value, unit: 'beats/min' } }],
      });
    await panel('2025-01-10T09:00:00Z', 72);
    await panel('2025-03-02T09:30:00Z', 118);
    await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'laboratory',
      code: { system: LOINC, code: '2345-7', display: 'Glucose' },
      valueQuantity: { value: 5.4, unit: 'mmol/L' },
    });

    const { result } = renderHookWithClient(() => useVitalsWidget({ patientId }));
    expect(result.current.recordsStatus).toBe('loading');
    await waitFor(() => expect(result.current.recordsStatus).toBe('ready'));
    expect(result.current.records.map((record) => record.effectiveDateTime)).toEqual(['2025-03-02T09:30:00Z', '2025-01-10T09:00:00Z']);
  });

  it('flags a reading while it is typed, refuses an implausible one without sending it, and saves a good panel', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const { result } = renderHookWithClient(() => useVitalsWidget({ patientId, performerId: 'prac-1', onSuccess }));
    await waitFor(() => expect(result.current.recordsStatus).toBe('empty'));

    act(() => result.current.form.setValue('heartRate', '128'));
    await waitFor(() => expect(result.current.flags.heartRate).toBe('H'));

    act(() => result.current.form.setValue('heartRate', '900'));
    await act(() => result.current.onSubmit());
    expect(result.current.errorOf('heartRate')).toBeTruthy();
    expect(await recordsOf(emulator, 'observations', patientId)).toHaveLength(0);

    act(() => result.current.form.setValue('heartRate', '128'));
    await act(() => result.current.onSubmit());
    await waitFor(() => expect(result.current.status).toBe('success'));
    const [saved] = await recordsOf<Observation>(emulator, 'observations', patientId);
    expect(saved?.component?.[0]?.valueQuantity?.value).toBe(128);
    expect(saved?.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable for a user whose access leaves observations out', async () => {
    const { patientId } = await setUp();
    const { result } = renderHookWithClient(() => useVitalsWidget({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(result.current.recordsStatus).toBe('forbidden');
    expect(result.current.writable).toBe(false);
  });

  it('lists nothing, even with vitals on record, when told not to list records', async () => {
    const { emulator, patientId } = await setUp();
    await createRecord(emulator, 'observations', {
      patientId,
      status: 'final',
      category: 'vital-signs',
      code: { system: LOINC, code: '85353-1', display: 'Vital signs panel' },
      component: [{ code: { system: LOINC, code: '8867-4', display: 'Heart rate' }, valueQuantity: { value: 72, unit: 'beats/min' } }],
    });
    const observationReads = requestsSent((request) => request.method === 'GET' && new URL(request.url).pathname.endsWith('/observations'));
    // The patient read is the control: it starts on mount as a list read would, so once it has answered, a list read
    // would have been sent.
    const { result } = renderHookWithClient(() => ({
      widget: useVitalsWidget({ patientId, records: false }),
      patient: usePatient(patientId),
    }));
    await waitFor(() => expect(result.current.patient.isSuccess).toBe(true));
    expect(observationReads).toEqual([]);
    expect(result.current.widget.records).toEqual([]);
    expect(result.current.widget.recordsStatus).not.toBe('ready');
  });
});
