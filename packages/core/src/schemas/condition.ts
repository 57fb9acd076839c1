/** The simplified Condition request shapes (`/v1/conditions`): problems and diagnoses. */
import { z } from 'zod';
import {
  anyReference,
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

export const CONDITION_CLINICAL_STATUSES = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] as const;
export const CONDITION_VERIFICATION_STATUSES = ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'] as const;
export const CONDITION_CATEGORIES = ['problem-list-item', 'encounter-diagnosis'] as const;

const conditionFields = {
  patientId: idSchema,
  clinicalStatus: oneOf(CONDITION_CLINICAL_STATUSES).optional(),
  verificationStatus: oneOf(CONDITION_VERIFICATION_STATUSES).optional(),
  category: list(oneOf(CONDITION_CATEGORIES), 2).optional(),
  /** mild, moderate, severe — or your own wording. */
  severity: optionalText(200),
  /** The condition: a name such as "Hypertension", or an ICD-10 / SNOMED coding. */
  code: conceptSchema().optional(),
  bodySite: list(requiredText(500), 10).optional(),
  encounterId: idSchema.optional(),
  onsetDateTime: past(dateTimeSchema()).optional(),
  onsetString: optionalText(500),
  abatementDateTime: past(dateTimeSchema()).optional(),
  abatementString: optionalText(500),
  recordedDate: past(dateTimeSchema()).optional(),
  recorderId: idSchema.optional(),
  /** Who asserted it: a practitioner id, or `Patient/…`, `RelatedPerson/…`. */
  asserterId: typedReference(['Practitioner', 'Patient', 'RelatedPerson', 'PractitionerRole']).optional(),
  stage: list(z.strictObject({ summary: optionalText(500), type: optionalText(200) }), 10).optional(),
  evidence: list(
    z.strictObject({ code: list(requiredText(500), 10).optional(), detailIds: list(anyReference, 10).optional() }),
    20,
  ).optional(),
  note: optionalText(5000),
};

/** Statuses a condition with an abatement may have (FHIR con-4). */
const ABATED: readonly string[] = ['inactive', 'remission', 'resolved'];

/** `POST /v1/conditions` body, with FHIR's invariants on statuses. */
export const conditionCreateSchema = z.strictObject(conditionFields).superRefine((condition, ctx) => {
  const { clinicalStatus, verificationStatus } = condition;
  rule(ctx, condition.onsetDateTime === undefined || condition.onsetString === undefined, 'onsetString', 'Give onsetDateTime or onsetString, not both');
  rule(
    ctx,
    condition.abatementDateTime === undefined || condition.abatementString === undefined,
    'abatementString',
    'Give abatementDateTime or abatementString, not both',
  );
  const abated = condition.abatementDateTime !== undefined || condition.abatementString !== undefined;
  rule(ctx, !abated || clinicalStatus === undefined || ABATED.includes(clinicalStatus), 'clinicalStatus', 'Must be inactive, remission or resolved when the condition has abated');
  if (verificationStatus === 'entered-in-error') {
    rule(ctx, clinicalStatus === undefined, 'clinicalStatus', 'Leave out for a record entered in error');
  } else {
    rule(
      ctx,
      clinicalStatus !== undefined || !condition.category?.includes('problem-list-item'),
      'clinicalStatus',
      'Required for a problem-list item',
    );
  }
  rule(ctx, !condition.onsetDateTime || !condition.abatementDateTime || condition.abatementDateTime >= condition.onsetDateTime, 'abatementDateTime', 'Must not be before the onset');
});
/** `PATCH /v1/conditions/{id}` object body. */
export const conditionUpdateSchema = updateSchemaOf(conditionFields);

export type ConditionCreate = z.input<typeof conditionCreateSchema>;
export type ConditionUpdate = z.input<typeof conditionUpdateSchema>;
