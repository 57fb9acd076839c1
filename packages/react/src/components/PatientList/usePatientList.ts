'use client';
/**
 * The headless patient list: search text, sort, and every page of results loaded on demand (`useInfinitePatients`
 * follows the API's cursor), with one status to render from. The API returns patients in name order and has no sort
 * parameter for them, so other orders are applied to the pages loaded so far, and say so.
 */
import type { PatientSummary } from '@clinikapi/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { useInfinitePatients } from '../../hooks/resources/patients.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useLocale } from '../../provider/context.ts';

export type PatientListStatus = 'loading' | 'error' | 'empty' | 'ready';

/** `name` is the API's own order; the others are applied to the loaded pages. */
export type PatientSort = 'name' | '-name' | 'birthDate' | '-birthDate';

export const PATIENT_SORTS: readonly PatientSort[] = ['name', '-name', 'birthDate', '-birthDate'];

export interface UsePatientListOptions {
  /** Patients per request (1–100). Default 50. */
  readonly pageSize?: number;
  /** Milliseconds of quiet typing before a search is sent. Default 250. */
  readonly searchDelayMs?: number;
  /** The order to start with. Default `name`. */
  readonly defaultSort?: PatientSort;
}

export interface PatientListState {
  readonly status: PatientListStatus;
  /** What is typed in the search box. */
  readonly query: string;
  setQuery(query: string): void;
  /** The search the results are for (lags `query` while typing). */
  readonly searchedFor: string;
  readonly sort: PatientSort;
  setSort(sort: PatientSort): void;
  /** True when the order is applied to loaded pages only and more pages exist. */
  readonly sortedAmongLoaded: boolean;
  /** The patients loaded so far, in `sort` order. */
  readonly patients: readonly PatientSummary[];
  /** Matches across all pages. */
  readonly total: number;
  readonly hasMore: boolean;
  /** Loads the next page, unless one is loading or the last one failed (then `retryMore`). */
  loadMore(): void;
  readonly isLoadingMore: boolean;
  /** The next page failed; the loaded ones stay. */
  readonly moreError: ClinikApiError | null;
  retryMore(): void;
  /** True while a request is in flight, including a refresh behind results already shown. */
  readonly isFetching: boolean;
  /** The rows shown are the previous search's while the new one loads. */
  readonly isStale: boolean;
  readonly error: ClinikApiError | null;
  retry(): void;
}

function sortPatients(patients: readonly PatientSummary[], sort: PatientSort, locale: string | undefined): readonly PatientSummary[] {
  if (sort === 'name') return patients;
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const direction = sort.startsWith('-') ? -1 : 1;
  const keyed = patients.map((patient) => ({
    patient,
    key: sort.endsWith('birthDate') ? (patient.birthDate ?? '') : `${patient.lastName}\u0000${patient.firstName}`,
  }));
  keyed.sort((a, b) => {
    // Records without a birth date go last in either direction.
    if (a.key === '' || b.key === '') return a.key === b.key ? 0 : a.key === '' ? 1 : -1;
    return direction * collator.compare(a.key, b.key);
  });
  return keyed.map((entry) => entry.patient);
}

export function usePatientList(options: UsePatientListOptions = {}): PatientListState {
  const locale = useLocale();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<PatientSort>(options.defaultSort ?? 'name');
  const searchedFor = useDebouncedValue(query.trim(), options.searchDelayMs ?? 250);
  const result = useInfinitePatients(
    { ...(searchedFor ? { name: searchedFor } : {}), count: options.pageSize ?? 50 },
    // While a new search loads, the last results stay (marked stale) instead of the list blinking empty.
    { placeholderData: keepPreviousData },
  );
  const pages = result.data?.pages;
  const loaded = useMemo(() => pages?.flatMap((page) => page.data) ?? [], [pages]);
  const patients = useMemo(() => sortPatients(loaded, sort, locale), [loaded, sort, locale]);
  const total = pages?.[0]?.total ?? 0;
  // A failed next page leaves the first pages in place: only a failed first page fails the list.
  const moreError = result.isFetchNextPageError ? result.error : null;

  let status: PatientListStatus;
  if (result.isPending) status = 'loading';
  else if (result.isError && !moreError) status = 'error';
  else status = loaded.length === 0 ? 'empty' : 'ready';

  return {
    status,
    query,
    setQuery,
    searchedFor,
    sort,
    setSort,
    sortedAmongLoaded: sort !== 'name' && result.hasNextPage,
    patients,
    total,
    hasMore: result.hasNextPage,
    loadMore: () => {
      if (result.hasNextPage && !result.isFetchingNextPage && !moreError) void result.fetchNextPage();
    },
    isLoadingMore: result.isFetchingNextPage,
    moreError,
    retryMore: () => void result.fetchNextPage(),
    isFetching: result.isFetching,
    isStale: result.isPlaceholderData,
    error: result.error,
    retry: () => void result.refetch(),
  };
}
