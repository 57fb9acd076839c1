/** Practitioner: the simplified shape ↔ FHIR R4 Practitioner. */
import { practitionerCreateSchema, practitionerUpdateSchema, type Practitioner } from '@clinikapi/core';
import { compact, compactOrNone } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';
import { fromFhirAddress, telecom, telecomOut, toFhirAddress } from './patients.ts';

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
/** FHIR R4 Practitioner has no specialty element (it lives on PractitionerRole), so it is kept in an extension. */
export const SPECIALTY_EXTENSION = 'https://clinikapi.com/fhir/StructureDefinition/practitioner-specialty';
const LANGUAGE_SYSTEM = 'urn:ietf:bcp:47';

export const practitionerMapping = defineMapping({
  createSchema: practitionerCreateSchema,
  updateSchema: practitionerUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'Practitioner' as const,
      active: input.active ?? true,
      extension: input.specialty ? [{ url: SPECIALTY_EXTENSION, valueCodeableConcept: { text: input.specialty } }] : undefined,
      identifier: input.npi ? [{ system: NPI_SYSTEM, value: input.npi }] : undefined,
      name: [
        compact({
          use: 'official' as const,
          prefix: input.prefix,
          given: input.firstName.split(/\s+/).filter(Boolean),
          family: input.lastName,
          suffix: input.suffix,
        }),
      ],
      telecom: telecom(input.email, input.phone),
      gender: input.gender,
      birthDate: input.birthDate,
      address: input.address ? [toFhirAddress(input.address)] : undefined,
      photo: input.photo ? [compact({ ...input.photo })] : undefined,
      qualification: input.qualifications?.map((qualification) =>
        compact({
          code: { text: qualification.name },
          issuer: qualification.issuer ? { display: qualification.issuer } : undefined,
          period: qualification.period,
          identifier: qualification.identifier ? [{ value: qualification.identifier }] : undefined,
        }),
      ),
      communication: input.languages?.map((code) => ({ coding: [{ system: LANGUAGE_SYSTEM, code }], text: code })),
    }),
  fromFhir: (resource) => {
    const practitioner = resource as Practitioner;
    const name = practitioner.name?.find((candidate) => candidate.use === 'official') ?? practitioner.name?.[0];
    return compact({
      firstName: name?.given?.join(' ') ?? '',
      lastName: name?.family ?? '',
      prefix: name?.prefix,
      suffix: name?.suffix,
      email: telecomOut(practitioner.telecom, 'email'),
      phone: telecomOut(practitioner.telecom, 'phone'),
      gender: practitioner.gender,
      birthDate: practitioner.birthDate,
      npi: practitioner.identifier?.find((identifier) => identifier.system === NPI_SYSTEM)?.value,
      specialty: practitioner.extension?.find((extension) => extension.url === SPECIALTY_EXTENSION)?.valueCodeableConcept?.text,
      qualifications: practitioner.qualification?.map((qualification) =>
        compact({
          name: qualification.code.text ?? qualification.code.coding?.[0]?.display ?? '',
          issuer: qualification.issuer?.display,
          period: qualification.period && compactOrNone({ ...qualification.period }),
          identifier: qualification.identifier?.[0]?.value,
        }),
      ),
      languages: practitioner.communication?.map((language) => language.coding?.[0]?.code ?? language.text ?? ''),
      address: fromFhirAddress(practitioner.address?.[0]),
      photo:
        practitioner.photo?.[0] &&
        compact({ url: practitioner.photo[0].url, data: practitioner.photo[0].data, contentType: practitioner.photo[0].contentType }),
      active: practitioner.active ?? true,
    });
  },
});
