'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { useClinikContext } from '../provider/context.ts';
import type { patientRecordKeys } from '../queries/keys.ts';
import type { PatientLinkedPath } from '../queries/patient-links.ts';
import { patientRecordQueries, type PatientRecord } from '../queries/patient-record.ts';
import type { ClinikQueryOptions } from './options.ts';

export interface UsePatientRecordOptions<I extends PatientLinkedPath, TData> extends ClinikQueryOptions<
  PatientRecord<I>,
  TData,
  ReturnType<typeof patientRecordKeys.record>
> {
  /** The linked paths to bring along, e.g. `['observations', 'conditions']`. Default none. */
  readonly include?: readonly I[];
}

/**
 * A patient with its linked records in one request:
 * `usePatientRecord(id, { include: ['observations', 'allergies'] }).data?.included.allergies`.
 *
 * Goes through the search index (`_revinclude`), which lags writes by about 10 s; while it does not know the patient
 * yet the record comes from a read by id with `complete: false`, and is fetched again every few seconds until
 * complete. Pass `undefined` as id to wait.
 */
export function usePatientRecord<const I extends PatientLinkedPath = never, TData = PatientRecord<I>>(
  id: string | undefined,
  options: UsePatientRecordOptions<I, TData> = {},
): UseQueryResult<TData, ClinikApiError> {
  useClinikContext();
  const { include = [], ...queryOptions } = options;
  const { queryKey, queryFn, refetchInterval } = patientRecordQueries.detail<I>(id ?? '', include);
  return useQuery({
    refetchInterval,
    ...queryOptions,
    queryKey,
    queryFn,
    enabled: id ? (queryOptions.enabled ?? true) : false,
  });
}
