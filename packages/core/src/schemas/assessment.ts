/** The simplified assessment (FHIR ClinicalImpression) request shapes (`/v1/assessments`). */
import { z } from 'zod';
import {
  anyReference,
  dateTimeSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  past,
  requiredText,
  typedReference,
  updateSchemaOf,
  uriSchema,
} from './common.ts';

export const ASSESSMENT_STATUSES = ['in-progress', 'completed'] as const;

const assessmentFields = {
  status: oneOf(ASSESSMENT_STATUSES),
  statusReason: optionalText(500),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  /** The assessing practitioner. */
  practitionerId: idSchema.optional(),
  /** Kind of assessment: initial-assessment, follow-up, discharge… */
  code: optionalText(200),
  description: optionalText(2000),
  summary: requiredText(5000),
  findings: list(
    z
      .strictObject({ code: optionalText(200), text: optionalText(1000), basis: optionalText(1000) })
      .refine((finding) => finding.code !== undefined || finding.text !== undefined, { error: 'Needs a code or a text' }),
    50,
  ).optional(),
  note: optionalText(2000),
  effectiveDateTime: dateTimeSchema().optional(),
  /** When the assessment was documented; defaults to the time of the request. */
  date: past(dateTimeSchema()).optional(),
  previousAssessmentId: idSchema.optional(),
  /** Condition ids (or `AllergyIntolerance/…`) being assessed. */
  problemIds: list(typedReference(['Condition', 'AllergyIntolerance']), 20).optional(),
  investigations: list(
    z.strictObject({
      name: requiredText(200),
      /** Observation ids, or `DiagnosticReport/…`, `QuestionnaireResponse/…`… */
      itemIds: list(
        typedReference(['Observation', 'DiagnosticReport', 'QuestionnaireResponse', 'ImagingStudy', 'Media', 'RiskAssessment', 'FamilyMemberHistory']),
        50,
      ).optional(),
    }),
    20,
  ).optional(),
  protocol: list(uriSchema, 10).optional(),
  prognosis: list(
    z
      .strictObject({ code: optionalText(200), text: optionalText(500) })
      .refine((prognosis) => prognosis.code !== undefined || prognosis.text !== undefined, { error: 'Needs a code or a text' }),
    10,
  ).optional(),
  supportingInfoIds: list(anyReference, 20).optional(),
};

/** `POST /v1/assessments` body. */
export const assessmentCreateSchema = z.strictObject(assessmentFields);
/** `PATCH /v1/assessments/{id}` object body. */
export const assessmentUpdateSchema = updateSchemaOf(assessmentFields);

export type AssessmentCreate = z.input<typeof assessmentCreateSchema>;
export type AssessmentUpdate = z.input<typeof assessmentUpdateSchema>;
