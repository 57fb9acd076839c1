/** The simplified request shapes of orders and work: tasks, service requests, device requests and nutrition orders. */
import * as z from 'zod/mini';
import {
  anyReference,
  bool,
  checked,
  conceptSchema,
  dateSchema,
  dateTimeSchema,
  list,
  num,
  oneOf,
  optionalText,
  periodSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  updateSchemaOf,
} from './common.ts';
import { REQUEST_PRIORITIES, flexibleReference, ids, measureSchema, texts } from './values.ts';

export const TASK_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'ready',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
] as const;
export const TASK_INTENTS = [
  'unknown',
  'proposal',
  'plan',
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
  'option',
] as const;
export const REQUEST_INTENTS = [
  'proposal',
  'plan',
  'directive',
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
  'option',
] as const;
export const REQUEST_STATUSES = ['draft', 'active', 'on-hold', 'revoked', 'completed'] as const;

const TASK_VALUE_FIELDS = ['valueString', 'valueBoolean', 'valueInteger', 'valueDate', 'valueDateTime', 'valueReference'] as const;

/** A task input or output: a label and one value. */
const taskParameterSchema = checked(
  strictObject({
    type: requiredText(200),
    valueString: optionalText(2000),
    valueBoolean: z.optional(bool()),
    valueInteger: z.optional(num({ int: true, min: -2_147_483_648, max: 2_147_483_647 })),
    valueDate: z.optional(dateSchema()),
    valueDateTime: z.optional(dateTimeSchema()),
    /** `Type/id`, e.g. `Observation/123`. */
    valueReference: z.optional(anyReference),
  }),
  z.refine((parameter) => TASK_VALUE_FIELDS.filter((name) => parameter[name] !== undefined).length === 1, {
    error: `Give exactly one value: ${TASK_VALUE_FIELDS.join(', ')}`,
  }),
);

const taskFields = {
  status: oneOf(TASK_STATUSES),
  intent: oneOf(TASK_INTENTS),
  statusReason: optionalText(500),
  businessStatus: optionalText(200),
  priority: z.optional(oneOf(REQUEST_PRIORITIES)),
  code: optionalText(200),
  description: optionalText(2000),
  /** What the task acts on: `Type/id`. */
  focusId: z.optional(anyReference),
  patientId: z.optional(reference('Patient')),
  encounterId: z.optional(reference('Encounter')),
  executionPeriod: z.optional(periodSchema),
  /** Defaults to the time of the request. */
  authoredOn: z.optional(dateTimeSchema()),
  requesterId: z.optional(reference('Practitioner')),
  ownerId: z.optional(reference('Practitioner')),
  reasonCode: optionalText(500),
  note: optionalText(2000),
  /** Requests the task fulfils: `Type/id`, or a service request's id. */
  basedOn: z.optional(list(flexibleReference('ServiceRequest'), 20)),
  /** Parent task ids. */
  partOf: ids('Task', 20),
  input: z.optional(list(taskParameterSchema, 50)),
  output: z.optional(list(taskParameterSchema, 50)),
  restriction: z.optional(
    strictObject({
      repetitions: z.optional(num({ int: true, min: 1, max: 10_000 })),
      period: z.optional(periodSchema),
      recipientIds: ids('Practitioner', 20),
    }),
  ),
};
/** `POST /v1/tasks` body. */
export const taskCreateSchema = strictObject(taskFields);
/** `PATCH /v1/tasks/{id}` object body. */
export const taskUpdateSchema = updateSchemaOf(taskFields);

/** One occurrence: a time or a period, not both. */
function oneOccurrence(value: { occurrenceDateTime?: string | undefined; occurrencePeriod?: unknown }, ctx: z.core.$RefinementCtx): void {
  rule(
    ctx,
    value.occurrenceDateTime === undefined || value.occurrencePeriod === undefined,
    'occurrencePeriod',
    'Give occurrenceDateTime or occurrencePeriod, not both',
  );
}

