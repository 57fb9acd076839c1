/**
 * A FHIR Patient as the simplified `PatientSummary` every patients endpoint answers with. Needed where the API hands
 * back FHIR instead — the `_revinclude` Bundle — so `usePatientRecord` has one patient shape whatever the source.
 */
import type { Patient, PatientSummary } from '@clinikapi/core';

/** True when `value` already is a summary (it has the summary's own `fullName`). */
export function isPatientSummary(value: unknown): value is PatientSummary {
  return typeof value === 'object' && value !== null && typeof (value as { fullName?: unknown }).fullName === 'string';
}

export function patientSummaryFromFhir(patient: Patient): PatientSummary {
  const name = patient.name?.find((candidate) => candidate.use === 'official') ?? patient.name?.[0];
  const firstName = name?.given?.join(' ') ?? '';
  const lastName = name?.family ?? '';
  const contact = (system: string) => patient.telecom?.find((point) => point.system === system)?.value;
  const { line, city, state, postalCode, country } = patient.address?.[0] ?? {};
  const address = dropUndefined({ line, city, state, postalCode, country });
  return dropUndefined({
    id: patient.id ?? '',
    fullName: `${firstName} ${lastName}`.trim(),
    firstName,
    lastName,
    email: contact('email'),
    phone: contact('phone'),
    gender: patient.gender,
    birthDate: patient.birthDate,
    active: patient.active ?? true,
    address: Object.keys(address).length > 0 ? address : undefined,
    maritalStatus: patient.maritalStatus?.text,
    generalPractitionerId: patient.generalPractitioner?.[0]?.reference?.replace(/^Practitioner\//, ''),
    meta: { versionId: patient.meta?.versionId ?? '', lastUpdated: patient.meta?.lastUpdated ?? '' },
  });
}

/** `value` without its undefined fields, as the API leaves them out. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
