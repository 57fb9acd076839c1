/**
 * Every widget resource through the same path, by its own named hooks, against the in-browser emulator:
 * create → read → search (paged and infinite) → update (conditional) → delete.
 */
import type { PatientSummary } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClinikClient } from '../../client/client.ts';
import { ClinikNotFoundError } from '../../client/errors.ts';
import { patientIdsOf } from '../../queries/patient-links.ts';
import { resourceQueries } from '../../queries/resource-queries.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { RESOURCE_CASES, createBodyFor } from '../../test/resource-families.ts';

async function createPatient(): Promise<string> {
  const client = createClinikClient({ proxyUrl: TEST_PROXY_URL });
  return (await client.request<PatientSummary>('POST', 'patients', { body: { firstName: 'Ada', lastName: 'Quist' } })).data.id;
}

/** The headers of the requests with `method`, in order. */
function requestHeaders(method: string): Headers[] {
  const seen: Headers[] = [];
  onRequest((request) => {
    if (request.method === method) seen.push(request.headers);
  });
  return seen;
}

describe.each(RESOURCE_CASES)('$path', ({ path, hooks, update }) => {
  it('goes create → read → search → update → delete through its named hooks', async () => {
    await startTestEmulator({ seed: false });
    const patientId = await createPatient();
    const patches = requestHeaders('PATCH');
    const deletes = requestHeaders('DELETE');
    const { result, queryClient } = renderHookWithClient(() => ({
      create: hooks.useCreate(),
      update: hooks.useUpdate(),
      remove: hooks.useDelete(),
    }));

    const created = await act(() => result.current.create.mutateAsync(createBodyFor(path, patientId)));
    expect(created.id).toEqual(expect.any(String));
    expect(queryClient.getQueryData(resourceQueries(path).detail(created.id).queryKey)).toEqual(created);
    if (path !== 'patients' && 'patientId' in createBodyFor(path, patientId)) expect(patientIdsOf(path, created)).toEqual([patientId]);

    // A fresh cache, so each of these is a real request.
    const params: Record<string, string> = 'patientId' in createBodyFor(path, patientId) ? { patientId } : {};
    const reader = renderHookWithClient(() => ({
      one: hooks.useOne(created.id),
      page: hooks.useSearch(params),
      pages: hooks.useInfiniteSearch(params),
    }));
    await waitFor(() => expect(reader.result.current.one.data).toEqual(created));
    await waitFor(() => expect(reader.result.current.page.data?.data.map((item) => item.id)).toContain(created.id));
    await waitFor(() => expect(reader.result.current.pages.data?.pages[0]?.data.map((item) => item.id)).toContain(created.id));
    reader.unmount();

    expect(JSON.stringify(created)).not.toContain(update.shows);
    const updated = await act(() => result.current.update.mutateAsync({ id: created.id, changes: update.changes }));
    expect(JSON.stringify(updated)).toContain(update.shows);
    expect(updated.meta.versionId).not.toBe(created.meta.versionId);
    expect(patches.at(-1)?.get('if-match')).toBe(`W/"${created.meta.versionId}"`);
    expect(queryClient.getQueryData(resourceQueries(path).detail(created.id).queryKey)).toEqual(updated);

    await act(() => result.current.remove.mutateAsync({ id: created.id }));
    expect(deletes.at(-1)?.get('if-match')).toBe(`W/"${updated.meta.versionId}"`);
    expect(queryClient.getQueryData(resourceQueries(path).detail(created.id).queryKey)).toBeUndefined();

    const after = renderHookWithClient(() => ({ one: hooks.useOne(created.id), page: hooks.useSearch(params) }));
    await waitFor(() => expect(after.result.current.one.error).toBeInstanceOf(ClinikNotFoundError));
    await waitFor(() => expect(after.result.current.page.isSuccess).toBe(true));
    expect(after.result.current.page.data?.data.map((item) => item.id)).not.toContain(created.id);
  });
});
