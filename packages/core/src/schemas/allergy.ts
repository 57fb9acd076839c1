/** The simplified allergy (FHIR AllergyIntolerance) request shapes (`/v1/allergies`). */
import * as z from 'zod/mini';
import {
  checked,
  conceptSchema,
  dateTimeSchema,
  reference,
  list,
  oneOf,
  optionalText,
  past,
  requiredText,
  rule,
  strictObject,
  typedReference,
  updateSchemaOf,
} from './common.ts';

export const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;
export const ALLERGY_VERIFICATION_STATUSES = ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'] as const;
export const ALLERGY_TYPES = ['allergy', 'intolerance'] as const;
export const ALLERGY_CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
export const REACTION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;

const allergyFields = {
  patientId: reference('Patient'),
  /** Required unless the record was entered in error (FHIR ait-1). */
  clinicalStatus: z.optional(oneOf(ALLERGY_CLINICAL_STATUSES)),
  verificationStatus: z.optional(oneOf(ALLERGY_VERIFICATION_STATUSES)),
  type: z.optional(oneOf(ALLERGY_TYPES)),
  category: z.optional(
    checked(
      list(oneOf(ALLERGY_CATEGORIES), 4),
      z.refine((categories) => new Set(categories).size === categories.length, { error: 'List each category once' }),
    ),
  ),
  criticality: z.optional(oneOf(ALLERGY_CRITICALITIES)),
  /** The substance: a name such as "Penicillin", or a coding. */
  code: z.optional(conceptSchema()),
  encounterId: z.optional(reference('Encounter')),
  onsetDateTime: z.optional(past(dateTimeSchema())),
  onsetString: optionalText(500),
  recordedDate: z.optional(past(dateTimeSchema())),
  recorderId: z.optional(reference('Practitioner')),
  asserterId: z.optional(typedReference(['Practitioner', 'Patient', 'RelatedPerson', 'PractitionerRole'])),
  lastOccurrence: z.optional(past(dateTimeSchema())),
  note: optionalText(5000),
  reaction: z.optional(
    list(
      strictObject({
        substance: optionalText(500),
        /** What happened, e.g. "Hives", "Anaphylaxis". */
        manifestation: list(requiredText(500), 20, 1),
        description: optionalText(2000),
        onset: z.optional(past(dateTimeSchema())),
        severity: z.optional(oneOf(REACTION_SEVERITIES)),
        exposureRoute: optionalText(200),
        note: optionalText(5000),
      }),
      20,
    ),
  ),
};

/**
 * `POST /v1/allergies` body, with FHIR's ait-2 (no clinical status on a record entered in error). The contract
 * leaves `clinicalStatus` optional; the API gives FHIR's ait-1 the status it needs (active, or inactive when refuted).
 */
export const allergyCreateSchema = checked(
  strictObject(allergyFields),
  z.superRefine((allergy, ctx) => {
    if (allergy.verificationStatus === 'entered-in-error') {
      rule(ctx, allergy.clinicalStatus === undefined, 'clinicalStatus', 'Leave out for a record entered in error');
    }
    rule(
      ctx,
      allergy.onsetDateTime === undefined || allergy.onsetString === undefined,
      'onsetString',
      'Give onsetDateTime or onsetString, not both',
    );
  }),
);
/** `PATCH /v1/allergies/{id}` object body. */
export const allergyUpdateSchema = updateSchemaOf(allergyFields);

export type AllergyCreate = z.input<typeof allergyCreateSchema>;
export type AllergyUpdate = z.input<typeof allergyUpdateSchema>;
