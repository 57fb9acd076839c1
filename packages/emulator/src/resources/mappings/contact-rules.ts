/** Element rules for contact details that several resources share: names, telecom and addresses. */
import type { Address as SimpleAddress } from '@clinikapi/core';
import type { Address, ContactPoint, HumanName } from '@medplum/fhirtypes';
import { rule, type ElementRule } from '../field-rules.ts';
import { fromFhirAddress, telecom, telecomOut } from './patients.ts';

/** `phone` and `email` → `telecom`. */
export const telecomOf = (): ElementRule =>
  rule(
    'telecom',
    (input) => telecom(input.email as string | undefined, input.phone as string | undefined),
    (value) => ({ phone: telecomOut(value as ContactPoint[], 'phone'), email: telecomOut(value as ContactPoint[], 'email') }),
  );

/** A simplified address → a FHIR Address, or a list of one when `many`. */
export const addressOf = (many: boolean, field = 'address'): ElementRule =>
  rule(
    field,
    (input) => {
      const address = input[field] as SimpleAddress | undefined;
      if (!address) return undefined;
      return many ? [{ ...address }] : { ...address };
    },
    (value) => ({ [field]: fromFhirAddress(many ? (value as Address[])[0] : (value as Address)) }),
  );

/** `firstName` and `lastName` → one official HumanName, given names split at spaces. */
export const officialNameOf = (): ElementRule =>
  rule(
    'name',
    (input) => [{ use: 'official', given: String(input.firstName).split(/\s+/).filter(Boolean), family: input.lastName }],
    (value) => {
      const names = value as HumanName[];
      const name = names.find((candidate) => candidate.use === 'official') ?? names[0];
      return { firstName: name?.given?.join(' ') ?? '', lastName: name?.family ?? '' };
    },
  );
