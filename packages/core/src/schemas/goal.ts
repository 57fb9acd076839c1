/** The simplified Goal request shapes (`/v1/goals`). */
import { z } from 'zod';
import {
  amountSchema,
  dateSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  requiredText,
  rule,
  typedReference,
  updateSchemaOf,
} from './common.ts';

export const GOAL_LIFECYCLE_STATUSES = ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'rejected'] as const;
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

const targetSchema = z
  .strictObject({
    measure: optionalText(500),
    detailString: optionalText(1000),
    detailQuantity: amountSchema.optional(),
    dueDate: dateSchema().optional(),
  })
  .superRefine((target, ctx) => {
    rule(ctx, target.detailString === undefined || target.detailQuantity === undefined, 'detailQuantity', 'Give detailString or detailQuantity, not both');
    // FHIR gol-1: a target's detail only means something against a measure.
    rule(ctx, target.measure !== undefined || (target.detailString === undefined && target.detailQuantity === undefined), 'measure', 'Required when the target has a detail');
  });

const goalFields = {
  lifecycleStatus: oneOf(GOAL_LIFECYCLE_STATUSES),
  /** What the goal is, e.g. "Reduce HbA1c to below 7%". */
  description: requiredText(2000),
  patientId: idSchema,
  achievementStatus: oneOf(GOAL_ACHIEVEMENT_STATUSES).optional(),
  category: list(requiredText(200), 10).optional(),
  priority: oneOf(GOAL_PRIORITIES).optional(),
  startDate: dateSchema().optional(),
  target: list(targetSchema, 20).optional(),
  statusDate: dateSchema().optional(),
  statusReason: optionalText(2000),
  /** Who set the goal: a practitioner id, or `Patient/…`, `RelatedPerson/…`, `PractitionerRole/…`. */
  expressedById: typedReference(['Practitioner', 'Patient', 'RelatedPerson', 'PractitionerRole']).optional(),
  /** Condition ids (or `Observation/…`, `MedicationStatement/…`…) the goal addresses. */
  addressesIds: list(typedReference(['Condition', 'Observation', 'MedicationStatement', 'NutritionOrder', 'ServiceRequest', 'RiskAssessment']), 20).optional(),
  note: optionalText(5000),
  outcomeCode: list(requiredText(500), 20).optional(),
};

/** `POST /v1/goals` body. */
export const goalCreateSchema = z.strictObject(goalFields).superRefine((goal, ctx) => {
  goal.target?.forEach((target, index) => {
    if (goal.startDate && target.dueDate && target.dueDate < goal.startDate) {
      ctx.addIssue({ code: 'custom', path: ['target', index, 'dueDate'], message: 'Must not be before the start date' });
    }
  });
});
/** `PATCH /v1/goals/{id}` object body. */
export const goalUpdateSchema = updateSchemaOf(goalFields);

export type GoalCreate = z.input<typeof goalCreateSchema>;
export type GoalUpdate = z.input<typeof goalUpdateSchema>;
