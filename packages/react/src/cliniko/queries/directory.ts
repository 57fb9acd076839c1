/** The clinic's directory: who the key acts as, businesses, practitioners and appointment types. */
import { queryOptions } from '@tanstack/react-query';
import type { ClinikApiError } from '../../client/errors.ts';
import { clinikoClientOf } from '../client/binding.ts';
import type { ClinikoAppointmentType, ClinikoBusiness, ClinikoId, ClinikoPractitioner, ClinikoUser } from '../types.ts';
import { resourceQueries, segment } from './factory.ts';
import { clinikoKeys } from './keys.ts';
import { listQuery, type ClinikoListParams } from './paging.ts';

/** `GET /user`: the Cliniko user the proxy's key belongs to (the clinic's integration user, not the person signed in). */
export const clinikoUserQueries = {
  current: () =>
    queryOptions<ClinikoUser, ClinikApiError, ClinikoUser, readonly ['cliniko', 'users', 'detail', 'current']>({
      queryKey: [...clinikoKeys('users').all, 'detail', 'current'],
      queryFn: ({ client, signal }) => clinikoClientOf(client).request('GET', 'user', { signal }),
    }),
};

export const clinikoBusinessQueries = /* @__PURE__ */ resourceQueries<'businesses', ClinikoBusiness, ClinikoListParams>(
  'businesses',
  (params) => ({
    path: 'businesses',
    query: listQuery(params),
  }),
);

export interface ClinikoPractitionerListParams extends ClinikoListParams {
  /** Only those working at this business (`/businesses/{id}/practitioners`). */
  readonly businessId?: ClinikoId;
  /** Only those offering this appointment type (`/appointment_types/{id}/practitioners`). */
  readonly appointmentTypeId?: ClinikoId;
  /** The inactive ones instead of the active. */
  readonly inactive?: boolean;
}

export const clinikoPractitionerQueries = /* @__PURE__ */ resourceQueries<
  'practitioners',
  ClinikoPractitioner,
  ClinikoPractitionerListParams
>('practitioners', ({ businessId, appointmentTypeId, inactive, ...params }) => ({
  path: `${businessId ? `businesses/${segment(businessId)}/` : appointmentTypeId ? `appointment_types/${segment(appointmentTypeId)}/` : ''}practitioners${inactive ? '/inactive' : ''}`,
  query: listQuery(params),
}));

export interface ClinikoAppointmentTypeListParams extends ClinikoListParams {
  /** Only the types this practitioner offers (`/practitioners/{id}/appointment_types`). */
  readonly practitionerId?: ClinikoId;
}

export const clinikoAppointmentTypeQueries = /* @__PURE__ */ resourceQueries<
  'appointment_types',
  ClinikoAppointmentType,
  ClinikoAppointmentTypeListParams
>('appointment_types', ({ practitionerId, ...params }) => ({
  path: practitionerId ? `practitioners/${segment(practitionerId)}/appointment_types` : 'appointment_types',
  query: listQuery(params),
}));
