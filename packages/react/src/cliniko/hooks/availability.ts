'use client';
/** Hooks of online-booking availability. Pass `undefined` until the business, practitioner and type are chosen. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import {
  clinikoAvailabilityQueries,
  type ClinikoAvailableTimesParams,
  type ClinikoNextAvailableTimeParams,
} from '../queries/availability.ts';
import type { ClinikoAvailableTime, ClinikoList, ClinikoNextAvailableTime } from '../types.ts';
import type { ClinikoQueryOptions } from './options.ts';
import { useClinikoQuery } from './queries.ts';

const NONE = { businessId: '', practitionerId: '', appointmentTypeId: '', from: '', to: '' };

/** Every free start in a window of up to 8 days (`from`–`to`, dates in the business's zone), as UTC instants. */
export function useClinikoAvailableTimes<TData = ClinikoList<'available_times', ClinikoAvailableTime>>(
  params: ClinikoAvailableTimesParams | undefined,
  options?: ClinikoQueryOptions<ClinikoList<'available_times', ClinikoAvailableTime>, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAvailabilityQueries.availableTimes(params ?? NONE), options, params !== undefined);
}

/** The first free start (none: no `appointment_start`). */
export function useClinikoNextAvailableTime<TData = ClinikoNextAvailableTime>(
  params: ClinikoNextAvailableTimeParams | undefined,
  options?: ClinikoQueryOptions<ClinikoNextAvailableTime, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAvailabilityQueries.nextAvailableTime(params ?? NONE), options, params !== undefined);
}
