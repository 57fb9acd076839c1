/**
 * The generic hooks on one of the 43 paths without a named family: `tasks`, whose requests and answers are the FHIR
 * resource itself, through the emulator's FHIR JSON mapping.
 */
import type { FhirResourceOf, PatientSummary } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClinikClient } from '../client/client.ts';
import { ClinikConflictError, ClinikNotFoundError } from '../client/errors.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../test/emulator.ts';
import { renderHookWithClient } from '../test/render.tsx';
import { createResourceHooks } from './createResourceHooks.ts';
import { useCreateResource } from './useCreateResource.ts';
import { useDeleteResource } from './useDeleteResource.ts';
import { useInfiniteSearch } from './useInfiniteSearch.ts';
import { useResource } from './useResource.ts';
import { useSearch } from './useSearch.ts';
import { useUpdateResource } from './useUpdateResource.ts';

type Task = FhirResourceOf<'tasks'>;

const taskHooks = createResourceHooks('tasks');

async function seedPatient(): Promise<string> {
  const client = createClinikClient({ proxyUrl: TEST_PROXY_URL });
  return (await client.request<PatientSummary>('POST', 'patients', { body: { firstName: 'Ada', lastName: 'Quist' } })).data.id;
}

describe('generic hooks on a FHIR JSON path', () => {
  it('create, read, search, merge, patch with a test op, and delete a task', async () => {
    await startTestEmulator({ seed: false });
    const patientId = await seedPatient();
    const { result } = renderHookWithClient(() => ({
      create: useCreateResource('tasks'),
      update: useUpdateResource('tasks'),
      remove: useDeleteResource('tasks'),
    }));
    const task = await act(() =>
      result.current.create.mutateAsync({
        resourceType: 'Task',
        status: 'requested',
        intent: 'order',
        description: 'Call back with lab results',
        for: { reference: `Patient/${patientId}` },
      }),
    );
    expect(task).toMatchObject({ resourceType: 'Task', id: expect.any(String), status: 'requested' });

    const reader = renderHookWithClient(() => ({
      one: useResource('tasks', task.id),
      page: useSearch('tasks', { patientId }),
      pages: useInfiniteSearch('tasks', { patientId }),
      bound: taskHooks.useSearch({ patientId }),
    }));
    await waitFor(() => expect(reader.result.current.one.data?.description).toBe('Call back with lab results'));
    await waitFor(() => expect(reader.result.current.page.data?.data.map((item: Task) => item.id)).toEqual([task.id]));
    await waitFor(() => expect(reader.result.current.pages.data?.pages[0]?.data.map((item: Task) => item.id)).toEqual([task.id]));
    await waitFor(() => expect(reader.result.current.bound.data?.total).toBe(1));
    reader.unmount();

    const merged = await act(() => result.current.update.mutateAsync({ id: task.id!, changes: { priority: 'urgent' } }));
    expect(merged).toMatchObject({ priority: 'urgent', status: 'requested' });
    const patched = await act(() =>
      result.current.update.mutateAsync({
        id: task.id!,
        changes: [
          { op: 'test', path: '/status', value: 'requested' },
          { op: 'replace', path: '/status', value: 'in-progress' },
        ],
      }),
    );
    expect(patched.status).toBe('in-progress');
    // A version the record has moved past is a conflict, not an overwrite.
    await expect(
      act(() => result.current.update.mutateAsync({ id: task.id!, changes: { priority: 'routine' }, version: task.meta!.versionId! })),
    ).rejects.toBeInstanceOf(ClinikConflictError);

    await act(() => result.current.remove.mutateAsync({ id: task.id! }));
    const after = renderHookWithClient(() => useResource('tasks', task.id));
    await waitFor(() => expect(after.result.current.error).toBeInstanceOf(ClinikNotFoundError));
  });
});
