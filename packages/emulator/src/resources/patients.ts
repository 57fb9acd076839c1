/** The simplified Patient shape ↔ the stored FHIR R4 Patient. */
import {
  patientCreateSchema,
  patientUpdateSchema,
  type Address as SimpleAddress,
  type Patient,
  type PatientSummary,
} from '@clinikapi/core';
import type { Address, ContactPoint, HumanName } from '@medplum/fhirtypes';
import type { z } from 'zod';
import type { StoredResource } from '../store/types.ts';
import type { ResourceMapping } from './mapping.ts';

type PatientInput = z.output<typeof patientCreateSchema>;
type PatientChanges = z.output<typeof patientUpdateSchema>;

const toFhirAddress = (address: SimpleAddress): Address => ({ use: 'home', ...address });

const fromFhirAddress = (address: Address | undefined): SimpleAddress | undefined => {
  if (!address) return undefined;
  const { line, city, state, postalCode, country } = address;
  return dropUndefined({ line, city, state, postalCode, country });
};

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function telecom(email: string | undefined, phone: string | undefined): ContactPoint[] | undefined {
  const points: ContactPoint[] = [];
  if (email) points.push({ system: 'email', value: email });
  if (phone) points.push({ system: 'phone', value: phone });
  return points.length > 0 ? points : undefined;
}

function officialName(firstName: string, lastName: string): HumanName {
  return { use: 'official', given: firstName.split(/\s+/).filter(Boolean), family: lastName };
}

/** The simplified fields of a stored Patient, the inverse of `patientToFhir`. */
function simplify(patient: Patient): PatientInput & { active: boolean } {
  const name = patient.name?.find((candidate) => candidate.use === 'official') ?? patient.name?.[0];
  return dropUndefined({
    firstName: name?.given?.join(' ') ?? '',
    lastName: name?.family ?? '',
    email: patient.telecom?.find((point) => point.system === 'email')?.value,
    phone: patient.telecom?.find((point) => point.system === 'phone')?.value,
    gender: patient.gender,
    birthDate: patient.birthDate,
    address: fromFhirAddress(patient.address?.[0]),
    maritalStatus: patient.maritalStatus?.text,
    photo: patient.photo?.[0] && dropUndefined({ url: patient.photo[0].url, data: patient.photo[0].data, contentType: patient.photo[0].contentType }),
    contact: patient.contact?.map((contact) =>
      dropUndefined({
        relationship: contact.relationship?.[0]?.text,
        firstName: contact.name?.given?.join(' '),
        lastName: contact.name?.family,
        phone: contact.telecom?.find((point) => point.system === 'phone')?.value,
        email: contact.telecom?.find((point) => point.system === 'email')?.value,
        address: fromFhirAddress(contact.address),
      }),
    ),
    languages: patient.communication?.map((entry) =>
      dropUndefined({ language: entry.language.text ?? entry.language.coding?.[0]?.code ?? '', preferred: entry.preferred }),
    ),
    generalPractitionerId: patient.generalPractitioner?.[0]?.reference?.replace(/^Practitioner\//, ''),
    active: patient.active ?? true,
  }) as PatientInput & { active: boolean };
}

/** Builds the FHIR Patient for a set of simplified fields. */
function patientToFhir(input: PatientInput, active = true): Patient {
  return dropUndefined({
    resourceType: 'Patient' as const,
    active,
    name: [officialName(input.firstName, input.lastName)],
    telecom: telecom(input.email, input.phone),
    gender: input.gender,
    birthDate: input.birthDate,
    address: input.address ? [toFhirAddress(input.address)] : undefined,
    maritalStatus: input.maritalStatus ? { text: input.maritalStatus } : undefined,
    photo: input.photo ? [input.photo] : undefined,
    contact: input.contact?.map((contact) =>
      dropUndefined({
        relationship: contact.relationship ? [{ text: contact.relationship }] : undefined,
        name: contact.firstName || contact.lastName ? dropUndefined({ given: contact.firstName ? [contact.firstName] : undefined, family: contact.lastName }) : undefined,
        telecom: telecom(contact.email, contact.phone),
        address: contact.address ? toFhirAddress(contact.address) : undefined,
      }),
    ),
    communication: input.languages?.map((entry) =>
      dropUndefined({ language: { text: entry.language }, preferred: entry.preferred }),
    ),
    generalPractitioner: input.generalPractitionerId
      ? [{ reference: `Practitioner/${input.generalPractitionerId}` }]
      : undefined,
  });
}

export const patientMapping: ResourceMapping<PatientInput, PatientChanges> = {
  createSchema: patientCreateSchema,
  updateSchema: patientUpdateSchema,
  toFhir: (input) => patientToFhir(input),
  merge(existing, changes) {
    const merged: Record<string, unknown> = { ...simplify(existing as Patient) };
    // A merge: null removes a field, anything else replaces it.
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    const { active, ...fields } = merged as PatientInput & { active?: boolean };
    // Fields the simplified shape does not know (extensions, identifiers) survive an update untouched.
    return { ...(existing as Patient), ...patientToFhir(fields, active) };
  },
  present(stored: StoredResource): PatientSummary {
    const { active, ...fields } = simplify(stored.body as Patient);
    return {
      id: stored.id,
      fullName: `${fields.firstName} ${fields.lastName}`.trim(),
      ...fields,
      active,
      meta: { versionId: String(stored.version), lastUpdated: stored.lastUpdated },
    } as PatientSummary;
  },
};
