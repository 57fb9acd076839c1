'use client';
import type { PatientSummary } from '@clinikapi/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { patientQueries } from '../queries/patients.ts';

/** One patient by id. Pass `undefined` to wait (the query stays idle until there is an id). */
export function usePatient(id: string | undefined): UseQueryResult<PatientSummary, ClinikApiError> {
  return useQuery({ ...patientQueries.detail(id ?? ''), enabled: id !== undefined && id !== '' });
}
