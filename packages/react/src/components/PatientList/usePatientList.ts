'use client';
/** The headless state of a patient list: search text, results and one status to render from. */
import type { PatientSummary } from '@clinikapi/core';
import { useState } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { usePatients } from '../../hooks/resources/patients.ts';

export type PatientListStatus = 'loading' | 'error' | 'empty' | 'ready';

export interface UsePatientListOptions {
  /** Patients per page (1–100). Default 20. */
  readonly pageSize?: number;
  /** Milliseconds of quiet typing before a search is sent. Default 250. */
  readonly searchDelayMs?: number;
}

export interface PatientListState {
  readonly status: PatientListStatus;
  /** What is typed in the search box. */
  readonly query: string;
  setQuery(query: string): void;
  /** The search the results are for (lags `query` while typing). */
  readonly searchedFor: string;
  readonly patients: readonly PatientSummary[];
  readonly total: number;
  /** True while a request is in flight, including a refresh behind results already shown. */
  readonly isFetching: boolean;
  readonly error: ClinikApiError | null;
  retry(): void;
}

export function usePatientList(options: UsePatientListOptions = {}): PatientListState {
  const [query, setQuery] = useState('');
  const searchedFor = useDebouncedValue(query.trim(), options.searchDelayMs ?? 250);
  const result = usePatients({ ...(searchedFor ? { name: searchedFor } : {}), count: options.pageSize ?? 20 });
  const patients = result.data?.data ?? [];

  let status: PatientListStatus;
  if (result.isPending) status = 'loading';
  else if (result.isError) status = 'error';
  else status = patients.length === 0 ? 'empty' : 'ready';

  return {
    status,
    query,
    setQuery,
    searchedFor,
    patients,
    total: result.data?.total ?? 0,
    isFetching: result.isFetching,
    error: result.error,
    retry: () => void result.refetch(),
  };
}
