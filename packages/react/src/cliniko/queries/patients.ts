/** Patients (searched with Cliniko's filters) and their medical alerts. */
import type { ClinikoId, ClinikoMedicalAlert, ClinikoPatient } from '../types.ts';
import { resourceQueries, segment } from './factory.ts';
import { clinikoFilter, listQuery, type ClinikoListParams } from './paging.ts';

export interface ClinikoPatientSearchParams extends ClinikoListParams {
  /**
   * Words of a name: one word matches family names containing it; two or more match a first name containing the
   * first word and a family name containing the rest (Cliniko's filters are AND-ed; there is no full-name filter).
   */
  readonly name?: string;
  /** Part of an email address. */
  readonly email?: string;
  /** `YYYY-MM-DD`, or with `*` wildcards (`****-05-**`). */
  readonly dateOfBirth?: string;
}

/** The `q[]` conditions of a patient search; blank criteria add none. */
export function patientConditions({ name, email, dateOfBirth, q = [] }: ClinikoPatientSearchParams): string[] {
  const conditions = [...q];
  const words = name?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 1) conditions.push(clinikoFilter('last_name', '~', words[0]));
  else if (words.length > 1)
    conditions.push(clinikoFilter('first_name', '~', words[0]), clinikoFilter('last_name', '~', words.slice(1).join(' ')));
  if (email?.trim()) conditions.push(clinikoFilter('email', '~', email.trim()));
  if (dateOfBirth?.trim()) conditions.push(clinikoFilter('date_of_birth', '=', dateOfBirth.trim()));
  return conditions;
}

export const clinikoPatientQueries = /* @__PURE__ */ resourceQueries<'patients', ClinikoPatient, ClinikoPatientSearchParams>(
  'patients',
  (params) => ({
    path: 'patients',
    query: listQuery({ sort: 'last_name,first_name', ...params, q: patientConditions(params) }),
  }),
);

export interface ClinikoMedicalAlertListParams extends ClinikoListParams {
  /** One patient's alerts (`/patients/{id}/medical_alerts`). */
  readonly patientId?: ClinikoId;
}

export const clinikoMedicalAlertQueries = /* @__PURE__ */ resourceQueries<
  'medical_alerts',
  ClinikoMedicalAlert,
  ClinikoMedicalAlertListParams
>('medical_alerts', ({ patientId, ...params }) => ({
  path: patientId ? `patients/${segment(patientId)}/medical_alerts` : 'medical_alerts',
  query: listQuery(params),
}));
