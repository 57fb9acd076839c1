/** The simplified Patient shape ↔ the stored FHIR R4 Patient. Patients answer with a PatientSummary, not FHIR. */
import {
  patientCreateSchema,
  patientUpdateSchema,
  type Address as SimpleAddress,
  type Patient,
  type PatientSummary,
} from '@clinikapi/core';
import type { Address, ContactPoint, HumanName } from '@medplum/fhirtypes';
import type { z } from 'zod';
import type { StoredResource } from '../../store/types.ts';
import { compact, compactOrNone } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

type PatientInput = z.output<typeof patientCreateSchema>;

export const toFhirAddress = (address: SimpleAddress): Address => compact({ use: 'home' as const, ...address });

export const fromFhirAddress = (address: Address | undefined): SimpleAddress | undefined => {
  if (!address) return undefined;
  const { line, city, state, postalCode, country } = address;
  return compactOrNone({ line, city, state, postalCode, country });
};

export function telecom(email: string | undefined, phone: string | undefined): ContactPoint[] | undefined {
  const points: ContactPoint[] = [];
  if (email) points.push({ system: 'email', value: email });
  if (phone) points.push({ system: 'phone', value: phone });
  return points.length > 0 ? points : undefined;
}

export const telecomOut = (points: readonly ContactPoint[] | undefined, system: 'email' | 'phone'): string | undefined =>
  points?.find((point) => point.system === system)?.value;

function officialName(firstName: string, lastName: string): HumanName {
  return { use: 'official', given: firstName.split(/\s+/).filter(Boolean), family: lastName };
}

/** The simplified fields of a stored Patient, the inverse of `patientToFhir`. */
function simplify(patient: Patient): PatientInput & { active: boolean } {
  const name = patient.name?.find((candidate) => candidate.use === 'official') ?? patient.name?.[0];
  return compact({
    firstName: name?.given?.join(' ') ?? '',
    lastName: name?.family ?? '',
    email: telecomOut(patient.telecom, 'email'),
    phone: telecomOut(patient.telecom, 'phone'),
    gender: patient.gender,
    birthDate: patient.birthDate,
    address: fromFhirAddress(patient.address?.[0]),
    maritalStatus: patient.maritalStatus?.text,
    photo:
      patient.photo?.[0] && compact({ url: patient.photo[0].url, data: patient.photo[0].data, contentType: patient.photo[0].contentType }),
    contact: patient.contact?.map((contact) =>
      compact({
        relationship: contact.relationship?.[0]?.text,
        firstName: contact.name?.given?.join(' '),
        lastName: contact.name?.family,
        phone: telecomOut(contact.telecom, 'phone'),
        email: telecomOut(contact.telecom, 'email'),
        address: fromFhirAddress(contact.address),
      }),
    ),
    languages: patient.communication?.map((entry) =>
      compact({ language: entry.language.text ?? entry.language.coding?.[0]?.code ?? '', preferred: entry.preferred }),
    ),
    generalPractitionerId: patient.generalPractitioner?.[0]?.reference?.replace(/^Practitioner\//, ''),
    active: patient.active ?? true,
  }) as PatientInput & { active: boolean };
}

function patientToFhir(input: PatientInput): Patient {
  return compact({
    resourceType: 'Patient' as const,
    active: input.active ?? true,
    name: [officialName(input.firstName, input.lastName)],
    telecom: telecom(input.email, input.phone),
    gender: input.gender,
    birthDate: input.birthDate,
    address: input.address ? [toFhirAddress(input.address)] : undefined,
    maritalStatus: input.maritalStatus ? { text: input.maritalStatus } : undefined,
    photo: input.photo ? [compact({ ...input.photo })] : undefined,
    contact: input.contact?.map((contact) =>
      compact({
        relationship: contact.relationship ? [{ text: contact.relationship }] : undefined,
        name:
          contact.firstName || contact.lastName
            ? compact({ given: contact.firstName ? [contact.firstName] : undefined, family: contact.lastName })
            : undefined,
        telecom: telecom(contact.email, contact.phone),
        address: contact.address ? toFhirAddress(contact.address) : undefined,
      }),
    ),
    communication: input.languages?.map((entry) => compact({ language: { text: entry.language }, preferred: entry.preferred })),
    generalPractitioner: input.generalPractitionerId ? [{ reference: `Practitioner/${input.generalPractitionerId}` }] : undefined,
  });
}

export function presentPatient(stored: StoredResource): PatientSummary {
  const { active, ...fields } = simplify(stored.body as Patient);
  return {
    id: stored.id,
    fullName: `${fields.firstName} ${fields.lastName}`.trim(),
    ...fields,
    active,
    meta: { versionId: String(stored.version), lastUpdated: stored.lastUpdated },
  } as PatientSummary;
}

export const patientMapping = defineMapping({
  createSchema: patientCreateSchema,
  updateSchema: patientUpdateSchema,
  toFhir: patientToFhir,
  fromFhir: (resource) => simplify(resource as Patient),
  present: presentPatient,
});
