import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { useMedicationList } from './useMedicationList.ts';

describe('useMedicationList', () => {
  it('shows current medications first, counts the rest, and switches filter when asked', async () => {
    const { patientId } = await startWithClinicalRecord();
    const onFilterChange = vi.fn();
    const hook = renderHookWithClient(() => useMedicationList({ patientId, onFilterChange }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.filter).toBe('active');
    expect(hook.result.current.counts).toEqual({ active: 3, inactive: 2, all: 5 });
    expect(hook.result.current.medications.map((item) => item.name)).toEqual(
      expect.arrayContaining(['Amlodipine 5mg tablet', 'Metformin 500mg tablet', 'Salbutamol 100mcg inhaler']),
    );

    act(() => hook.result.current.setFilter('inactive'));
    expect(onFilterChange).toHaveBeenCalledWith('inactive');
    expect(hook.result.current.medications.map((item) => item.name).sort()).toEqual([
      'Amoxicillin 500mg capsule',
      'Lisinopril 10mg tablet',
    ]);
    expect(hook.result.current.medications.find((item) => item.status === 'cancelled')?.statusReason).toBe('Dry cough');
  });

  it('follows a filter the app controls, and is empty when nothing matches it', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const hook = renderHookWithClient(() => useMedicationList({ patientId, filter: 'all' }));
    await waitFor(() => expect(hook.result.current.status).toBe('empty'));
    act(() => hook.result.current.setFilter('inactive'));
    expect(hook.result.current.filter).toBe('all');
  });

  it('is forbidden for a user whose access leaves prescriptions out', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const hook = renderHookWithClient(() => useMedicationList({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.status).toBe('forbidden');
  });
});
