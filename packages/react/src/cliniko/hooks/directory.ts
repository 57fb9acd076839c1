'use client';
/** Hooks of the clinic's directory: the key's user, businesses, practitioners, appointment types. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import {
  clinikoAppointmentTypeQueries,
  clinikoBusinessQueries,
  clinikoPractitionerQueries,
  clinikoUserQueries,
  type ClinikoAppointmentTypeListParams,
  type ClinikoPractitionerListParams,
} from '../queries/directory.ts';
import type { ClinikoListParams } from '../queries/paging.ts';
import type { ClinikoAppointmentType, ClinikoBusiness, ClinikoId, ClinikoList, ClinikoPractitioner, ClinikoUser } from '../types.ts';
import type { ClinikoQueryOptions } from './options.ts';
import { useClinikoQuery } from './queries.ts';

/** The Cliniko user the proxy's key belongs to (`GET /user`). */
export function useClinikoUser<TData = ClinikoUser>(
  options?: ClinikoQueryOptions<ClinikoUser, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoUserQueries.current(), options);
}

/** One page of businesses (archived ones left out, as Cliniko lists them). */
export function useClinikoBusinesses<TData = ClinikoList<'businesses', ClinikoBusiness>>(
  params: ClinikoListParams = {},
  options?: ClinikoQueryOptions<ClinikoList<'businesses', ClinikoBusiness>, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoBusinessQueries.list(params), options);
}

/** One business by id; `undefined` waits for an id. */
export function useClinikoBusiness<TData = ClinikoBusiness>(
  id: ClinikoId | undefined,
  options?: ClinikoQueryOptions<ClinikoBusiness, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoBusinessQueries.detail(id ?? ''), options, id !== undefined);
}

/** One page of practitioners: active ones, or a business's (`businessId`), or an appointment type's. */
export function useClinikoPractitioners<TData = ClinikoList<'practitioners', ClinikoPractitioner>>(
  params: ClinikoPractitionerListParams = {},
  options?: ClinikoQueryOptions<ClinikoList<'practitioners', ClinikoPractitioner>, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoPractitionerQueries.list(params), options);
}

/** One practitioner by id; `undefined` waits for an id. */
export function useClinikoPractitioner<TData = ClinikoPractitioner>(
  id: ClinikoId | undefined,
  options?: ClinikoQueryOptions<ClinikoPractitioner, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoPractitionerQueries.detail(id ?? ''), options, id !== undefined);
}

/** One page of appointment types: all, or those a practitioner offers (`practitionerId`). */
export function useClinikoAppointmentTypes<TData = ClinikoList<'appointment_types', ClinikoAppointmentType>>(
  params: ClinikoAppointmentTypeListParams = {},
  options?: ClinikoQueryOptions<ClinikoList<'appointment_types', ClinikoAppointmentType>, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAppointmentTypeQueries.list(params), options);
}

/** One appointment type by id; `undefined` waits for an id. */
export function useClinikoAppointmentType<TData = ClinikoAppointmentType>(
  id: ClinikoId | undefined,
  options?: ClinikoQueryOptions<ClinikoAppointmentType, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAppointmentTypeQueries.detail(id ?? ''), options, id !== undefined);
}
