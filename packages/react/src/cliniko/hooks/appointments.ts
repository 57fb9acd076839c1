'use client';
/**
 * Hooks of individual appointments: lists by day, practitioner, business or patient; booking, cancelling and
 * rescheduling. Every write marks the lists and the online-booking availability stale: a booked time is no longer
 * free, a cancelled one is again.
 */
import type { InfiniteData, QueryClient, UseInfiniteQueryResult, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import { clinikoAppointmentQueries, type ClinikoAppointmentListParams } from '../queries/appointments.ts';
import { clinikoAvailabilityQueries } from '../queries/availability.ts';
import { segment } from '../queries/factory.ts';
import type { ClinikoAppointment, ClinikoAppointmentInput, ClinikoCancellationReason, ClinikoId, ClinikoList } from '../types.ts';
import type { ClinikoInfiniteQueryOptions, ClinikoMutationOptions, ClinikoQueryOptions } from './options.ts';
import { useClinikoInfiniteQuery, useClinikoQuery } from './queries.ts';
import { useClinikoWrite } from './write.ts';

/** One page of `GET /individual_appointments`: what `useClinikoAppointments` answers. */
export type ClinikoAppointmentPage = ClinikoList<'individual_appointments', ClinikoAppointment>;

/** One page of appointments: `useClinikoAppointments({ practitionerId, startsFrom, startsBefore })`, soonest first. */
export function useClinikoAppointments<TData = ClinikoAppointmentPage>(
  params: ClinikoAppointmentListParams | undefined,
  options?: ClinikoQueryOptions<ClinikoAppointmentPage, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAppointmentQueries.list(params ?? {}), options, params !== undefined);
}

/** Every matching appointment at once (all pages): a day's or a week's. */
export function useAllClinikoAppointments<TData = ClinikoAppointmentPage>(
  params: ClinikoAppointmentListParams | undefined,
  options?: ClinikoQueryOptions<ClinikoAppointmentPage, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAppointmentQueries.all(params ?? {}), options, params !== undefined);
}

/** Every page of appointments, on demand. */
export function useInfiniteClinikoAppointments<TData = InfiniteData<ClinikoAppointmentPage, string | undefined>>(
  params: ClinikoAppointmentListParams = {},
  options?: ClinikoInfiniteQueryOptions<ClinikoAppointmentPage, TData>,
): UseInfiniteQueryResult<TData, ClinikApiError> {
  return useClinikoInfiniteQuery(clinikoAppointmentQueries.infinite(params), options);
}

/** One appointment by id; `undefined` waits for an id. */
export function useClinikoAppointment<TData = ClinikoAppointment>(
  id: ClinikoId | undefined,
  options?: ClinikoQueryOptions<ClinikoAppointment, TData>,
): UseQueryResult<TData, ClinikApiError> {
  return useClinikoQuery(clinikoAppointmentQueries.detail(id ?? ''), options, id !== undefined);
}

/** What an appointment write makes stale. */
const stale = () => [
  clinikoAppointmentQueries.keys.lists(),
  clinikoAvailabilityQueries.keys.availableTimes.all,
  clinikoAvailabilityQueries.keys.nextAvailableTime.all,
];

const keep = (queryClient: QueryClient, appointment: ClinikoAppointment) =>
  queryClient.setQueryData(clinikoAppointmentQueries.keys.detail(appointment.id), appointment);

/**
 * Books an individual appointment. Cliniko lets a practitioner be double-booked unless the clinic refuses it (then a
 * taken time is a 422 on `starts_at`): check the time is still free first (`useClinikoAvailableTimes`), as the
 * OnlineBooking widget does. Never retried on its own: Cliniko has no idempotency key.
 */
export function useBookClinikoAppointment(
  options?: ClinikoMutationOptions<ClinikoAppointment, ClinikoAppointmentInput>,
): UseMutationResult<ClinikoAppointment, ClinikApiError, ClinikoAppointmentInput> {
  return useClinikoWrite(
    {
      resource: 'individual_appointments',
      kind: 'create',
      send: (client, input) => client.request('POST', 'individual_appointments', { body: input }),
      onSuccess: keep,
      stale,
    },
    options,
  );
}

export interface ClinikoCancellation {
  readonly id: ClinikoId;
  /** Cliniko requires a reason (`CLINIKO_CANCELLATION_REASONS`). */
  readonly reason: ClinikoCancellationReason;
  readonly note?: string;
}

/** Cancels an appointment (`PATCH …/cancel`); cancelling twice changes nothing. */
export function useCancelClinikoAppointment(
  options?: ClinikoMutationOptions<void, ClinikoCancellation>,
): UseMutationResult<void, ClinikApiError, ClinikoCancellation> {
  return useClinikoWrite(
    {
      resource: 'individual_appointments',
      kind: 'cancel',
      send: (client, { id, reason, note }) =>
        client.request('PATCH', `individual_appointments/${segment(id)}/cancel`, {
          body: { cancellation_reason: reason, cancellation_note: note },
        }),
      stale: ({ id }) => [...stale(), clinikoAppointmentQueries.keys.detail(id)],
    },
    options,
  );
}

export interface ClinikoReschedule extends Partial<Omit<ClinikoAppointmentInput, 'patient_id'>> {
  readonly id: ClinikoId;
  /** The new start (UTC instant). Without `ends_at` the appointment keeps its length. */
  readonly starts_at: string;
}

/** Moves an appointment to another time (and, optionally, practitioner, type or business). */
export function useRescheduleClinikoAppointment(
  options?: ClinikoMutationOptions<ClinikoAppointment, ClinikoReschedule>,
): UseMutationResult<ClinikoAppointment, ClinikApiError, ClinikoReschedule> {
  return useClinikoWrite(
    {
      resource: 'individual_appointments',
      kind: 'reschedule',
      send: (client, { id, ...changes }) => client.request('PATCH', `individual_appointments/${segment(id)}`, { body: changes }),
      onSuccess: keep,
      stale,
    },
    options,
  );
}
