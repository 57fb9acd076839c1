'use client';
/**
 * The records of one linked path for one patient, from wherever they are cheapest: the shared patient record when a
 * `PatientRecordProvider` for this patient includes the path (no request of its own), else one search page of the
 * path. Either way the viewer gets one status to render from, including `syncing` — the record came from the read
 * by id because the search index has not caught up with the patient yet, so an empty list means "not yet", not
 * "none".
 */
import type { ResourceOf } from '@clinikapi/core';
import { useAccess } from '../../access/useAccess.ts';
import type { ClinikApiError } from '../../client/errors.ts';
import { usePatientRecord } from '../../hooks/usePatientRecord.ts';
import { useSearch } from '../../hooks/useSearch.ts';
import type { ResourceSearchParams, SearchParamsOf } from '../../queries/keys.ts';
import type { PatientLinkedPath } from '../../queries/patient-links.ts';
import { SHARED_RECORD_READ, usePatientRecordScope } from './patient-record-scope.ts';

/** `forbidden`: the user may not read this path (their access says so, or a 403 did) — terminal, nothing to retry. */
export type LinkedRecordsStatus = 'loading' | 'syncing' | 'error' | 'forbidden' | 'empty' | 'ready';

export interface LinkedRecords<T> {
  readonly status: LinkedRecordsStatus;
  readonly records: readonly T[];
  readonly error: ClinikApiError | null;
  /** Fetches again (the shared record, or this search). */
  readonly retry: () => void;
  /** A request is in flight, including a refresh behind records already shown. */
  readonly isFetching: boolean;
  /** True when the records came from a shared patient record. */
  readonly shared: boolean;
}

/** The API's largest page: a viewer shows a patient's most recent hundred records of a kind. */
export const LINKED_PAGE_SIZE = 100;

export function useLinkedRecords<P extends PatientLinkedPath>(
  path: P,
  patientId: string,
  params: Omit<ResourceSearchParams, 'patientId'> = {},
): LinkedRecords<ResourceOf<P>> {
  const scope = usePatientRecordScope();
  const access = useAccess();
  const readable = access.can(path, 'search');
  const shared = scope !== null && scope.patientId === patientId && scope.include.includes(path);
  const record = usePatientRecord(shared ? patientId : undefined, { include: scope?.include ?? [], ...SHARED_RECORD_READ });
  const search = useSearch(
    path,
    // Linked paths are never `patients`, so their parameters are `ResourceSearchParams`.
    { patientId, count: LINKED_PAGE_SIZE, ...params } as SearchParamsOf<P>,
    // Never keep the previous patient's records on screen while another patient's load; never ask for what the
    // user may not read, nor before their access is known.
    { enabled: !shared && patientId !== '' && !access.pending && readable !== false, placeholderData: undefined },
  );
  if (readable === false || (!shared && search.error?.status === 403)) {
    return { status: 'forbidden', records: [], error: search.error, retry: () => undefined, isFetching: false, shared };
  }

  if (shared) {
    const included = record.data?.included as Partial<Record<PatientLinkedPath, readonly ResourceOf<P>[]>> | undefined;
    const records = included?.[path] ?? [];
    return {
      status: statusOf(record.isPending, record.isError && !record.data, records.length, record.data?.complete ?? true),
      records,
      error: record.error,
      retry: () => void record.refetch(),
      isFetching: record.isFetching,
      shared,
    };
  }
  const records = search.data?.data ?? [];
  return {
    status: statusOf(search.isPending || access.pending, search.isError && !search.data, records.length, true),
    records,
    error: search.error,
    retry: () => void search.refetch(),
    isFetching: search.isFetching,
    shared,
  };
}

function statusOf(pending: boolean, failed: boolean, count: number, complete: boolean): LinkedRecordsStatus {
  if (failed) return 'error';
  if (pending) return 'loading';
  if (count > 0) return 'ready';
  return complete ? 'empty' : 'syncing';
}