const serviceRequestFields = {
  status: oneOf(REQUEST_STATUSES),
  intent: oneOf(REQUEST_INTENTS),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  code: z.optional(conceptSchema(500)),
  category: texts(200, 10),
  priority: z.optional(oneOf(REQUEST_PRIORITIES)),
  doNotPerform: z.optional(bool()),
  occurrenceDateTime: z.optional(dateTimeSchema()),
  occurrencePeriod: z.optional(periodSchema),
  asNeeded: z.optional(bool()),
  /** Defaults to the time of the request. */
  authoredOn: z.optional(dateTimeSchema()),
  requesterId: z.optional(reference('Practitioner')),
  performerType: optionalText(200),
  performerIds: ids('Practitioner', 20),
  reasonCode: texts(500, 10),
  bodySite: texts(200, 10),
  note: optionalText(2000),
  patientInstruction: optionalText(2000),
  /** Requests this one fulfils: `Type/id`, or a service request's id. */
  basedOn: z.optional(list(flexibleReference('ServiceRequest'), 20)),
  /** Service requests this one replaces. */
  replaces: ids('ServiceRequest', 20),
};
/** `POST /v1/service-requests` body. */
export const serviceRequestCreateSchema = checked(strictObject(serviceRequestFields), z.superRefine(oneOccurrence));
/** `PATCH /v1/service-requests/{id}` object body. */
export const serviceRequestUpdateSchema = updateSchemaOf(serviceRequestFields);

const deviceRequestFields = {
  intent: oneOf(REQUEST_INTENTS),
  /** The device asked for: text or a coding. */
  code: conceptSchema(500),
  patientId: reference('Patient'),
  status: z.optional(oneOf(REQUEST_STATUSES)),
  encounterId: z.optional(reference('Encounter')),
  priority: z.optional(oneOf(REQUEST_PRIORITIES)),
  occurrenceDateTime: z.optional(dateTimeSchema()),
  occurrencePeriod: z.optional(periodSchema),
  /** Defaults to the time of the request. */
  authoredOn: z.optional(dateTimeSchema()),
  requesterId: z.optional(reference('Practitioner')),
  performerId: z.optional(reference('Practitioner')),
  performerType: optionalText(200),
  reasonCode: texts(500, 20),
  note: optionalText(5000),
  /** Requests this one fulfils: `Type/id`, or a service request's id. */
  basedOn: z.optional(list(flexibleReference('ServiceRequest'), 20)),
};
/** `POST /v1/device-requests` body. */
export const deviceRequestCreateSchema = checked(strictObject(deviceRequestFields), z.superRefine(oneOccurrence));
/** `PATCH /v1/device-requests/{id}` object body. */
export const deviceRequestUpdateSchema = updateSchemaOf(deviceRequestFields);

const nutritionOrderFields = {
  status: oneOf(REQUEST_STATUSES),
  intent: oneOf(['proposal', 'plan', 'directive', 'order']),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** Defaults to the time of the request. */
  dateTime: z.optional(dateTimeSchema()),
  ordererId: z.optional(reference('Practitioner')),
  allergyIntoleranceIds: ids('AllergyIntolerance', 10),
  foodPreferenceModifier: texts(200, 10),
  excludeFoodModifier: texts(200, 10),
  oralDiet: z.optional(
    strictObject({
      type: texts(200, 10),
      instruction: optionalText(2000),
      nutrient: z.optional(list(strictObject({ modifier: optionalText(200), amount: z.optional(measureSchema) }), 20)),
    }),
  ),
  supplement: z.optional(
    list(
      strictObject({
        type: optionalText(200),
        productName: optionalText(500),
        quantity: z.optional(measureSchema),
        instruction: optionalText(2000),
      }),
      10,
    ),
  ),
  enteralFormula: z.optional(
    strictObject({
      baseFormulaType: optionalText(200),
      baseFormulaProductName: optionalText(500),
      additiveType: optionalText(200),
      routeOfAdministration: optionalText(200),
      administrationInstruction: optionalText(2000),
    }),
  ),
  note: optionalText(5000),
};
/** `POST /v1/nutrition-orders` body. */
export const nutritionOrderCreateSchema = strictObject(nutritionOrderFields);
/** `PATCH /v1/nutrition-orders/{id}` object body. */
export const nutritionOrderUpdateSchema = updateSchemaOf(nutritionOrderFields);
