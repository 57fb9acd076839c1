/** The simplified CarePlan request shapes (`/v1/care-plans`). */
import * as z from 'zod/mini';
import {
  anyReference,
  dateTimeSchema,
  reference,
  list,
  oneOf,
  optionalText,
  periodSchema,
  requiredText,
  strictObject,
  typedReference,
  updateSchemaOf,
} from './common.ts';

export const CARE_PLAN_STATUSES = ['draft', 'active', 'on-hold', 'revoked', 'completed'] as const;
export const CARE_PLAN_INTENTS = ['proposal', 'plan', 'order', 'option'] as const;
/** The FHIR care-plan-activity-status value set. */
export const CARE_PLAN_ACTIVITY_STATUSES = [
  'not-started',
  'scheduled',
  'in-progress',
  'on-hold',
  'completed',
  'cancelled',
  'stopped',
  'unknown',
] as const;

/** A list of up to 20 ids of records of `type`. */
const ids = (type: string) => z.optional(list(reference(type), 20));

const carePlanFields = {
  status: oneOf(CARE_PLAN_STATUSES),
  intent: oneOf(CARE_PLAN_INTENTS),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  title: optionalText(500),
  description: optionalText(5000),
  /** e.g. diabetes-management, post-surgical. */
  category: z.optional(list(requiredText(200), 10)),
  period: z.optional(periodSchema),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  authorId: z.optional(reference('Practitioner')),
  contributorIds: ids('Practitioner'),
  careTeamIds: ids('CareTeam'),
  /** Condition ids the plan addresses. */
  addressesIds: ids('Condition'),
  goalIds: ids('Goal'),
  note: optionalText(5000),
  activity: z.optional(
    list(
      strictObject({
        description: requiredText(2000),
        status: oneOf(CARE_PLAN_ACTIVITY_STATUSES),
        code: optionalText(200),
        scheduledString: optionalText(500),
        performerId: z.optional(reference('Practitioner')),
        /** The request that carries the activity out: `ServiceRequest/…`, `MedicationRequest/…`, `Appointment/…`… */
        referenceId: z.optional(anyReference),
      }),
      50,
    ),
  ),
  basedOn: z.optional(list(typedReference(['CarePlan']), 10)),
  replaces: z.optional(list(typedReference(['CarePlan']), 10)),
  partOf: z.optional(list(typedReference(['CarePlan']), 10)),
};

/** `POST /v1/care-plans` body. */
export const carePlanCreateSchema = strictObject(carePlanFields);
/** `PATCH /v1/care-plans/{id}` object body. */
export const carePlanUpdateSchema = updateSchemaOf(carePlanFields);

export type CarePlanCreate = z.input<typeof carePlanCreateSchema>;
export type CarePlanUpdate = z.input<typeof carePlanUpdateSchema>;
