import type { Observation, PatientSummary } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClinikClient } from '../client/client.ts';
import { ClinikNotFoundError } from '../client/errors.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../test/emulator.ts';
import { errorAnswer } from '../test/error-answers.ts';
import { mswServer } from '../test/msw-server.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { useCreateObservation } from './resources/observations.ts';
import { usePatientRecord } from './usePatientRecord.ts';

const api = () => createClinikClient({ proxyUrl: TEST_PROXY_URL });
const vital = (patientId: string, value: number) => ({
  patientId,
  status: 'final' as const,
  code: 'Heart rate',
  category: 'vital-signs' as const,
  valueQuantity: { value, unit: 'beats/min' },
});

async function seedChart(): Promise<{ patient: PatientSummary; observation: Observation }> {
  const patient = (await api().request<PatientSummary>('POST', 'patients', { body: { firstName: 'Amara', lastName: 'Okafor' } })).data;
  const observation = (await api().request<Observation>('POST', 'observations', { body: vital(patient.id, 72) })).data;
  await api().request('POST', 'allergies', { body: { patientId: patient.id, code: 'Penicillin', clinicalStatus: 'active' } });
  return { patient, observation };
}

/** Counts the `_revinclude` reads of a patient and lets a test answer them as a lagging index would. */
function revincludeReads(answer?: () => Response | undefined): URL[] {
  const reads: URL[] = [];
  mswServer.use(
    http.get(`${TEST_PROXY_URL}/patients/:id`, ({ request }) => {
      const url = new URL(request.url);
      if (!url.searchParams.has('_revinclude')) return undefined;
      reads.push(url);
      return answer?.();
    }),
  );
  return reads;
}

describe('usePatientRecord', () => {
  it('brings the patient and the included records in one request', async () => {
    await startTestEmulator({ seed: false });
    const { patient, observation } = await seedChart();
    const reads = revincludeReads();
    const { result } = renderHookWithClient(() => usePatientRecord(patient.id, { include: ['observations', 'allergies'] }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    expect(reads).toHaveLength(1);
    expect(reads[0]!.searchParams.getAll('_revinclude')).toEqual(['Observation:subject', 'AllergyIntolerance:patient']);
    const record = result.current.data!;
    expect(record.complete).toBe(true);
    expect(record.patient).toMatchObject({ id: patient.id, fullName: 'Amara Okafor' });
    expect(record.included.observations.map((item) => item.id)).toEqual([observation.id]);
    expect(record.included.allergies).toHaveLength(1);
  });

  it('falls back to a read by id while the search index does not know the patient yet', async () => {
    await startTestEmulator({ seed: false });
    const { patient } = await seedChart();
    revincludeReads(() => errorAnswer('NOT_FOUND', { requestId: 'req_lag' }));
    const { result } = renderHookWithClient(() => usePatientRecord(patient.id, { include: ['observations'] }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({ patient, included: { observations: [] }, complete: false });
  });

  it('treats a searchset without the patient as lag too, and polls until the index has caught up', async () => {
    await startTestEmulator({ seed: false });
    const { patient, observation } = await seedChart();
    let lagging = true;
    const reads = revincludeReads(() =>
      lagging ? HttpResponse.json({ data: { resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] }, meta: {} }) : undefined,
    );
    const { result } = renderHookWithClient(() => usePatientRecord(patient.id, { include: ['observations'] }));
    await waitFor(() => expect(result.current.data?.complete).toBe(false));
    expect(result.current.data?.patient.id).toBe(patient.id);

    lagging = false;
    await waitFor(() => expect(result.current.data?.complete).toBe(true), { timeout: 5_000 });
    expect(result.current.data?.included.observations.map((item) => item.id)).toEqual([observation.id]);
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('is a 404 when the patient does not exist at all', async () => {
    await startTestEmulator({ seed: false });
    const { result } = renderHookWithClient(() => usePatientRecord('00000000-0000-4000-8000-000000000000', { include: ['observations'] }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ClinikNotFoundError);
  });

  it('waits for an id, and refreshes after a linked record of this patient is created', async () => {
    await startTestEmulator({ seed: false });
    const { patient } = await seedChart();
    const { result, rerender } = renderHookWithClient(
      ({ id }: { id: string | undefined }) => ({
        record: usePatientRecord(id, { include: ['observations'] }),
        create: useCreateObservation(),
      }),
      { initialProps: { id: undefined as string | undefined } },
    );
    expect(result.current.record.fetchStatus).toBe('idle');
    rerender({ id: patient.id });
    await waitFor(() => expect(result.current.record.data?.included.observations).toHaveLength(1));

    await act(() => result.current.create.mutateAsync(vital(patient.id, 88)));
    await waitFor(() => expect(result.current.record.data?.included.observations).toHaveLength(2));
  });
});
