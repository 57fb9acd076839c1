/** The simplified Encounter request shapes (`/v1/encounters`): a visit, admission or call. */
import { z } from 'zod';
import { idSchema, list, num, oneOf, optionalText, periodSchema, requiredText, updateSchemaOf } from './common.ts';

export const ENCOUNTER_STATUSES = ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled'] as const;
/** HL7 v3 ActCode encounter classes: ambulatory, inpatient, emergency, home health, virtual and the rest of the set. */
export const ENCOUNTER_CLASSES = ['AMB', 'IMP', 'EMER', 'HH', 'VR', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS', 'FLD'] as const;

const encounterFields = {
  status: oneOf(ENCOUNTER_STATUSES),
  class: oneOf(ENCOUNTER_CLASSES, 'an encounter class such as AMB, IMP, EMER, HH or VR'),
  patientId: idSchema,
  /** The primary performer. */
  practitionerId: idSchema.optional(),
  participants: list(z.strictObject({ practitionerId: idSchema, role: optionalText(100) }), 20).optional(),
  type: optionalText(200),
  serviceType: optionalText(200),
  priority: optionalText(50),
  reasonCode: optionalText(500),
  period: periodSchema.optional(),
  /** Length in minutes, at most a week. */
  lengthMinutes: num({ int: true, min: 0, max: 10_080 }).optional(),
  location: optionalText(200),
  serviceProvider: optionalText(200),
  diagnosis: list(
    z.strictObject({
      /** The Condition id. */
      condition: idSchema,
      /** AD (admission), DD (discharge), CC (chief complaint), CM (comorbidity), pre-op, post-op, billing. */
      use: optionalText(100),
      rank: num({ int: true, min: 1, max: 100 }).optional(),
    }),
    20,
  ).optional(),
  appointmentId: idSchema.optional(),
  basedOnId: idSchema.optional(),
  partOfId: idSchema.optional(),
  hospitalization: z
    .strictObject({
      admitSource: optionalText(200),
      dischargeDisposition: optionalText(200),
      reAdmission: optionalText(200),
      dietPreference: list(requiredText(200), 10).optional(),
      specialArrangement: list(requiredText(200), 10).optional(),
      destination: optionalText(200),
      origin: optionalText(200),
    })
    .optional(),
};

/** `POST /v1/encounters` body. */
export const encounterCreateSchema = z.strictObject(encounterFields);
/** `PATCH /v1/encounters/{id}` object body. */
export const encounterUpdateSchema = updateSchemaOf(encounterFields);

export type EncounterCreate = z.input<typeof encounterCreateSchema>;
export type EncounterUpdate = z.input<typeof encounterUpdateSchema>;
