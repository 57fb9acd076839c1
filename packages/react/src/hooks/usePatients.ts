'use client';
import type { Paginated, PatientSearchParams, PatientSummary } from '@clinikapi/core';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { patientQueries } from '../queries/patients.ts';

/**
 * One page of patients matching `params`. While a new search loads, the previous results stay on screen
 * (`isPlaceholderData` tells you they are stale) instead of flashing an empty list.
 */
export function usePatients(params: PatientSearchParams = {}): UseQueryResult<Paginated<PatientSummary>, ClinikApiError> {
  return useQuery({ ...patientQueries.search(params), placeholderData: keepPreviousData });
}
