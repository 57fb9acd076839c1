/**
 * The simplified Observation request shapes (`/v1/observations`): one measurement with a value, or a panel whose
 * readings are components (the VitalsWidget posts `code: "Vitals Panel"` with heart rate and blood pressure).
 */
import * as z from 'zod/mini';
import {
  checked,
  codingSchema,
  conceptSchema,
  dateTimeSchema,
  reference,
  instantSchema,
  list,
  num,
  oneOf,
  optionalText,
  past,
  quantitySchema,
  rule,
  strictObject,
  updateSchemaOf,
} from './common.ts';

export const OBSERVATION_STATUSES = ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled'] as const;
/** The FHIR observation-category value set. */
export const OBSERVATION_CATEGORIES = [
  'vital-signs',
  'laboratory',
  'social-history',
  'exam',
  'imaging',
  'procedure',
  'survey',
  'therapy',
  'activity',
] as const;
/** HL7 ObservationInterpretation: high, low, normal, abnormal, critically high, critically low. */
export const OBSERVATION_INTERPRETATIONS = ['H', 'L', 'N', 'A', 'HH', 'LL'] as const;

const countValues = (value: object, names: readonly string[]): number =>
  names.filter((name) => (value as Record<string, unknown>)[name] !== undefined).length;

const componentSchema = checked(
  strictObject({
    code: conceptSchema(),
    valueQuantity: z.optional(quantitySchema),
    valueString: optionalText(2000),
  }),
  z.refine((component) => countValues(component, ['valueQuantity', 'valueString']) <= 1, {
    error: 'Give one value: valueQuantity or valueString',
    path: ['valueString'],
  }),
);

const limitSchema = strictObject({ value: num({ min: -1e9, max: 1e9 }), unit: optionalText(50) });

const VALUE_FIELDS = ['valueQuantity', 'valueString', 'valueCodeableConcept'] as const;

const observationFields = {
  status: oneOf(OBSERVATION_STATUSES),
  code: conceptSchema(),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  performerId: z.optional(reference('Practitioner')),
  effectiveDateTime: z.optional(past(dateTimeSchema())),
  issued: z.optional(past(instantSchema())),
  valueQuantity: z.optional(quantitySchema),
  valueString: optionalText(2000),
  valueCodeableConcept: z.optional(codingSchema),
  component: z.optional(list(componentSchema, 20)),
  category: z.optional(oneOf(OBSERVATION_CATEGORIES)),
  interpretation: z.optional(oneOf(OBSERVATION_INTERPRETATIONS)),
  referenceRange: z.optional(
    checked(
      strictObject({ low: z.optional(limitSchema), high: z.optional(limitSchema), text: optionalText(500) }),
      z.refine((range) => !range.low || !range.high || range.high.value >= range.low.value, {
        error: 'Must not be below low',
        path: ['high'],
      }),
    ),
  ),
  bodySite: optionalText(200),
  method: optionalText(200),
  specimenId: z.optional(reference('Specimen')),
  deviceId: z.optional(reference('Device')),
  note: optionalText(2000),
};

/** `POST /v1/observations` body. */
export const observationCreateSchema = checked(
  strictObject(observationFields),
  z.superRefine((observation, ctx) => {
    rule(
      ctx,
      countValues(observation, VALUE_FIELDS) <= 1,
      'valueString',
      'Give one value: valueQuantity, valueString or valueCodeableConcept',
    );
  }),
);
/** `PATCH /v1/observations/{id}` object body. */
export const observationUpdateSchema = updateSchemaOf(observationFields);

export type ObservationCreate = z.input<typeof observationCreateSchema>;
export type ObservationUpdate = z.input<typeof observationUpdateSchema>;
