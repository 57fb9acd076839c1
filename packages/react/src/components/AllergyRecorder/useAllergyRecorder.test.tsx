import type { AllergyIntolerance } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { mswServer } from '../../test/msw-server.ts';
import { refusal } from '../../test/refusals.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useAllergyRecorder } from './useAllergyRecorder.ts';

describe('useAllergyRecorder', () => {
  it('goes from loading to empty, refuses a save with no allergen, then records one and lists it', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useAllergyRecorder({ patientId, recorderId: 'prac-1', onSuccess }));
    expect(hook.result.current.recordsStatus).toBe('loading');
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));

    await submit(hook);
    expect(hook.result.current.errorOf('code')).toBeTruthy();
    expect(await recordsOf(emulator, 'allergies', patientId)).toHaveLength(0);

    fill(hook, { code: 'Penicillin', criticality: 'high', manifestation: 'Hives, wheezing' });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<AllergyIntolerance>(emulator, 'allergies', patientId);
    expect(saved).toMatchObject({ code: { text: 'Penicillin' }, criticality: 'high' });
    expect(saved?.reaction?.[0]?.manifestation.map((concept) => concept.text)).toEqual(['Hives', 'wheezing']);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('tells onError when the proxy refuses the save, and keeps the refusal as its error', async () => {
    const { patientId } = await startWithPatient();
    mswServer.use(...refusal('POST', 'allergies'));
    const onError = vi.fn();
    const hook = renderHookWithClient(() => useAllergyRecorder({ patientId, onError }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, { code: 'Latex' });
    await submit(hook);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 403 }));
    expect(hook.result.current.status).toBe('error');
    expect(hook.result.current.error?.status).toBe(403);
    expect(hook.result.current.form.getValues('code')).toBe('Latex');
  });

  it('is forbidden, sending nothing, when the user’s access leaves allergies out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useAllergyRecorder({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
