import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { useLabResults } from './useLabResults.ts';

describe('useLabResults', () => {
  it('gives reports newest first with their results read and flagged, the latest open', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => useLabResults({ patientId }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    await waitFor(() =>
      expect(hook.result.current.reports.flatMap((report) => report.results).every((result) => result.status === 'ready')).toBe(true),
    );
    const { reports } = hook.result.current;
    expect(reports.map((report) => report.name)).toEqual(
      expect.arrayContaining(['Lipid panel', 'Comprehensive metabolic panel', 'Chest X-ray 2 views']),
    );
    const chemistry = reports.find((report) => report.name === 'Comprehensive metabolic panel');
    expect(chemistry?.criticalCount).toBeGreaterThan(0);
    expect(hook.result.current.isExpanded(reports[0]!.id)).toBe(true);
    expect(reports.slice(1).some((report) => hook.result.current.isExpanded(report.id))).toBe(false);

    act(() => hook.result.current.toggle(reports[0]!.id));
    expect(hook.result.current.isExpanded(reports[0]!.id)).toBe(false);
  });

  it('shows only the latest reports up to the limit until asked for all', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => useLabResults({ patientId, limit: 1, defaultExpanded: 'none' }));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.shown).toHaveLength(1);
    expect(hook.result.current.hiddenCount).toBe(2);
    act(() => hook.result.current.setShowAll(true));
    expect(hook.result.current.shown).toHaveLength(3);
  });

  it('is forbidden for a user whose access leaves labs out', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const hook = renderHookWithClient(() => useLabResults({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.status).toBe('forbidden');
  });
});
