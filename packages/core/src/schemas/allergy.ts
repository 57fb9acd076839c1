/** The simplified allergy (FHIR AllergyIntolerance) request shapes (`/v1/allergies`). */
import { z } from 'zod';
import {
  conceptSchema,
  dateTimeSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  past,
  requiredText,
  rule,
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
  patientId: idSchema,
  /** Required unless the record was entered in error (FHIR ait-1). */
  clinicalStatus: oneOf(ALLERGY_CLINICAL_STATUSES).optional(),
  verificationStatus: oneOf(ALLERGY_VERIFICATION_STATUSES).optional(),
  type: oneOf(ALLERGY_TYPES).optional(),
  category: list(oneOf(ALLERGY_CATEGORIES), 4)
    .refine((categories) => new Set(categories).size === categories.length, { error: 'List each category once' })
    .optional(),
  criticality: oneOf(ALLERGY_CRITICALITIES).optional(),
  /** The substance: a name such as "Penicillin", or a coding. */
  code: conceptSchema().optional(),
  encounterId: idSchema.optional(),
  onsetDateTime: past(dateTimeSchema()).optional(),
  onsetString: optionalText(500),
  recordedDate: past(dateTimeSchema()).optional(),
  recorderId: idSchema.optional(),
  asserterId: typedReference(['Practitioner', 'Patient', 'RelatedPerson', 'PractitionerRole']).optional(),
  lastOccurrence: past(dateTimeSchema()).optional(),
  note: optionalText(5000),
  reaction: list(
    z.strictObject({
      substance: optionalText(500),
      /** What happened, e.g. "Hives", "Anaphylaxis". */
      manifestation: list(requiredText(500), 20, 1),
      description: optionalText(2000),
      onset: past(dateTimeSchema()).optional(),
      severity: oneOf(REACTION_SEVERITIES).optional(),
      exposureRoute: optionalText(200),
      note: optionalText(5000),
    }),
    20,
  ).optional(),
};

/** `POST /v1/allergies` body, with FHIR's invariants on statuses (ait-1, ait-2). */
export const allergyCreateSchema = z.strictObject(allergyFields).superRefine((allergy, ctx) => {
  if (allergy.verificationStatus === 'entered-in-error') {
    rule(ctx, allergy.clinicalStatus === undefined, 'clinicalStatus', 'Leave out for a record entered in error');
  } else {
    rule(ctx, allergy.clinicalStatus !== undefined, 'clinicalStatus', 'Required');
  }
  rule(ctx, allergy.onsetDateTime === undefined || allergy.onsetString === undefined, 'onsetString', 'Give onsetDateTime or onsetString, not both');
});
/** `PATCH /v1/allergies/{id}` object body. */
export const allergyUpdateSchema = updateSchemaOf(allergyFields);

export type AllergyCreate = z.input<typeof allergyCreateSchema>;
export type AllergyUpdate = z.input<typeof allergyUpdateSchema>;
