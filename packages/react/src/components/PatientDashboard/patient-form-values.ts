/**
 * The patient form's values, and the two ways they become an API body: everything filled in (create), or only what
 * changed since the version the user started from, `null` for what they cleared (update, a merge). The address is
 * one field to the API: any change sends it whole.
 */
import type { PatientCreate, PatientSummary, PatientUpdate } from '@clinikapi/core';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';

export interface PatientFormValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: '' | 'male' | 'female' | 'other' | 'unknown';
  email: string;
  phone: string;
  maritalStatus: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

export const EMPTY_PATIENT_FORM: PatientFormValues = {
  firstName: '',
  lastName: '',
  birthDate: '',
  gender: '',
  email: '',
  phone: '',
  maritalStatus: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
};

const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode', 'country'] as const;
const SIMPLE_FIELDS = ['firstName', 'lastName', 'birthDate', 'gender', 'email', 'phone', 'maritalStatus'] as const;

/** The form a patient's current record fills in. */
export function formValuesOf(patient: PatientSummary): PatientFormValues {
  const address = patient.address;
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate ?? '',
    gender: patient.gender ?? '',
    email: patient.email ?? '',
    phone: patient.phone ?? '',
    maritalStatus: patient.maritalStatus ?? '',
    addressLine1: address?.line?.[0] ?? '',
    addressLine2: address?.line?.slice(1).join(', ') ?? '',
    city: address?.city ?? '',
    state: address?.state ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? '',
  };
}

function addressOf(values: PatientFormValues): PatientCreate['address'] {
  return dropBlanks({
    line: [values.addressLine1, values.addressLine2],
    city: values.city,
    state: values.state,
    postalCode: values.postalCode,
    country: values.country,
  });
}

/** `POST /patients` body: what was filled in. */
export function createInputOf(values: PatientFormValues): PatientCreate {
  const trimmed = (value: string) => value.trim();
  return dropBlanks({
    firstName: trimmed(values.firstName),
    lastName: trimmed(values.lastName),
    birthDate: values.birthDate,
    gender: values.gender,
    email: trimmed(values.email),
    phone: trimmed(values.phone),
    maritalStatus: values.maritalStatus,
    address: addressOf(values),
  }) as PatientCreate;
}

/** Form fields whose value differs between two sets of values. */
export function changedFields(from: PatientFormValues, to: PatientFormValues): (keyof PatientFormValues)[] {
  return (Object.keys(EMPTY_PATIENT_FORM) as (keyof PatientFormValues)[]).filter((field) => from[field].trim() !== to[field].trim());
}

/** `PATCH /patients/{id}` body: what changed since `base`, `null` for what was cleared (names cannot be). */
export function updateInputOf(base: PatientFormValues, values: PatientFormValues): PatientUpdate {
  const changed = new Set(changedFields(base, values));
  const update: Record<string, unknown> = {};
  for (const field of SIMPLE_FIELDS) {
    if (!changed.has(field)) continue;
    const value = values[field].trim();
    update[field] = value === '' && field !== 'firstName' && field !== 'lastName' ? null : value;
  }
  if (ADDRESS_FIELDS.some((field) => changed.has(field))) {
    const address = addressOf(values);
    update.address = address && Object.keys(address).length > 0 ? address : null;
  }
  return update as PatientUpdate;
}

/**
 * The form after someone else saved `theirs` over the `base` the user started from: the latest version, with the
 * user's own changes kept wherever the other person left the field alone. Returns the fields where both changed
 * (theirs is shown; the user's value is listed for them to re-enter).
 */
export function rebase(
  base: PatientFormValues,
  mine: PatientFormValues,
  theirs: PatientFormValues,
): { values: PatientFormValues; clashes: (keyof PatientFormValues)[] } {
  const values = { ...theirs };
  const clashes: (keyof PatientFormValues)[] = [];
  const theyChanged = new Set(changedFields(base, theirs));
  for (const field of changedFields(base, mine)) {
    if (!theyChanged.has(field)) (values as Record<string, string>)[field] = mine[field];
    else if (mine[field].trim() !== theirs[field].trim()) clashes.push(field);
  }
  return { values, clashes };
}
