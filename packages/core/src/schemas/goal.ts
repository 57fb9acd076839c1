/** The simplified Goal request shapes (`/v1/goals`). */
import * as z from 'zod/mini';
import {
  amountSchema,
  checked,
  dateSchema,
  reference,
  list,
  oneOf,
  optionalText,
  requiredText,
  rule,
  strictObject,
  typedReference,
  updateSchemaOf,
} from './common.ts';

export const GOAL_LIFECYCLE_STATUSES = [
  'proposed',
  'planned',
  'accepted',
  'active',
  'on-hold',
  'completed',
  'cancelled',
  'rejected',
] as const;
export const GOAL_ACHIEVEMENT_STATUSES = [
  'in-progress',
  'improving',
  'worsening',
  'no-change',
  'achieved',
  'sustaining',
  'not-achieved',
  'no-progress',
  'not-attainable',
] as const;
export const GOAL_PRIORITIES = ['high-priority', 'medium-priority', 'low-priority'] as const;

const targetSchema = checked(
  strictObject({
    measure: optionalText(500),
    detailString: optionalText(1000),
    detailQuantity: z.optional(amountSchema),
    dueDate: z.optional(dateSchema()),
  }),
  z.superRefine((target, ctx) => {
    rule(
      ctx,
      target.detailString === undefined || target.detailQuantity === undefined,
      'detailQuantity',
      'Give detailString or detailQuantity, not both',
    );
  }),
);

const goalFields = {
  lifecycleStatus: oneOf(GOAL_LIFECYCLE_STATUSES),
  /** What the goal is, e.g. "Reduce HbA1c to below 7%". */
  description: requiredText(2000),
  patientId: reference('Patient'),
  achievementStatus: z.optional(oneOf(GOAL_ACHIEVEMENT_STATUSES)),
  category: z.optional(list(requiredText(200), 10)),
  priority: z.optional(oneOf(GOAL_PRIORITIES)),
  startDate: z.optional(dateSchema()),
  target: z.optional(list(targetSchema, 20)),
  statusDate: z.optional(dateSchema()),
  statusReason: optionalText(2000),
  /** Who set the goal: a practitioner id, or `Patient/…`, `RelatedPerson/…`, `PractitionerRole/…`. */
  expressedById: z.optional(typedReference(['Practitioner', 'Patient', 'RelatedPerson', 'PractitionerRole'])),
  /** Condition ids (or `Observation/…`, `MedicationStatement/…`…) the goal addresses. */
  addressesIds: z.optional(
    list(typedReference(['Condition', 'Observation', 'MedicationStatement', 'NutritionOrder', 'ServiceRequest', 'RiskAssessment']), 20),
  ),
  note: optionalText(5000),
  outcomeCode: z.optional(list(requiredText(500), 20)),
};

/** `POST /v1/goals` body. */
export const goalCreateSchema = checked(
  strictObject(goalFields),
  z.superRefine((goal, ctx) => {
    goal.target?.forEach((target, index) => {
      if (goal.startDate && target.dueDate && target.dueDate < goal.startDate) {
        ctx.addIssue({ code: 'custom', path: ['target', index, 'dueDate'], message: 'Must not be before the start date' });
      }
    });
  }),
);
/** `PATCH /v1/goals/{id}` object body. */
export const goalUpdateSchema = updateSchemaOf(goalFields);

export type GoalCreate = z.input<typeof goalCreateSchema>;
export type GoalUpdate = z.input<typeof goalUpdateSchema>;
