/** The write paths around the happy one: optimism, rollback, conflicts, idempotent creates, precise invalidation. */
import type { PatientSummary } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createClinikClient } from '../client/client.ts';
import { ClinikApiError, ClinikConflictError } from '../client/errors.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { defaultMessages } from '../i18n/messages.ts';
import { patientQueries } from '../queries/resource-factories.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../test/emulator.ts';
import { errorAnswer } from '../test/error-answers.ts';
import { mswServer } from '../test/msw-server.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { onRequest } from '../test/requests.ts';
import { useObservations } from './resources/observations.ts';
import { useCreatePatient, useDeletePatient, usePatient, usePatients, useUpdatePatient } from './resources/patients.ts';
import { usePatientRecord } from './usePatientRecord.ts';

const api = () => createClinikClient({ proxyUrl: TEST_PROXY_URL });

async function seedPatient(firstName = 'Ada', lastName = 'Quist'): Promise<PatientSummary> {
  return (await api().request<PatientSummary>('POST', 'patients', { body: { firstName, lastName } })).data;
}

/** A gate a handler waits on, so a test can look at the cache while a request is in flight. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('useUpdatePatient', () => {
  it('shows the change at once, everywhere the patient is cached, then keeps the server’s answer', async () => {
    const emulator = await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    const held = gate();
    mswServer.use(
      http.patch(`${TEST_PROXY_URL}/patients/:id`, async ({ request }) => {
        await held.wait;
        return emulator.handleProxyRequest(request, TEST_PROXY_URL);
      }),
    );
    const { result } = renderHookWithClient(() => ({ one: usePatient(patient.id), list: usePatients(), update: useUpdatePatient() }));
    await waitFor(() => expect(result.current.list.data?.data).toHaveLength(1));

    act(() => result.current.update.mutate({ id: patient.id, changes: { firstName: 'Adaeze' } }));
    await waitFor(() => expect(result.current.one.data?.fullName).toBe('Adaeze Quist'));
    expect(result.current.list.data?.data[0]?.fullName).toBe('Adaeze Quist');
    expect(result.current.one.data?.meta.versionId).toBe('1');

    held.open();
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(result.current.one.data).toMatchObject({ fullName: 'Adaeze Quist', meta: { versionId: '2' } });
  });

  it('rolls the optimistic change back when the server refuses it', async () => {
    await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    mswServer.use(http.patch(`${TEST_PROXY_URL}/patients/:id`, () => errorAnswer('INTERNAL_ERROR', { requestId: 'req_x' })));
    const onError = vi.fn();
    const { result } = renderHookWithClient(() => ({
      one: usePatient(patient.id),
      list: usePatients(),
      update: useUpdatePatient({ onError }),
    }));
    await waitFor(() => expect(result.current.list.isSuccess && result.current.one.isSuccess).toBe(true));

    await act(async () => {
      await result.current.update.mutateAsync({ id: patient.id, changes: { lastName: 'Changed' } }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.update.error).toBeInstanceOf(ClinikApiError));
    expect(onError).toHaveBeenCalledWith(result.current.update.error, { id: patient.id, changes: { lastName: 'Changed' } });
    expect(result.current.one.data?.fullName).toBe('Ada Quist');
    expect(result.current.list.data?.data[0]?.fullName).toBe('Ada Quist');
  });

  it('surfaces someone else’s change as a conflict and shows their version, never overwriting it', async () => {
    await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    const { result } = renderHookWithClient(() => ({ one: usePatient(patient.id), update: useUpdatePatient() }));
    await waitFor(() => expect(result.current.one.data?.meta.versionId).toBe('1'));

    // Another user edits the patient while this one is looking at version 1.
    await api().request('PATCH', `patients/${patient.id}`, { body: { phone: '+1 555 0100' } });

    await act(async () => {
      await result.current.update.mutateAsync({ id: patient.id, changes: { phone: '+1 555 0111' } }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.update.error).toBeInstanceOf(ClinikConflictError));
    const error = result.current.update.error;
    expect(errorMessage(error, defaultMessages)).toBe(defaultMessages.errors.conflict);
    await waitFor(() => expect(result.current.one.data).toMatchObject({ phone: '+1 555 0100', meta: { versionId: '2' } }));
    const stored = (await api().request<PatientSummary>('GET', `patients/${patient.id}`)).data;
    expect(stored.phone).toBe('+1 555 0100');
  });

  it('after a conflict, fetches the current version even when no component shows the record', async () => {
    await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    // The record was read earlier (version 1) and nothing on screen watches it now: a list-style widget updating it.
    const { result, queryClient } = renderHookWithClient(() => useUpdatePatient());
    await queryClient.prefetchQuery(patientQueries.detail(patient.id));
    await api().request('PATCH', `patients/${patient.id}`, { body: { phone: '+1 555 0100' } });

    await act(async () => {
      await result.current.mutateAsync({ id: patient.id, changes: { phone: '+1 555 0111' } }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ClinikConflictError));
    // The next edit starts from what the server holds — after the user has seen it — not from the stale version 1.
    await waitFor(() =>
      expect(queryClient.getQueryData(patientQueries.detail(patient.id).queryKey)).toMatchObject({
        phone: '+1 555 0100',
        meta: { versionId: '2' },
      }),
    );
  });

  it('bases each quick successive edit on the version the previous one produced', async () => {
    await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    const { result } = renderHookWithClient(() => ({ one: usePatient(patient.id), first: useUpdatePatient(), second: useUpdatePatient() }));
    await waitFor(() => expect(result.current.one.isSuccess).toBe(true));

    await act(() =>
      Promise.all([
        result.current.first.mutateAsync({ id: patient.id, changes: { phone: '+1 555 0101' } }),
        result.current.second.mutateAsync({ id: patient.id, changes: { email: 'ada@example.org' } }),
      ]),
    );
    await waitFor(() =>
      expect(result.current.one.data).toMatchObject({ phone: '+1 555 0101', email: 'ada@example.org', meta: { versionId: '3' } }),
    );
  });
});

describe('useCreatePatient', () => {
  it('puts the new patient in the cache by id and refreshes the lists', async () => {
    await startTestEmulator({ seed: false });
    const { result, queryClient } = renderHookWithClient(() => ({ list: usePatients(), create: useCreatePatient() }));
    await waitFor(() => expect(result.current.list.data?.total).toBe(0));
    const created = await act(() => result.current.create.mutateAsync({ firstName: 'Noor', lastName: 'Haddad' }));
    expect(queryClient.getQueryData(patientQueries.detail(created.id).queryKey)).toEqual(created);
    await waitFor(() => expect(result.current.list.data?.data.map((patient) => patient.id)).toEqual([created.id]));
  });

  it('keeps one idempotency key across retries of the same input, and takes a new one for new input', async () => {
    await startTestEmulator({ seed: false });
    const keys: string[] = [];
    let failNext = true;
    mswServer.use(
      http.post(`${TEST_PROXY_URL}/patients`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '');
        if (failNext) {
          failNext = false;
          return HttpResponse.error();
        }
        return undefined;
      }),
    );
    const { result } = renderHookWithClient(() => useCreatePatient({ retry: 1, retryDelay: 0 }));
    const input = { firstName: 'Noor', lastName: 'Haddad' };
    await act(() => result.current.mutateAsync(input));
    await act(() => result.current.mutateAsync({ ...input }));
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never creates twice when the answer to a create is lost and the create is tried again', async () => {
    const emulator = await startTestEmulator({ seed: false });
    let loseNext = true;
    mswServer.use(
      http.post(`${TEST_PROXY_URL}/patients`, async ({ request }) => {
        const response = await emulator.handleProxyRequest(request, TEST_PROXY_URL);
        if (!loseNext) return response;
        loseNext = false;
        return HttpResponse.error();
      }),
    );
    const { result } = renderHookWithClient(() => useCreatePatient());
    const input = { firstName: 'Noor', lastName: 'Haddad' };
    await act(async () => {
      await result.current.mutateAsync(input).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.error?.code).toBe('NETWORK_ERROR'));
    // The user presses "Try again": the same input, so the same key, and the API replays the first create.
    const created = await act(() => result.current.mutateAsync(input));
    const all = (await api().request<{ data: PatientSummary[]; total: number }>('GET', 'patients')).data;
    expect(all.total).toBe(1);
    expect(all.data[0]?.id).toBe(created.id);
  });
});

describe('useDeletePatient', () => {
  it('hides the patient from lists at once and brings it back when the delete fails', async () => {
    await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    const held = gate();
    mswServer.use(
      http.delete(`${TEST_PROXY_URL}/patients/:id`, async () => {
        await held.wait;
        return errorAnswer('FORBIDDEN', { requestId: 'req_y' });
      }),
    );
    const { result } = renderHookWithClient(() => ({ list: usePatients(), remove: useDeletePatient() }));
    await waitFor(() => expect(result.current.list.data?.total).toBe(1));

    act(() => result.current.remove.mutate({ id: patient.id }));
    await waitFor(() => expect(result.current.list.data).toMatchObject({ data: [], total: 0 }));
    held.open();
    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    expect(result.current.remove.error?.status).toBe(403);
    expect(result.current.list.data?.data.map((item) => item.id)).toEqual([patient.id]);
  });

  it('keeps a deleted patient out of a search that still lists it while the index catches up', async () => {
    const emulator = await startTestEmulator({ seed: false });
    const patient = await seedPatient();
    const stalePage = (await api().request<unknown>('GET', 'patients')).data;
    const { result } = renderHookWithClient(() => ({ list: usePatients(), remove: useDeletePatient() }));
    await waitFor(() => expect(result.current.list.data?.total).toBe(1));
    // From now on the search answers as a lagging index would: the deleted row is still in it.
    mswServer.use(http.get(`${TEST_PROXY_URL}/patients`, () => HttpResponse.json({ data: stalePage, meta: {} })));

    await act(() => result.current.remove.mutateAsync({ id: patient.id }));
    await waitFor(() => expect(result.current.list.isFetching).toBe(false));
    expect(result.current.list.data).toMatchObject({ data: [], total: 0 });
    expect(
      (await emulator.handleProxyRequest(new Request(`http://localhost${TEST_PROXY_URL}/patients/${patient.id}`), TEST_PROXY_URL)).status,
    ).toBe(404);
  });
});

describe('invalidation', () => {
  it('refreshes what a write changed and nothing else', async () => {
    await startTestEmulator({ seed: false });
    const [amara, kenji] = [await seedPatient('Amara', 'Okafor'), await seedPatient('Kenji', 'Tanaka')];
    const requested: string[] = [];
    onRequest((request) => {
      if (request.method === 'GET') requested.push(new URL(request.url).pathname);
    });
    const { result } = renderHookWithClient(() => ({
      amara: usePatientRecord(amara.id),
      kenji: usePatientRecord(kenji.id),
      vitals: useObservations({ patientId: kenji.id }),
      list: usePatients(),
      update: useUpdatePatient(),
    }));
    await waitFor(() =>
      expect(result.current.amara.isSuccess && result.current.kenji.isSuccess && result.current.list.isSuccess).toBe(true),
    );
    await waitFor(() => expect(result.current.vitals.isFetching).toBe(false));
    requested.length = 0;

    await act(() => result.current.update.mutateAsync({ id: amara.id, changes: { phone: '+1 555 0100' } }));
    expect(requested.sort()).toEqual([`${TEST_PROXY_URL}/patients`, `${TEST_PROXY_URL}/patients/${amara.id}`]);
    await waitFor(() => expect(result.current.amara.data?.patient.phone).toBe('+1 555 0100'));
  });
});
