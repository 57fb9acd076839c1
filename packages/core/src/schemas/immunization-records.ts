/** The simplified request shapes of immunization evaluations and recommendations. */
import * as z from 'zod/mini';
import {
  checked,
  dateTimeSchema,
  list,
  num,
  oneOf,
  optionalText,
  reference,
  requiredText,
  rule,
  strictObject,
  updateSchemaOf,
} from './common.ts';
import { texts } from './values.ts';

const doseNumber = () => z.optional(num({ int: true, min: 1, max: 100 }));

/** Dose number and series size agree: the dose is one of the series. */
function doseWithinSeries(value: { doseNumber?: number | undefined; seriesDoses?: number | undefined }, ctx: z.core.$RefinementCtx): void {
  rule(
    ctx,
    value.doseNumber === undefined || value.seriesDoses === undefined || value.doseNumber <= value.seriesDoses,
    'doseNumber',
    'Must not be more than seriesDoses',
  );
}

const immunizationEvaluationFields = {
  status: oneOf(['completed']),
  patientId: reference('Patient'),
  /** Defaults to the time of the request. */
  date: z.optional(dateTimeSchema()),
  /** The organisation whose protocol was applied. */
  authorityId: z.optional(reference('Organization')),
  targetDisease: requiredText(500),
  /** The Immunization evaluated. */
  immunizationEventId: reference('Immunization'),
  /** valid, not-valid. */
  doseStatus: requiredText(200),
  doseStatusReason: texts(500, 10),
  description: optionalText(2000),
  series: optionalText(200),
  doseNumber: doseNumber(),
  seriesDoses: doseNumber(),
};
/** `POST /v1/immunization-evaluations` body. */
export const immunizationEvaluationCreateSchema = checked(strictObject(immunizationEvaluationFields), z.superRefine(doseWithinSeries));
/** `PATCH /v1/immunization-evaluations/{id}` object body. */
export const immunizationEvaluationUpdateSchema = updateSchemaOf(immunizationEvaluationFields);

const recommendationSchema = checked(
  strictObject({
    vaccineCode: texts(500, 10),
    targetDisease: optionalText(200),
    /** due, overdue, immune, contraindicated, complete… */
    forecastStatus: requiredText(200),
    forecastReason: texts(500, 10),
    description: optionalText(2000),
    series: optionalText(200),
    doseNumber: doseNumber(),
    seriesDoses: doseNumber(),
    /** Dates that matter: the earliest, due or latest date of the dose. */
    dateCriterion: z.optional(list(strictObject({ code: requiredText(200), value: dateTimeSchema() }), 10)),
  }),
  z.superRefine((recommendation, ctx) => {
    // FHIR imr-1: a recommendation is for a vaccine or against a disease.
    rule(
      ctx,
      recommendation.vaccineCode !== undefined || recommendation.targetDisease !== undefined,
      'targetDisease',
      'Give vaccineCode or targetDisease (or both)',
    );
    doseWithinSeries(recommendation, ctx);
  }),
);

/** Immunization recommendations are written once and never changed (the API has no update). */
export const immunizationRecommendationCreateSchema = strictObject({
  patientId: reference('Patient'),
  date: dateTimeSchema(),
  authorityId: z.optional(reference('Organization')),
  recommendation: list(recommendationSchema, 20, 1),
});
