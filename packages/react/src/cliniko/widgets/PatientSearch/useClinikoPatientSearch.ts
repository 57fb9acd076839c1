'use client';
/**
 * The headless Cliniko patient search: what to search by (name, email or date of birth), what is typed, and every
 * page of matches loaded on demand by following the proxy's `links.next`, with one status to render from.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ClinikApiError } from '../../../client/errors.ts';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.ts';
import { useInfiniteClinikoPatients } from '../../hooks/patients.ts';
import type { ClinikoPatientSearchParams } from '../../queries/patients.ts';
import type { ClinikoPatient } from '../../types.ts';

export type PatientSearchBy = 'name' | 'email' | 'dateOfBirth';

export type ClinikoPatientSearchStatus = 'loading' | 'error' | 'empty' | 'ready';

export interface UseClinikoPatientSearchOptions {
  /** Patients per request (1–100). Default 50. */
  readonly pageSize?: number;
  /** Milliseconds of quiet typing before a search is sent. Default 250. */
  readonly searchDelayMs?: number;
}

export interface ClinikoPatientSearchState {
  readonly status: ClinikoPatientSearchStatus;
  readonly by: PatientSearchBy;
  /** A new criterion starts with an empty search. */
  setBy(by: PatientSearchBy): void;
  readonly query: string;
  setQuery(query: string): void;
  /** The search the results are for (lags `query` while typing). */
  readonly searchedFor: string;
  readonly patients: readonly ClinikoPatient[];
  /** Matches across all pages (Cliniko's `total_entries`). */
  readonly total: number;
  readonly hasMore: boolean;
  /** Loads the next page, unless one is loading or the last one failed (then `retryMore`). */
  loadMore(): void;
  readonly isLoadingMore: boolean;
  readonly moreError: ClinikApiError | null;
  retryMore(): void;
  /** The rows shown are the previous search's while the new one loads. */
  readonly isStale: boolean;
  readonly error: ClinikApiError | null;
  retry(): void;
}

export function useClinikoPatientSearch(options: UseClinikoPatientSearchOptions = {}): ClinikoPatientSearchState {
  const [by, setByState] = useState<PatientSearchBy>('name');
  const [query, setQuery] = useState('');
  // The criterion and the text settle together: a new criterion never searches with the old text.
  const [searchedBy, searchedFor] = useDebouncedValue(`${by}\u0000${query.trim()}`, options.searchDelayMs ?? 250).split('\u0000') as [
    PatientSearchBy,
    string,
  ];
  const params: ClinikoPatientSearchParams = { [searchedBy]: searchedFor || undefined, perPage: options.pageSize ?? 50 };
  // While a new search loads, the last results stay (marked stale) instead of the list blinking empty.
  const result = useInfiniteClinikoPatients(params, { placeholderData: keepPreviousData });
  const pages = result.data?.pages;
  const patients = useMemo(() => pages?.flatMap((page) => page.patients) ?? [], [pages]);
  const moreError = result.isFetchNextPageError ? result.error : null;

  let status: ClinikoPatientSearchStatus;
  if (result.isPending) status = 'loading';
  else if (result.isError && !moreError) status = 'error';
  else status = patients.length === 0 ? 'empty' : 'ready';

  return {
    status,
    by,
    setBy: (next) => {
      setByState(next);
      setQuery('');
    },
    query,
    setQuery,
    searchedFor,
    patients,
    total: pages?.[0]?.total_entries ?? 0,
    hasMore: result.hasNextPage,
    loadMore: () => {
      if (result.hasNextPage && !result.isFetchingNextPage && !moreError) void result.fetchNextPage();
    },
    isLoadingMore: result.isFetchingNextPage,
    moreError,
    retryMore: () => void result.fetchNextPage(),
    isStale: result.isPlaceholderData,
    error: result.error,
    retry: () => void result.refetch(),
  };
}
