import type { Immunization } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { mswServer } from '../../test/msw-server.ts';
import { refusal } from '../../test/refusals.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useImmunizationLogger } from './useImmunizationLogger.ts';

describe('useImmunizationLogger', () => {
  it('refuses a dose with no vaccine or a future date without sending it, then logs one and lists it', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useImmunizationLogger({ patientId, onSuccess }));
    expect(hook.result.current.recordsStatus).toBe('loading');
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));

    fill(hook, { occurrenceDateTime: '2999-01-01' });
    await submit(hook);
    expect(hook.result.current.errorOf('vaccineCode')).toBeTruthy();
    expect(hook.result.current.errorOf('occurrenceDateTime')).toBeTruthy();
    expect(await recordsOf(emulator, 'immunizations', patientId)).toHaveLength(0);

    fill(hook, { vaccineCode: 'Influenza', occurrenceDateTime: '2025-04-01', lotNumber: 'AB123' });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [saved] = await recordsOf<Immunization>(emulator, 'immunizations', patientId);
    expect(saved).toMatchObject({ vaccineCode: { text: 'Influenza' }, lotNumber: 'AB123', status: 'completed' });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('keeps what was typed and tells onError when the save is refused', async () => {
    const { patientId } = await startWithPatient();
    mswServer.use(...refusal('POST', 'immunizations'));
    const onError = vi.fn();
    const hook = renderHookWithClient(() => useImmunizationLogger({ patientId, onError }));
    fill(hook, { vaccineCode: 'Tetanus' });
    await submit(hook);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 403 }));
    expect(hook.result.current.status).toBe('error');
    expect(hook.result.current.form.getValues('vaccineCode')).toBe('Tetanus');
  });

  it('is forbidden and not writable when the user’s access leaves immunizations out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useImmunizationLogger({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
