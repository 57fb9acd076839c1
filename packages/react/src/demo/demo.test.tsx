import { DEMO_PATIENTS, type Observation } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClinikConflictError, ClinikValidationError } from '../client/errors.ts';
import { useCreateObservation, useObservations } from '../hooks/resources/observations.ts';
import { useCreatePatient, useDeletePatient, usePatient, usePatients, useUpdatePatient } from '../hooks/resources/patients.ts';
import { usePatientRecord } from '../hooks/usePatientRecord.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { DEMO_PATIENT_ID } from './demo-data.ts';

const demo = { provider: { proxyUrl: 'demo' } };

describe('proxyUrl="demo"', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers from the demo clinic the emulator seeds too, without touching the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { result } = renderHookWithClient(() => usePatients({ name: 'okaf' }), demo);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data.map((patient) => patient.fullName)).toEqual(['Amara Okafor']);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('pages, and serves a patient record with its linked resources in one call', async () => {
    const { result } = renderHookWithClient(
      () => ({ page: usePatients({ count: 2 }), record: usePatientRecord(DEMO_PATIENT_ID, { include: ['observations', 'allergies'] }) }),
      demo,
    );
    await waitFor(() => expect(result.current.record.isSuccess && result.current.page.isSuccess).toBe(true));
    expect(result.current.page.data).toMatchObject({ total: DEMO_PATIENTS.length, hasMore: true });
    const record = result.current.record.data!;
    expect(record.complete).toBe(true);
    expect(record.patient).toMatchObject({ firstName: DEMO_PATIENTS[0]?.firstName, lastName: DEMO_PATIENTS[0]?.lastName });
    expect(record.included.observations).toHaveLength(4);
    expect(record.included.allergies.map((allergy) => allergy.code?.text)).toEqual(['Penicillin']);
  });

  it('creates, updates (with versions) and deletes, like the real API', async () => {
    const { result } = renderHookWithClient(
      () => ({
        create: useCreatePatient(),
        update: useUpdatePatient(),
        remove: useDeletePatient(),
        addVital: useCreateObservation(),
        vitals: useObservations({ patientId: DEMO_PATIENT_ID }),
      }),
      demo,
    );
    const patient = await act(() => result.current.create.mutateAsync({ firstName: 'Noor', lastName: 'Haddad' }));
    expect(patient).toMatchObject({ fullName: 'Noor Haddad', meta: { versionId: '1' } });

    const updated = await act(() => result.current.update.mutateAsync({ id: patient.id, changes: { phone: '+1 555 0142' } }));
    expect(updated).toMatchObject({ phone: '+1 555 0142', meta: { versionId: '2' } });
    await expect(
      act(() => result.current.update.mutateAsync({ id: patient.id, changes: { phone: '1' }, version: '1' })),
    ).rejects.toBeInstanceOf(ClinikConflictError);
    await expect(act(() => result.current.create.mutateAsync({ firstName: 'Noor', lastName: '' }))).rejects.toBeInstanceOf(
      ClinikValidationError,
    );

    const vital = await act(() =>
      result.current.addVital.mutateAsync({
        patientId: DEMO_PATIENT_ID,
        status: 'final',
        code: 'Heart rate',
        valueQuantity: { value: 70, unit: 'beats/min' },
      }),
    );
    await waitFor(() => expect(result.current.vitals.data?.data.map((item: Observation) => item.id)).toContain(vital.id));

    await act(() => result.current.remove.mutateAsync({ id: patient.id }));
    const { result: gone } = renderHookWithClient(() => usePatient(patient.id), { ...demo });
    await waitFor(() => expect(gone.current.isError).toBe(true));
  });

  it('finds a name whatever its accents, like the emulator: "Zoe" finds Zoë', async () => {
    const { result } = renderHookWithClient(() => ({ create: useCreatePatient(), found: usePatients({ name: 'Zoe' }) }), demo);
    await waitFor(() => expect(result.current.found.data?.data).toEqual([]));
    const zoe = await act(() => result.current.create.mutateAsync({ firstName: 'Zoë', lastName: 'Quintero' }));
    await waitFor(() => expect(result.current.found.data?.data.map((patient) => patient.id)).toEqual([zoe.id]));
  });
});
