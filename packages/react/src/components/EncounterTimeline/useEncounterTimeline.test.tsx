import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { useEncounterTimeline } from './useEncounterTimeline.ts';

describe('useEncounterTimeline', () => {
  it('gives the encounters newest first, with their length worked out, folded to the limit until expanded', async () => {
    const { patientId } = await startWithClinicalRecord();
    const hook = renderHookWithClient(() => useEncounterTimeline({ patientId, limit: 2 }));
    expect(hook.result.current.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    const { encounters, shown } = hook.result.current;
    expect(encounters.map((encounter) => encounter.start?.slice(0, 10))).toEqual(['2025-01-10', '2024-11-02', '2024-10-21', '2024-09-15']);
    expect(encounters[0]).toMatchObject({ type: 'Annual review', minutes: 40, status: 'finished' });
    expect(shown).toHaveLength(2);
    expect(hook.result.current.hiddenCount).toBe(2);

    act(() => hook.result.current.setExpanded(true));
    expect(hook.result.current.shown).toHaveLength(4);
    expect(hook.result.current.hiddenCount).toBe(0);
  });

  it('is empty for a patient with no visits, and offers a retry that recovers after a failure', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    mswServer.use(http.get(`${TEST_PROXY_URL}/encounters`, () => HttpResponse.error(), { once: true }));
    const hook = renderHookWithClient(() => useEncounterTimeline({ patientId }));
    await waitFor(() => expect(hook.result.current.status).toBe('error'));
    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.status).toBe('empty'));
  });

  it('is forbidden for a user whose access leaves encounters out', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const hook = renderHookWithClient(() => useEncounterTimeline({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.status).toBe('forbidden');
  });
});
