/** The simplified Medication request shapes (`/v1/medications`): an entry of the drug catalogue, not a prescription. */
import { z } from 'zod';
import { bool, conceptSchema, dateSchema, list, oneOf, optionalText, ratioSchema, updateSchemaOf } from './common.ts';

export const MEDICATION_STATUSES = ['active', 'inactive'] as const;

const medicationFields = {
  code: conceptSchema(),
  status: oneOf(MEDICATION_STATUSES).optional(),
  /** Dose form: tablet, capsule, solution… */
  form: optionalText(100),
  manufacturer: optionalText(200),
  amount: ratioSchema.optional(),
  ingredient: list(
    z.strictObject({ item: conceptSchema(), isActive: bool().optional(), strength: ratioSchema.optional() }),
    50,
  ).optional(),
  batch: z.strictObject({ lotNumber: optionalText(100), expirationDate: dateSchema().optional() }).optional(),
};

/** `POST /v1/medications` body. */
export const medicationCreateSchema = z.strictObject(medicationFields);
/** `PATCH /v1/medications/{id}` object body. */
export const medicationUpdateSchema = updateSchemaOf(medicationFields);

export type MedicationCreate = z.input<typeof medicationCreateSchema>;
export type MedicationUpdate = z.input<typeof medicationUpdateSchema>;
