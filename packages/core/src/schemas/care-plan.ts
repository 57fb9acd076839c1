/** The simplified CarePlan request shapes (`/v1/care-plans`). */
import { z } from 'zod';
import {
  anyReference,
  dateTimeSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  periodSchema,
  requiredText,
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

const ids = list(idSchema, 20).optional();

const carePlanFields = {
  status: oneOf(CARE_PLAN_STATUSES),
  intent: oneOf(CARE_PLAN_INTENTS),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  title: optionalText(500),
  description: optionalText(5000),
  /** e.g. diabetes-management, post-surgical. */
  category: list(requiredText(200), 10).optional(),
  period: periodSchema.optional(),
  /** Defaults to the time of the request. */
  created: dateTimeSchema().optional(),
  authorId: idSchema.optional(),
  contributorIds: ids,
  careTeamIds: ids,
  /** Condition ids the plan addresses. */
  addressesIds: ids,
  goalIds: ids,
  note: optionalText(5000),
  activity: list(
    z.strictObject({
      description: requiredText(2000),
      status: oneOf(CARE_PLAN_ACTIVITY_STATUSES),
      code: optionalText(200),
      scheduledString: optionalText(500),
      performerId: idSchema.optional(),
      /** The request that carries the activity out: `ServiceRequest/…`, `MedicationRequest/…`, `Appointment/…`… */
      referenceId: anyReference.optional(),
    }),
    50,
  ).optional(),
  basedOn: list(typedReference(['CarePlan']), 10).optional(),
  replaces: list(typedReference(['CarePlan']), 10).optional(),
  partOf: list(typedReference(['CarePlan']), 10).optional(),
};

/** `POST /v1/care-plans` body. */
export const carePlanCreateSchema = z.strictObject(carePlanFields);
/** `PATCH /v1/care-plans/{id}` object body. */
export const carePlanUpdateSchema = updateSchemaOf(carePlanFields);

export type CarePlanCreate = z.input<typeof carePlanCreateSchema>;
export type CarePlanUpdate = z.input<typeof carePlanUpdateSchema>;
