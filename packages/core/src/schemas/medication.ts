/** The simplified Medication request shapes (`/v1/medications`): an entry of the drug catalogue, not a prescription. */
import * as z from 'zod/mini';
import { bool, conceptSchema, dateSchema, list, oneOf, optionalText, ratioSchema, strictObject, updateSchemaOf } from './common.ts';

export const MEDICATION_STATUSES = ['active', 'inactive'] as const;

const medicationFields = {
  code: conceptSchema(),
  status: z.optional(oneOf(MEDICATION_STATUSES)),
  /** Dose form: tablet, capsule, solution… */
  form: optionalText(100),
  manufacturer: optionalText(200),
  amount: z.optional(ratioSchema),
  ingredient: z.optional(
    list(strictObject({ item: conceptSchema(), isActive: z.optional(bool()), strength: z.optional(ratioSchema) }), 50),
  ),
  batch: z.optional(strictObject({ lotNumber: optionalText(100), expirationDate: z.optional(dateSchema()) })),
};

/** `POST /v1/medications` body. */
export const medicationCreateSchema = strictObject(medicationFields);
/** `PATCH /v1/medications/{id}` object body. */
export const medicationUpdateSchema = updateSchemaOf(medicationFields);

export type MedicationCreate = z.input<typeof medicationCreateSchema>;
export type MedicationUpdate = z.input<typeof medicationUpdateSchema>;
