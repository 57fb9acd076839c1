/** The simplified Encounter request shapes (`/v1/encounters`): a visit, admission or call. */
import * as z from 'zod/mini';
import { reference, list, num, oneOf, optionalText, periodSchema, requiredText, strictObject, updateSchemaOf } from './common.ts';

export const ENCOUNTER_STATUSES = ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled'] as const;
/** HL7 v3 ActCode encounter classes: ambulatory, inpatient, emergency, home health, virtual and the rest of the set. */
export const ENCOUNTER_CLASSES = ['AMB', 'IMP', 'EMER', 'HH', 'VR', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS', 'FLD'] as const;

const encounterFields = {
  status: oneOf(ENCOUNTER_STATUSES),
  class: oneOf(ENCOUNTER_CLASSES, 'an encounter class such as AMB, IMP, EMER, HH or VR'),
  patientId: reference('Patient'),
  /** The primary performer. */
  practitionerId: z.optional(reference('Practitioner')),
  participants: z.optional(list(strictObject({ practitionerId: reference('Practitioner'), role: optionalText(100) }), 20)),
  type: optionalText(200),
  serviceType: optionalText(200),
  priority: optionalText(50),
  /** Why the encounter happened: one reason, or several (as the official SDK allows). */
  reasonCode: z.optional(
    z.union([requiredText(500), list(requiredText(500), 10, 1)], {
      error: (issue) =>
        Array.isArray(issue.input)
          ? 'Must be a list of at most 10 texts of at most 500 characters'
          : 'Must be text of at most 500 characters, or a list of texts',
    }),
  ),
  period: z.optional(periodSchema),
  /** Length in minutes, at most a week. */
  lengthMinutes: z.optional(num({ int: true, min: 0, max: 10_080 })),
  location: optionalText(200),
  serviceProvider: optionalText(200),
  diagnosis: z.optional(
    list(
      strictObject({
        /** The Condition id. */
        condition: reference('Condition'),
        /** AD (admission), DD (discharge), CC (chief complaint), CM (comorbidity), pre-op, post-op, billing. */
        use: optionalText(100),
        rank: z.optional(num({ int: true, min: 1, max: 100 })),
      }),
      20,
    ),
  ),
  appointmentId: z.optional(reference('Appointment')),
  basedOnId: z.optional(reference('ServiceRequest')),
  partOfId: z.optional(reference('Encounter')),
  hospitalization: z.optional(
    strictObject({
      admitSource: optionalText(200),
      dischargeDisposition: optionalText(200),
      reAdmission: optionalText(200),
      dietPreference: z.optional(list(requiredText(200), 10)),
      specialArrangement: z.optional(list(requiredText(200), 10)),
      destination: optionalText(200),
      origin: optionalText(200),
    }),
  ),
};

/** `POST /v1/encounters` body. */
export const encounterCreateSchema = strictObject(encounterFields);
/** `PATCH /v1/encounters/{id}` object body. */
export const encounterUpdateSchema = updateSchemaOf(encounterFields);

export type EncounterCreate = z.input<typeof encounterCreateSchema>;
export type EncounterUpdate = z.input<typeof encounterUpdateSchema>;
