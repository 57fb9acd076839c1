/**
 * The simplified Observation request shapes (`/v1/observations`): one measurement with a value, or a panel whose
 * readings are components (the VitalsWidget posts `code: "Vitals Panel"` with heart rate and blood pressure).
 */
import { z } from 'zod';
import {
  codingSchema,
  conceptSchema,
  dateTimeSchema,
  idSchema,
  instantSchema,
  list,
  num,
  oneOf,
  optionalText,
  past,
  quantitySchema,
  rule,
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

const componentSchema = z
  .strictObject({
    code: conceptSchema(),
    valueQuantity: quantitySchema.optional(),
    valueString: optionalText(2000),
  })
  .refine((component) => countValues(component, ['valueQuantity', 'valueString']) <= 1, {
    error: 'Give one value: valueQuantity or valueString',
    path: ['valueString'],
  });

const limitSchema = z.strictObject({ value: num({ min: -1e9, max: 1e9 }), unit: optionalText(50) });

const VALUE_FIELDS = ['valueQuantity', 'valueString', 'valueCodeableConcept'] as const;

const observationFields = {
  status: oneOf(OBSERVATION_STATUSES),
  code: conceptSchema(),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  performerId: idSchema.optional(),
  effectiveDateTime: past(dateTimeSchema()).optional(),
  issued: past(instantSchema()).optional(),
  valueQuantity: quantitySchema.optional(),
  valueString: optionalText(2000),
  valueCodeableConcept: codingSchema.optional(),
  component: list(componentSchema, 20).optional(),
  category: oneOf(OBSERVATION_CATEGORIES).optional(),
  interpretation: oneOf(OBSERVATION_INTERPRETATIONS).optional(),
  referenceRange: z
    .strictObject({ low: limitSchema.optional(), high: limitSchema.optional(), text: optionalText(500) })
    .refine((range) => !range.low || !range.high || range.high.value >= range.low.value, {
      error: 'Must not be below low',
      path: ['high'],
    })
    .optional(),
  bodySite: optionalText(200),
  method: optionalText(200),
  specimenId: idSchema.optional(),
  deviceId: idSchema.optional(),
  note: optionalText(2000),
};

/** `POST /v1/observations` body. */
export const observationCreateSchema = z.strictObject(observationFields).superRefine((observation, ctx) => {
  rule(ctx, countValues(observation, VALUE_FIELDS) <= 1, 'valueString', 'Give one value: valueQuantity, valueString or valueCodeableConcept');
});
/** `PATCH /v1/observations/{id}` object body. */
export const observationUpdateSchema = updateSchemaOf(observationFields);

export type ObservationCreate = z.input<typeof observationCreateSchema>;
export type ObservationUpdate = z.input<typeof observationUpdateSchema>;
