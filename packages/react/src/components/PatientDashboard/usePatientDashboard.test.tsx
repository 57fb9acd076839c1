import { act, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { usePatientCreate } from './usePatientCreate.ts';
import { usePatientDashboard } from './usePatientDashboard.ts';
import { usePatientEdit } from './usePatientEdit.ts';

describe('usePatientDashboard', () => {
  it('shows a patient’s profile, goes into edit and back, and comes out of edit when the save is reported', async () => {
    const { patientId } = await startWithPatient();
    const onPatientUpdated = vi.fn();
    const hook = renderHookWithClient(() => usePatientDashboard({ patientId, onPatientUpdated }));
    expect(hook.result.current.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.view).toBe('profile');
    expect(hook.result.current.patient?.lastName).toBe('Hartley');

    act(() => hook.result.current.startEdit());
    expect(hook.result.current.view).toBe('edit');
    act(() => hook.result.current.cancelEdit());
    expect(hook.result.current.view).toBe('profile');

    act(() => hook.result.current.startEdit());
    const saved = { ...hook.result.current.patient!, phone: '+1 555 0100' };
    act(() => hook.result.current.updated(saved));
    expect(hook.result.current.view).toBe('profile');
    expect(hook.result.current.lastSaved).toEqual({ kind: 'updated', patient: saved });
    expect(onPatientUpdated).toHaveBeenCalledWith(saved);
  });

  it('starts on the create view with no patient, and shows the created patient’s profile', async () => {
    await startWithPatient();
    const onPatientCreated = vi.fn();
    const dashboard = renderHookWithClient(() => usePatientDashboard({ onPatientCreated }));
    expect(dashboard.result.current.view).toBe('create');
    expect(dashboard.result.current.status).toBe('idle');

    const create = renderHookWithClient(() => usePatientCreate({ onCreated: dashboard.result.current.created }), {
      queryClient: dashboard.queryClient,
    });
    await submit(create);
    expect(create.result.current.errorOf('firstName')).toBeTruthy();
    expect(onPatientCreated).not.toHaveBeenCalled();

    fill(create, { firstName: 'Mina', lastName: 'Park', birthDate: '1990-04-12' });
    await submit(create);
    expect(create.result.current.status).toBe('success');
    expect(onPatientCreated).toHaveBeenCalledWith(expect.objectContaining({ firstName: 'Mina', lastName: 'Park' }));
    await waitFor(() => expect(dashboard.result.current.view).toBe('profile'));
    await waitFor(() => expect(dashboard.result.current.patient?.lastName).toBe('Park'));
  });

  it('saves an edit over the version it started from and reports the saved patient', async () => {
    const { patientId } = await startWithPatient();
    const dashboard = renderHookWithClient(() => usePatientDashboard({ patientId }));
    await waitFor(() => expect(dashboard.result.current.status).toBe('ready'));
    const onSaved = vi.fn();
    const edit = renderHookWithClient(() => usePatientEdit({ patient: dashboard.result.current.patient!, onSaved }), {
      queryClient: dashboard.queryClient,
    });
    fill(edit, { phone: '+1 555 0100' });
    await submit(edit);
    expect(edit.result.current.status).toBe('success');
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: patientId, phone: '+1 555 0100', lastName: 'Hartley' }));
    expect(edit.result.current.conflict).toBeNull();
  });
});
