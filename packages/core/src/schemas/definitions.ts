/**
 * The simplified request shapes of definitions and reports: activity and plan definitions, measures, measure
 * reports, and audit events.
 */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  conceptSchema,
  dateTimeSchema,
  instantSchema,
  list,
  num,
  oneOf,
  optionalText,
  periodSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  timeOf,
  typedReference,
  updateSchemaOf,
  uriSchema,
} from './common.ts';
import { markReference } from './references.ts';
import { PUBLICATION_STATUSES, REQUEST_PRIORITIES, measureSchema, requiredObject, texts } from './values.ts';

/** The metadata every definition has: names, publisher, version, canonical URL. */
const definitionMetadata = {
  status: oneOf(PUBLICATION_STATUSES),
  /** A computer-friendly name. */
  name: optionalText(500),
  title: optionalText(500),
  description: optionalText(5000),
  purpose: optionalText(5000),
  usage: optionalText(5000),
  publisher: optionalText(500),
  date: z.optional(dateTimeSchema()),
  version: optionalText(100),
  /** The canonical URL. */
  url: z.optional(uriSchema),
  experimental: z.optional(bool()),
  topic: texts(200, 10),
};

const activityDefinitionFields = {
  ...definitionMetadata,
  /** The kind of resource the activity creates: Appointment, MedicationRequest, ServiceRequest, Task… */
  kind: optionalText(100),
  code: z.optional(conceptSchema(200)),
  intent: z.optional(oneOf(['proposal', 'plan', 'directive', 'order'])),
  priority: z.optional(oneOf(REQUEST_PRIORITIES)),
  doNotPerform: z.optional(bool()),
  timingDateTime: z.optional(dateTimeSchema()),
  timingPeriod: z.optional(periodSchema),
  locationId: z.optional(reference('Location')),
  participant: z.optional(
    list(strictObject({ type: oneOf(['patient', 'practitioner', 'related-person', 'device']), role: optionalText(200) }), 20),
  ),
  quantity: z.optional(measureSchema),
  bodySite: texts(200, 10),
};
/** `POST /v1/activity-definitions` body. */
export const activityDefinitionCreateSchema = checked(
  strictObject(activityDefinitionFields),
  z.superRefine((definition, ctx) => {
    rule(
      ctx,
      definition.timingDateTime === undefined || definition.timingPeriod === undefined,
      'timingPeriod',
      'Give timingDateTime or timingPeriod, not both',
    );
  }),
);
/** `PATCH /v1/activity-definitions/{id}` object body. */
export const activityDefinitionUpdateSchema = updateSchemaOf(activityDefinitionFields);

const planDefinitionFields = {
  ...definitionMetadata,
  /** order-set, clinical-protocol, eca-rule, workflow-definition. */
  type: optionalText(200),
  goal: z.optional(list(strictObject({ description: requiredText(2000), priority: optionalText(100), category: optionalText(200) }), 20)),
  action: z.optional(
    list(
      strictObject({
        title: optionalText(500),
        description: optionalText(2000),
        priority: z.optional(oneOf(REQUEST_PRIORITIES)),
        code: optionalText(200),
        /** create, update, remove, fire-event. */
        type: optionalText(200),
        /** The definition the action carries out. */
        definitionUri: z.optional(uriSchema),
      }),
      50,
    ),
  ),
};
/** `POST /v1/plan-definitions` body. */
export const planDefinitionCreateSchema = strictObject(planDefinitionFields);
/** `PATCH /v1/plan-definitions/{id}` object body. */
export const planDefinitionUpdateSchema = updateSchemaOf(planDefinitionFields);

const measureFields = {
  ...definitionMetadata,
  /** proportion, ratio, continuous-variable, cohort. */
  scoring: optionalText(200),
  /** process, outcome, structure, patient-reported-outcome, composite. */
  type: texts(200, 10),
  riskAdjustment: optionalText(5000),
  rationale: optionalText(5000),
  clinicalRecommendationStatement: optionalText(5000),
  guidance: optionalText(5000),
  group: z.optional(list(strictObject({ code: optionalText(200), description: optionalText(2000) }), 20)),
};
/** `POST /v1/measures` body. */
export const measureCreateSchema = strictObject(measureFields);
/** `PATCH /v1/measures/{id}` object body. */
export const measureUpdateSchema = updateSchemaOf(measureFields);

const measureReportFields = {
  status: oneOf(['complete', 'pending', 'error']),
  type: oneOf(['individual', 'subject-list', 'summary', 'data-collection']),
  /** The Measure: its id, or its canonical URL. */
  measureId: requiredText(2000),
  patientId: z.optional(reference('Patient')),
  /** Defaults to the time of the request. */
  date: z.optional(dateTimeSchema()),
  /** `Type/id`, or a bare id meaning a practitioner. */
  reporterId: z.optional(typedReference(['Practitioner', 'PractitionerRole', 'Location', 'Organization'])),
  period: checked(
    requiredObject({ start: dateTimeSchema(), end: dateTimeSchema() }, 'a period with start and end'),
    z.refine((period) => timeOf(period.end) >= timeOf(period.start), { error: 'Must not be before start', path: ['end'] }),
  ),
  group: z.optional(
    list(
      strictObject({
        code: optionalText(200),
        population: z.optional(
          list(strictObject({ code: optionalText(200), count: z.optional(num({ int: true, min: 0, max: 1e12 })) }), 20),
        ),
        measureScore: z.optional(measureSchema),
      }),
      20,
    ),
  ),
};
/** `POST /v1/measure-reports` body. */
export const measureReportCreateSchema = strictObject(measureReportFields);
/** `PATCH /v1/measure-reports/{id}` object body. */
export const measureReportUpdateSchema = updateSchemaOf(measureReportFields);

/**
 * Who or what took part in an event: `Type/id` (a reference to a record of any type), or any other identifier such
 * as a user name or a system's address (kept as the identifier's value, so a bare id is no reference here).
 */
const participantText = markReference(requiredText(500), { types: 'any', bareIdType: undefined });

/** Audit events are written once and never changed (the API has no update). */
export const auditEventCreateSchema = strictObject({
  /** rest, login, export… */
  type: requiredText(200),
  subtype: texts(200, 10),
  /** Create, Read, Update, Delete, Execute. */
  action: z.optional(oneOf(['C', 'R', 'U', 'D', 'E'])),
  recorded: instantSchema(),
  /** 0 success, 4 minor failure, 8 serious failure, 12 major failure. */
  outcome: z.optional(oneOf(['0', '4', '8', '12'])),
  outcomeDesc: optionalText(2000),
  purposeOfEvent: texts(200, 10),
  agent: list(
    strictObject({
      who: participantText,
      name: optionalText(500),
      requestor: bool(),
      role: optionalText(200),
      networkAddress: optionalText(500),
    }),
    20,
    1,
  ),
  source: requiredObject({ observer: participantText, site: optionalText(500), type: optionalText(200) }, 'the source, with its observer'),
  entity: z.optional(
    list(
      strictObject({
        what: z.optional(participantText),
        type: optionalText(200),
        role: optionalText(200),
        name: optionalText(500),
        description: optionalText(2000),
      }),
      20,
    ),
  ),
});
