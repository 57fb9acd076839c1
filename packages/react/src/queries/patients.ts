/**
 * Patient query keys and query options, as data: the same objects serve `usePatients`, `prefetchQuery` and
 * `setQueryData`, and the key hierarchy lets a mutation invalidate exactly what it changed.
 */
import type { Paginated, PatientSearchParams, PatientSummary } from '@clinikapi/core';
import { queryOptions } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { clinikClientOf } from '../client/query-client-binding.ts';

export const patientKeys = {
  /** Every patient query. */
  all: ['clinikapi', 'patients'] as const,
  /** Every patient search. */
  searches: () => [...patientKeys.all, 'search'] as const,
  search: (params: PatientSearchParams) => [...patientKeys.searches(), params] as const,
  /** Every single-patient read. */
  details: () => [...patientKeys.all, 'detail'] as const,
  detail: (id: string) => [...patientKeys.details(), id] as const,
};

export const patientQueries = {
  search: (params: PatientSearchParams = {}) =>
    queryOptions<Paginated<PatientSummary>, ClinikApiError, Paginated<PatientSummary>, ReturnType<typeof patientKeys.search>>({
      queryKey: patientKeys.search(params),
      queryFn: async ({ client, signal }): Promise<Paginated<PatientSummary>> =>
        (await clinikClientOf(client).request<Paginated<PatientSummary>>('GET', 'patients', { query: { ...params }, signal }))
          .data,
    }),
  detail: (id: string) =>
    queryOptions<PatientSummary, ClinikApiError, PatientSummary, ReturnType<typeof patientKeys.detail>>({
      queryKey: patientKeys.detail(id),
      queryFn: async ({ client, signal }): Promise<PatientSummary> =>
        (await clinikClientOf(client).request<PatientSummary>('GET', `patients/${encodeURIComponent(id)}`, { signal })).data,
    }),
};
