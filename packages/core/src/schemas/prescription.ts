/** The simplified prescription (FHIR MedicationRequest) request shapes (`/v1/prescriptions`). */
import { z } from 'zod';
import {
  amountSchema,
  bool,
  conceptSchema,
  dateTimeSchema,
  idSchema,
  num,
  oneOf,
  optionalText,
  updateSchemaOf,
} from './common.ts';

export const PRESCRIPTION_INTENTS = ['proposal', 'plan', 'order', 'original-order'] as const;
export const PRESCRIPTION_STATUSES = ['active', 'on-hold', 'cancelled', 'completed', 'draft'] as const;
export const PRESCRIPTION_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;

const prescriptionFields = {
  patientId: idSchema,
  /** The prescribing practitioner. */
  prescriberId: idSchema,
  encounterId: idSchema.optional(),
  /** The drug: a name such as "Amoxicillin 500mg", or an RxNorm coding. */
  medication: conceptSchema(),
  /** Defaults to `order`. */
  intent: oneOf(PRESCRIPTION_INTENTS).optional(),
  /** Defaults to `active`. */
  status: oneOf(PRESCRIPTION_STATUSES).optional(),
  statusReason: optionalText(500),
  priority: oneOf(PRESCRIPTION_PRIORITIES).optional(),
  /** inpatient, outpatient, community, discharge. */
  category: optionalText(200),
  doNotPerform: bool().optional(),
  /** Defaults to the time of the request. */
  authoredOn: dateTimeSchema().optional(),
  dosageText: optionalText(1000),
  dosage: z
    .strictObject({
      dose: amountSchema.optional(),
      /** Times per period. */
      frequency: num({ int: true, min: 1, max: 48 }).optional(),
      period: num({ min: 0.01, max: 1000 }).optional(),
      periodUnit: oneOf(['h', 'd', 'wk', 'mo']).optional(),
      route: optionalText(100),
    })
    .optional(),
  refills: num({ int: true, min: 0, max: 99 }).optional(),
  quantity: amountSchema.optional(),
  supplyDays: num({ int: true, min: 1, max: 365 }).optional(),
  substitutionAllowed: bool().optional(),
  reason: optionalText(500),
  note: optionalText(2000),
  performerId: idSchema.optional(),
  /** continuous, acute, seasonal. */
  courseOfTherapy: optionalText(200),
  priorPrescriptionId: idSchema.optional(),
};

/** `POST /v1/prescriptions` body. */
export const prescriptionCreateSchema = z.strictObject(prescriptionFields);
/** `PATCH /v1/prescriptions/{id}` object body. */
export const prescriptionUpdateSchema = updateSchemaOf(prescriptionFields);

export type PrescriptionCreate = z.input<typeof prescriptionCreateSchema>;
export type PrescriptionUpdate = z.input<typeof prescriptionUpdateSchema>;
