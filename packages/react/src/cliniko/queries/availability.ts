/**
 * Online-booking availability: the free starts of one practitioner for one appointment type at one business, as
 * UTC instants. `from` and `to` are dates in the business's time zone (at most 7 days apart, not before its today).
 */
import { queryOptions } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import { clinikoClientOf } from '../client/binding.ts';
import type { ClinikoAvailableTime, ClinikoId, ClinikoList, ClinikoNextAvailableTime } from '../types.ts';
import { segment } from './factory.ts';
import { clinikoKeys } from './keys.ts';
import { allPages } from './paging.ts';

/** Who is booked for what, and where. */
export interface ClinikoBookingTarget {
  readonly businessId: ClinikoId;
  readonly practitionerId: ClinikoId;
  readonly appointmentTypeId: ClinikoId;
}

export interface ClinikoAvailableTimesParams extends ClinikoBookingTarget {
  /** First day, `YYYY-MM-DD` in the business's zone. */
  readonly from: string;
  /** Last day (inclusive), at most 7 days after `from`. */
  readonly to: string;
}

export interface ClinikoNextAvailableTimeParams extends ClinikoBookingTarget {
  /** Optional window, as for available times; without it Cliniko looks as far ahead as online bookings reach. */
  readonly from?: string;
  readonly to?: string;
}

const targetPath = ({ businessId, practitionerId, appointmentTypeId }: ClinikoBookingTarget): string =>
  `businesses/${segment(businessId)}/practitioners/${segment(practitionerId)}/appointment_types/${segment(appointmentTypeId)}`;

const timesKeys = clinikoKeys('available_times');
const nextKeys = clinikoKeys('next_available_time');

export const clinikoAvailabilityQueries = {
  keys: { availableTimes: timesKeys, nextAvailableTime: nextKeys },
  /** Every free start in the window (all pages, in time order). Times go fast: never cached as fresh. */
  availableTimes: (params: ClinikoAvailableTimesParams) =>
    queryOptions<
      ClinikoList<'available_times', ClinikoAvailableTime>,
      ClinikApiError,
      ClinikoList<'available_times', ClinikoAvailableTime>,
      ReturnType<typeof timesKeys.list>
    >({
      queryKey: timesKeys.list(params),
      queryFn: ({ client, signal }) =>
        allPages(
          clinikoClientOf(client),
          'available_times',
          `${targetPath(params)}/available_times`,
          { from: params.from, to: params.to, per_page: 100 },
          signal,
        ),
      staleTime: 0,
    }),
  /** The first free start, if any. */
  nextAvailableTime: (params: ClinikoNextAvailableTimeParams) =>
    queryOptions<ClinikoNextAvailableTime, ClinikApiError, ClinikoNextAvailableTime, ReturnType<typeof nextKeys.list>>({
      queryKey: nextKeys.list(params),
      queryFn: ({ client, signal }) =>
        clinikoClientOf(client).request('GET', `${targetPath(params)}/next_available_time`, {
          query: { from: params.from, to: params.to },
          signal,
        }),
      staleTime: 0,
    }),
};
