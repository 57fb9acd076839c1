/** The simplified prescription (FHIR MedicationRequest) request shapes (`/v1/prescriptions`). */
import * as z from 'zod/mini';
import {
  amountSchema,
  bool,
  conceptSchema,
  dateTimeSchema,
  reference,
  num,
  oneOf,
  optionalText,
  strictObject,
  updateSchemaOf,
} from './common.ts';

export const PRESCRIPTION_INTENTS = ['proposal', 'plan', 'order', 'original-order'] as const;
export const PRESCRIPTION_STATUSES = ['active', 'on-hold', 'cancelled', 'completed', 'draft'] as const;
export const PRESCRIPTION_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;

const prescriptionFields = {
  patientId: reference('Patient'),
  /** The prescribing practitioner. */
  prescriberId: reference('Practitioner'),
  encounterId: z.optional(reference('Encounter')),
  /** The drug: a name such as "Amoxicillin 500mg", or an RxNorm coding. */
  medication: conceptSchema(),
  /** Defaults to `order`. */
  intent: z.optional(oneOf(PRESCRIPTION_INTENTS)),
  /** Defaults to `active`. */
  status: z.optional(oneOf(PRESCRIPTION_STATUSES)),
  statusReason: optionalText(500),
  priority: z.optional(oneOf(PRESCRIPTION_PRIORITIES)),
  /** inpatient, outpatient, community, discharge. */
  category: optionalText(200),
  doNotPerform: z.optional(bool()),
  /** Defaults to the time of the request. */
  authoredOn: z.optional(dateTimeSchema()),
  dosageText: optionalText(1000),
  dosage: z.optional(
    strictObject({
      dose: z.optional(amountSchema),
      /** Times per period. */
      frequency: z.optional(num({ int: true, min: 1, max: 48 })),
      period: z.optional(num({ min: 0.01, max: 1000 })),
      periodUnit: z.optional(oneOf(['h', 'd', 'wk', 'mo'])),
      route: optionalText(100),
    }),
  ),
  refills: z.optional(num({ int: true, min: 0, max: 99 })),
  quantity: z.optional(amountSchema),
  supplyDays: z.optional(num({ int: true, min: 1, max: 365 })),
  substitutionAllowed: z.optional(bool()),
  reason: optionalText(500),
  note: optionalText(2000),
  performerId: z.optional(reference('Practitioner')),
  /** continuous, acute, seasonal. */
  courseOfTherapy: optionalText(200),
  priorPrescriptionId: z.optional(reference('MedicationRequest')),
};

/** `POST /v1/prescriptions` body. */
export const prescriptionCreateSchema = strictObject(prescriptionFields);
/** `PATCH /v1/prescriptions/{id}` object body. */
export const prescriptionUpdateSchema = updateSchemaOf(prescriptionFields);

export type PrescriptionCreate = z.input<typeof prescriptionCreateSchema>;
export type PrescriptionUpdate = z.input<typeof prescriptionUpdateSchema>;
