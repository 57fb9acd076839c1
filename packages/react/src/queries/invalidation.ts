/** What a write makes stale, and nothing more: the path's searches and the records of the patients it touches. */
import type { ResourcePath } from '@clinikapi/core';
import type { QueryClient } from '@tanstack/react-query';
import { patientRecordKeys, resourceKeys } from './keys.ts';
import { PATIENT_REVINCLUDES, UNLINKED_WIDGET_PATHS, patientIdsOf } from './patient-links.ts';

/** The patients whose records a write of `resource` changes; undefined when they cannot be told (so: all). */
export function affectedPatients(path: ResourcePath, resource: unknown): readonly string[] | undefined {
  if (UNLINKED_WIDGET_PATHS.includes(path)) return [];
  if (resource == null || (path !== 'patients' && !Object.hasOwn(PATIENT_REVINCLUDES, path))) return undefined;
  return patientIdsOf(path, resource);
}

/** The cached copy of a record: its detail query, else the first cached search that lists it. */
export function cachedRecord(queryClient: QueryClient, path: ResourcePath, id: string): unknown {
  return (
    queryClient.getQueryData(resourceKeys(path).detail(id)) ??
    queryClient
      .getQueriesData({ queryKey: resourceKeys(path).searches() })
      .flatMap(([, data]) => (data as { pages?: unknown[] } | undefined)?.pages ?? [data])
      .flatMap((page) => (page as { data?: unknown[] } | undefined)?.data ?? [])
      .find((item) => (item as { id?: unknown }).id === id)
  );
}

/** Marks stale what a write of `path` changed; active queries refetch. Resolves when they have. */
export async function invalidateAfterWrite(
  queryClient: QueryClient,
  path: ResourcePath,
  patientIds: readonly string[] | undefined,
): Promise<void> {
  const records = patientIds
    ? patientIds.map((id) => queryClient.invalidateQueries({ queryKey: patientRecordKeys.patient(id) }))
    : [queryClient.invalidateQueries({ queryKey: patientRecordKeys.all })];
  await Promise.all([queryClient.invalidateQueries({ queryKey: resourceKeys(path).searches() }), ...records]);
}
