/**
 * Individual appointments, listed by day, practitioner, business or patient. Times are UTC instants; a "day" is
 * the business's day, so callers pass the instants it starts and ends (`clinikoDayRange`).
 */
import { queryOptions } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import { clinikoClientOf } from '../client/binding.ts';
import type { ClinikoAppointment, ClinikoId, ClinikoList } from '../types.ts';
import { resourceQueries } from './factory.ts';
import { allPages, clinikoFilter, listQuery, type ClinikoListParams } from './paging.ts';

export interface ClinikoAppointmentListParams extends ClinikoListParams {
  readonly practitionerId?: ClinikoId;
  readonly businessId?: ClinikoId;
  readonly patientId?: ClinikoId;
  /** Appointments starting at or after this instant (ISO 8601, UTC). */
  readonly startsFrom?: string;
  /** …and before this one. */
  readonly startsBefore?: string;
}

/** The `q[]` conditions of an appointment list. */
export function appointmentConditions({
  practitionerId,
  businessId,
  patientId,
  startsFrom,
  startsBefore,
  q = [],
}: ClinikoAppointmentListParams): string[] {
  const conditions = [...q];
  if (practitionerId) conditions.push(clinikoFilter('practitioner_id', '=', practitionerId));
  if (businessId) conditions.push(clinikoFilter('business_id', '=', businessId));
  if (patientId) conditions.push(clinikoFilter('patient_id', '=', patientId));
  if (startsFrom) conditions.push(clinikoFilter('starts_at', '>=', startsFrom));
  if (startsBefore) conditions.push(clinikoFilter('starts_at', '<', startsBefore));
  return conditions;
}

const toRequest = (params: ClinikoAppointmentListParams) => ({
  path: 'individual_appointments',
  query: listQuery({ sort: 'starts_at', ...params, q: appointmentConditions(params) }),
});

const factory = /* @__PURE__ */ resourceQueries<'individual_appointments', ClinikoAppointment, ClinikoAppointmentListParams>(
  'individual_appointments',
  toRequest,
);

export const clinikoAppointmentQueries = {
  ...factory,
  /** Every appointment matching, all pages at once: for a day or a week, whose screens need them whole. */
  all: (params: ClinikoAppointmentListParams) =>
    queryOptions<
      ClinikoList<'individual_appointments', ClinikoAppointment>,
      ClinikApiError,
      ClinikoList<'individual_appointments', ClinikoAppointment>,
      readonly unknown[]
    >({
      queryKey: [...factory.keys.lists(), 'all', params],
      queryFn: ({ client, signal }) => {
        const { path, query } = toRequest(params);
        return allPages(clinikoClientOf(client), 'individual_appointments', path, { ...query, per_page: 100 }, signal);
      },
    }),
};
