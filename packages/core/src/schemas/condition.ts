/** The simplified Condition request shapes (`/v1/conditions`): problems and diagnoses. */
import * as z from 'zod/mini';
import {
  anyReference,
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

export const CONDITION_CLINICAL_STATUSES = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'] as const;
export const CONDITION_VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;
export const CONDITION_CATEGORIES = ['problem-list-item', 'encounter-diagnosis'] as const;

const conditionFields = {
  patientId: reference('Patient'),
  clinicalStatus: z.optional(oneOf(CONDITION_CLINICAL_STATUSES)),
  verificationStatus: z.optional(oneOf(CONDITION_VERIFICATION_STATUSES)),
  category: z.optional(list(oneOf(CONDITION_CATEGORIES), 2)),
  /** mild, moderate, severe — or your own wording. */
  severity: optionalText(200),
  /** The condition: a name such as "Hypertension", or an ICD-10 / SNOMED coding. */
  code: z.optional(conceptSchema()),
  bodySite: z.optional(list(requiredText(500), 10)),
  encounterId: z.optional(reference('Encounter')),
  onsetDateTime: z.optional(past(dateTimeSchema())),
  onsetString: optionalText(500),
  abatementDateTime: z.optional(past(dateTimeSchema())),
  abatementString: optionalText(500),
  recordedDate: z.optional(past(dateTimeSchema())),
  recorderId: z.optional(reference('Practitioner')),
  /** Who asserted it: a practitioner id, or `Patient/…`, `RelatedPerson/…`. */
  asserterId: z.optional(typedReference(['Practitioner', 'Patient', 'RelatedPerson', 'PractitionerRole'])),
  stage: z.optional(list(strictObject({ summary: optionalText(500), type: optionalText(200) }), 10)),
  evidence: z.optional(
    list(strictObject({ code: z.optional(list(requiredText(500), 10)), detailIds: z.optional(list(anyReference, 10)) }), 20),
  ),
  note: optionalText(5000),
};

/** Statuses a condition with an abatement may have (FHIR con-4). */
const ABATED: readonly string[] = ['inactive', 'remission', 'resolved'];

/** `POST /v1/conditions` body, with FHIR's invariants on statuses. */
export const conditionCreateSchema = checked(
  strictObject(conditionFields),
  z.superRefine((condition, ctx) => {
    const { clinicalStatus, verificationStatus } = condition;
    rule(
      ctx,
      condition.onsetDateTime === undefined || condition.onsetString === undefined,
      'onsetString',
      'Give onsetDateTime or onsetString, not both',
    );
    rule(
      ctx,
      condition.abatementDateTime === undefined || condition.abatementString === undefined,
      'abatementString',
      'Give abatementDateTime or abatementString, not both',
    );
    const abated = condition.abatementDateTime !== undefined || condition.abatementString !== undefined;
    rule(
      ctx,
      !abated || clinicalStatus === undefined || ABATED.includes(clinicalStatus),
      'clinicalStatus',
      'Must be inactive, remission or resolved when the condition has abated',
    );
    // FHIR con-5. (con-3, a clinical status on every problem-list item, is only a warning in R4 and the contract
    // leaves the status optional.)
    if (verificationStatus === 'entered-in-error') {
      rule(ctx, clinicalStatus === undefined, 'clinicalStatus', 'Leave out for a record entered in error');
    }
    rule(
      ctx,
      !condition.onsetDateTime || !condition.abatementDateTime || condition.abatementDateTime >= condition.onsetDateTime,
      'abatementDateTime',
      'Must not be before the onset',
    );
  }),
);
/** `PATCH /v1/conditions/{id}` object body. */
export const conditionUpdateSchema = updateSchemaOf(conditionFields);

export type ConditionCreate = z.input<typeof conditionCreateSchema>;
export type ConditionUpdate = z.input<typeof conditionUpdateSchema>;
