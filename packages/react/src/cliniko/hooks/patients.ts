'use client';
/** Hooks of patients and their medical alerts. */
import type { InfiniteData, UseInfiniteQueryResult, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import {
  clinikoMedicalAlertQueries,
  clinikoPatientQueries,
  type ClinikoMedicalAlertListParams,
  type ClinikoPatientSearchParams,
} from '../queries/patients.ts';
import type {
  ClinikoId,
  ClinikoList,
  ClinikoMedicalAlert,
  ClinikoMedicalAlertInput,
  ClinikoPatient,
  ClinikoPatientInput,
} from '../types.ts';
import type { ClinikoInfiniteQueryOptions, ClinikoMutationOptions, ClinikoQueryOptions } from './options.ts';
import { useClinikoInfiniteQuery, useClinikoQuery } from './queries.ts';
import { useClinikoWrite } from './write.ts';

/** One page of `GET /patients`: what `useClinikoPatients` answers. */
export type ClinikoPatientPage = ClinikoList<'patients', ClinikoPatient>;

/** One page of patients matching Cliniko's filters: `useClinikoPatients({ name: 'smith' })`. */
export function useClinikoPatients<TData = ClinikoPatientPage>(
  params: ClinikoPatientSearchParams = {},
  options?: ClinikoQueryOptions<ClinikoPatientPage, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoPatientQueries.list(params), options);
}

/** Every page of a patient search, on demand (`fetchNextPage()` follows the proxy's `links.next`). */
export function useInfiniteClinikoPatients<TData = InfiniteData<ClinikoPatientPage, string | undefined>>(
  params: ClinikoPatientSearchParams = {},
  options?: ClinikoInfiniteQueryOptions<ClinikoPatientPage, TData>,
): UseInfiniteQueryResult<TData, ClinikApiError> {
  return useClinikoInfiniteQuery(clinikoPatientQueries.infinite(params), options);
}

/** One patient by id; `undefined` waits for an id. */
export function useClinikoPatient<TData = ClinikoPatient>(
  id: ClinikoId | undefined,
  options?: ClinikoQueryOptions<ClinikoPatient, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoPatientQueries.detail(id ?? ''), options, id !== undefined);
}

/** Creates a patient (Cliniko requires first and family names; a 422 names the fields). Not retried on its own. */
export function useCreateClinikoPatient(
  options?: ClinikoMutationOptions<ClinikoPatient, ClinikoPatientInput>,
): UseMutationResult<ClinikoPatient, ClinikApiError, ClinikoPatientInput> {
  return useClinikoWrite(
    {
      resource: 'patients',
      kind: 'create',
      send: (client, input) => client.request('POST', 'patients', { body: input }),
      onSuccess: (queryClient, patient) => queryClient.setQueryData(clinikoPatientQueries.keys.detail(patient.id), patient),
      stale: () => [clinikoPatientQueries.keys.lists()],
    },
    options,
  );
}

/** A patient's medical alerts (`{ patientId }`), or every alert. */
export function useClinikoMedicalAlerts<TData = ClinikoList<'medical_alerts', ClinikoMedicalAlert>>(
  params: ClinikoMedicalAlertListParams | undefined,
  options?: ClinikoQueryOptions<ClinikoList<'medical_alerts', ClinikoMedicalAlert>, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoMedicalAlertQueries.list(params ?? {}), options, params !== undefined);
}

/** Records a medical alert for a patient. */
export function useCreateClinikoMedicalAlert(
  options?: ClinikoMutationOptions<ClinikoMedicalAlert, ClinikoMedicalAlertInput>,
): UseMutationResult<ClinikoMedicalAlert, ClinikApiError, ClinikoMedicalAlertInput> {
  return useClinikoWrite(
    {
      resource: 'medical_alerts',
      kind: 'create',
      send: (client, input) => client.request('POST', 'medical_alerts', { body: input }),
      stale: () => [clinikoMedicalAlertQueries.keys.lists()],
    },
    options,
  );
}
