import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { useVitalsChart } from './useVitalsChart.ts';

describe('useVitalsChart', () => {
  it('groups the vitals series into one chart per vital, blood pressure as one, counting out-of-range readings', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => useVitalsChart({ patientId }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    const groups = hook.result.current.groups;
    expect(groups.map((group) => group.id)).toEqual([
      'heartRate',
      'bloodPressure',
      'temperature',
      'respiratoryRate',
      'oxygenSaturation',
      'weight',
    ]);
    const pressure = groups.find((group) => group.id === 'bloodPressure');
    expect(pressure?.series).toHaveLength(2);
    expect(pressure?.outOfRange).toBe(9);
    expect(pressure?.latest.systolic?.value).toBe(142);
  });

  it('draws only the vitals asked for, in the order asked, and toggles the tables', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => useVitalsChart({ patientId, vitals: ['weight', 'heartRate'] }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.groups.map((group) => group.id)).toEqual(['weight', 'heartRate']);
    expect(hook.result.current.showTables).toBe(false);
    act(() => hook.result.current.setShowTables(true));
    expect(hook.result.current.showTables).toBe(true);
  });

  it('is forbidden for a user whose access leaves observations out', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const hook = renderHookWithClient(() => useVitalsChart({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.status).toBe('forbidden');
  });
});
