import type { Consent } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { createRecord, recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useConsentManager } from './useConsentManager.ts';

describe('useConsentManager', () => {
  it('names every missing part at once (scope, category, policy) and sends nothing', async () => {
    const { emulator, patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useConsentManager({ patientId }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, { intent: 'draft' });
    await submit(hook);
    expect(hook.result.current.errorOf('policy')).toBeTruthy();
    expect(hook.result.current.errorOf('scope')).toBeTruthy();
    expect(hook.result.current.errorOf('category')).toBeTruthy();
    expect(await recordsOf(emulator, 'consents', patientId)).toHaveLength(0);
  });

  it('keeps a consent as a draft, then signs it with a typed signature, which makes it active', async () => {
    const { emulator, patientId } = await startWithPatient();
    const onSuccess = vi.fn();
    const hook = renderHookWithClient(() => useConsentManager({ patientId, defaultPolicy: 'hipaa-auth', onSuccess }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    fill(hook, { scope: 'patient-privacy', category: 'hipaa-notice', intent: 'draft' });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [draft] = await recordsOf<Consent>(emulator, 'consents', patientId);
    expect(draft).toMatchObject({ status: 'draft', policyRule: { coding: [{ code: 'hipaa-auth' }] } });
    await waitFor(() => expect(hook.result.current.records.map((record) => record.id)).toEqual([draft?.id]));

    let signed = false;
    await act(async () => {
      signed = await hook.result.current.transition(hook.result.current.records[0]!, 'sign', {
        mode: 'type',
        strokes: [],
        name: 'Ada Hartley',
      });
    });
    expect(signed).toBe(true);
    const [active] = await recordsOf<Consent>(emulator, 'consents', patientId);
    expect(active?.status).toBe('active');
    expect(onSuccess).toHaveBeenLastCalledWith(expect.objectContaining({ id: draft?.id, status: 'active' }));
    expect(hook.result.current.pending).toBeNull();
  });

  it('says which transition failed, and why, when another user changed the consent first', async () => {
    const { emulator, patientId } = await startWithPatient();
    const consent = await createRecord<Consent>(emulator, 'consents', {
      patientId,
      status: 'proposed',
      scope: 'treatment',
      category: 'treatment',
      policyRule: 'cric',
    });
    const onError = vi.fn();
    const hook = renderHookWithClient(() => useConsentManager({ patientId, onError }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('ready'));
    await emulator.handleProxyRequest(
      new Request(`http://localhost${TEST_PROXY_URL}/consents/${consent.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'rejected' }),
      }),
      TEST_PROXY_URL,
    );
    await act(async () => {
      await hook.result.current.transition(hook.result.current.records[0]!, 'withdraw');
    });
    expect(hook.result.current.transitionError).toMatchObject({ id: consent.id, action: 'withdraw', error: { status: 409 } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 409 }));
  });

  it('offers no updates and lists nothing for a user whose access leaves consents out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useConsentManager({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
    expect(hook.result.current.updatable).toBe(false);
  });
});
