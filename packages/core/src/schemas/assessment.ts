/** The simplified assessment (FHIR ClinicalImpression) request shapes (`/v1/assessments`). */
import * as z from 'zod/mini';
import {
  anyReference,
  checked,
  dateTimeSchema,
  reference,
  list,
  oneOf,
  optionalText,
  past,
  requiredText,
  strictObject,
  typedReference,
  updateSchemaOf,
  uriSchema,
} from './common.ts';

export const ASSESSMENT_STATUSES = ['in-progress', 'completed'] as const;

const assessmentFields = {
  status: oneOf(ASSESSMENT_STATUSES),
  statusReason: optionalText(500),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** The assessing practitioner. */
  practitionerId: z.optional(reference('Practitioner')),
  /** Kind of assessment: initial-assessment, follow-up, discharge… */
  code: optionalText(200),
  description: optionalText(2000),
  summary: requiredText(5000),
  findings: z.optional(
    list(
      checked(
        strictObject({ code: optionalText(200), text: optionalText(1000), basis: optionalText(1000) }),
        z.refine((finding) => finding.code !== undefined || finding.text !== undefined, { error: 'Needs a code or a text' }),
      ),
      50,
    ),
  ),
  note: optionalText(2000),
  effectiveDateTime: z.optional(dateTimeSchema()),
  /** When the assessment was documented; defaults to the time of the request. */
  date: z.optional(past(dateTimeSchema())),
  previousAssessmentId: z.optional(reference('ClinicalImpression')),
  /** Condition ids (or `AllergyIntolerance/…`) being assessed. */
  problemIds: z.optional(list(typedReference(['Condition', 'AllergyIntolerance']), 20)),
  investigations: z.optional(
    list(
      strictObject({
        name: requiredText(200),
        /** Observation ids, or `DiagnosticReport/…`, `QuestionnaireResponse/…`… */
        itemIds: z.optional(
          list(
            typedReference([
              'Observation',
              'DiagnosticReport',
              'QuestionnaireResponse',
              'ImagingStudy',
              'Media',
              'RiskAssessment',
              'FamilyMemberHistory',
            ]),
            50,
          ),
        ),
      }),
      20,
    ),
  ),
  protocol: z.optional(list(uriSchema, 10)),
  prognosis: z.optional(
    list(
      checked(
        strictObject({ code: optionalText(200), text: optionalText(500) }),
        z.refine((prognosis) => prognosis.code !== undefined || prognosis.text !== undefined, { error: 'Needs a code or a text' }),
      ),
      10,
    ),
  ),
  supportingInfoIds: z.optional(list(anyReference, 20)),
};

/** `POST /v1/assessments` body. */
export const assessmentCreateSchema = strictObject(assessmentFields);
/** `PATCH /v1/assessments/{id}` object body. */
export const assessmentUpdateSchema = updateSchemaOf(assessmentFields);

export type AssessmentCreate = z.input<typeof assessmentCreateSchema>;
export type AssessmentUpdate = z.input<typeof assessmentUpdateSchema>;
