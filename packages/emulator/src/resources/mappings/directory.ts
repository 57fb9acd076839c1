/** Organizations, locations, healthcare services and persons: the simplified shapes ↔ FHIR R4. */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS, type Address as SimpleAddress } from '@clinikapi/core';
import type { Address, ContactPoint, HumanName } from '@medplum/fhirtypes';
import { refTo, rule, ruleMapping, same, textList, textOf, typedReference, type Fields } from '../field-rules.ts';
import { typedRefOut } from '../fhir-values.ts';
import { addressOf, officialNameOf, telecomOf } from './contact-rules.ts';
import { fromFhirAddress, telecom, telecomOut } from './patients.ts';

/** `active` is true unless said otherwise, as FHIR reads a missing `active`. */
const activeByDefault = () =>
  rule(
    'active',
    (input) => input.active ?? true,
    (value) => ({ active: value }),
  );

interface OrganizationContact {
  purpose?: { text?: string };
  name?: HumanName;
  telecom?: ContactPoint[];
  address?: Address;
}

export const organizationMapping = ruleMapping({
  resourceType: 'Organization',
  createSchema: SCHEMAS.organizations.create,
  updateSchema: SCHEMAS.organizations.update,
  rules: [
    activeByDefault(),
    textList('type'),
    same('name'),
    same('alias'),
    telecomOf(),
    addressOf(true),
    refTo('Organization', 'partOfId', 'partOf'),
    rule(
      'contact',
      (input) =>
        (input.contact as Fields[] | undefined)?.map((contact) => ({
          purpose: contact.purpose === undefined ? undefined : { text: contact.purpose },
          name: { given: contact.firstName === undefined ? undefined : [contact.firstName], family: contact.lastName },
          telecom: telecom(contact.email as string | undefined, contact.phone as string | undefined),
          address: contact.address as SimpleAddress | undefined,
        })),
      (value) => ({
        contact: (value as OrganizationContact[]).map((contact) => ({
          purpose: contact.purpose?.text,
          firstName: contact.name?.given?.join(' '),
          lastName: contact.name?.family,
          phone: telecomOut(contact.telecom, 'phone'),
          email: telecomOut(contact.telecom, 'email'),
          address: fromFhirAddress(contact.address),
        })),
      }),
    ),
  ],
});

export const locationMapping = ruleMapping({
  resourceType: 'Location',
  createSchema: SCHEMAS.locations.create,
  updateSchema: SCHEMAS.locations.update,
  rules: [
    same('status'),
    same('name'),
    same('alias'),
    same('description'),
    same('mode'),
    textList('type'),
    telecomOf(),
    addressOf(false),
    textOf('physicalType'),
    same('position'),
    refTo('Organization', 'managingOrganizationId', 'managingOrganization'),
    refTo('Location', 'partOfId', 'partOf'),
    same('hoursOfOperation'),
    same('availabilityExceptions'),
  ],
});

export const healthcareServiceMapping = ruleMapping({
  resourceType: 'HealthcareService',
  createSchema: SCHEMAS['healthcare-services'].create,
  updateSchema: SCHEMAS['healthcare-services'].update,
  rules: [
    activeByDefault(),
    refTo('Organization', 'providedById', 'providedBy'),
    textList('category'),
    textList('type'),
    textList('specialty'),
    rule(
      'location',
      (input) => (input.locationNames as string[] | undefined)?.map((display) => ({ display })),
      (value) => ({ locationNames: (value as { display?: string }[]).map((location) => location.display) }),
    ),
    same('name'),
    same('comment'),
    same('extraDetails'),
    telecomOf(),
    same('appointmentRequired'),
    same('availableTime'),
    same('notAvailable'),
    same('availabilityExceptions'),
    textList('program'),
    textList('referralMethod'),
    textList('communication'),
  ],
});

export const personMapping = ruleMapping({
  resourceType: 'Person',
  createSchema: SCHEMAS.persons.create,
  updateSchema: SCHEMAS.persons.update,
  patientField: 'link',
  rules: [
    officialNameOf(),
    telecomOf(),
    same('gender'),
    same('birthDate'),
    addressOf(true),
    same('photo'),
    refTo('Organization', 'managingOrganizationId', 'managingOrganization'),
    activeByDefault(),
    rule(
      'link',
      (input) =>
        (input.link as Fields[] | undefined)?.map((link) => ({
          target: typedReference(link.targetId as string, 'Patient'),
          assurance: link.assurance,
        })),
      (value) => ({
        link: (value as { target: { reference?: string }; assurance?: string }[]).map((link) => ({
          targetId: typedRefOut(link.target, 'Patient'),
          assurance: link.assurance,
        })),
      }),
    ),
  ],
});
