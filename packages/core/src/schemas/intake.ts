/** The simplified intake (FHIR QuestionnaireResponse) request shapes (`/v1/intakes`). */
import { z } from 'zod';
import {
  bool,
  codingSchema,
  dateSchema,
  dateTimeSchema,
  idSchema,
  list,
  num,
  oneOf,
  optionalText,
  past,
  quantitySchema,
  requiredText,
  timeSchema,
  typedReference,
  updateSchemaOf,
  uriSchema,
} from './common.ts';

export const INTAKE_STATUSES = ['in-progress', 'completed', 'amended', 'stopped'] as const;

/** The answer types of a QuestionnaireResponse; an answer carries exactly one. */
export const ANSWER_VALUE_FIELDS = [
  'valueString',
  'valueBoolean',
  'valueInteger',
  'valueDecimal',
  'valueDate',
  'valueDateTime',
  'valueTime',
  'valueCoding',
  'valueQuantity',
  'valueUri',
] as const;

const answerSchema = z
  .strictObject({
    valueString: optionalText(10_000),
    valueBoolean: bool().optional(),
    valueInteger: num({ int: true, min: -2_147_483_648, max: 2_147_483_647 }).optional(),
    valueDecimal: num({ min: -1e12, max: 1e12 }).optional(),
    valueDate: dateSchema({ range: false }).optional(),
    valueDateTime: dateTimeSchema().optional(),
    valueTime: timeSchema.optional(),
    valueCoding: codingSchema.optional(),
    valueQuantity: quantitySchema.optional(),
    valueUri: uriSchema.optional(),
  })
  .refine((answer) => ANSWER_VALUE_FIELDS.filter((name) => answer[name] !== undefined).length === 1, {
    error: 'Give exactly one value',
  });

/** One question and its answers; groups nest further items. */
export interface IntakeItemInput {
  linkId: string;
  definition?: string | undefined;
  text?: string | undefined;
  answer?: z.input<typeof answerSchema>[] | undefined;
  items?: IntakeItemInput[] | undefined;
}

/** An item as validated: trimmed, times normalised. */
export interface IntakeItem {
  linkId: string;
  definition?: string | undefined;
  text?: string | undefined;
  answer?: z.output<typeof answerSchema>[] | undefined;
  items?: IntakeItem[] | undefined;
}

const itemSchema: z.ZodType<IntakeItem, IntakeItemInput> = z.lazy(() =>
  z.strictObject({
    linkId: requiredText(100),
    definition: uriSchema.optional(),
    text: optionalText(1000),
    answer: list(answerSchema, 50).optional(),
    items: list(itemSchema, 200).optional(),
  }),
);

const intakeFields = {
  patientId: idSchema,
  encounterId: idSchema.optional(),
  /** Who recorded the answers: a practitioner id, or `Device/…`, `Patient/…`, `RelatedPerson/…`. */
  authorId: typedReference(['Practitioner', 'Device', 'Patient', 'RelatedPerson', 'PractitionerRole', 'Organization']).optional(),
  /** Who answered: a patient id, or `RelatedPerson/…`, `Practitioner/…`. */
  sourceId: typedReference(['Patient', 'RelatedPerson', 'Practitioner', 'PractitionerRole']).optional(),
  /** The Questionnaire: its canonical URL, or its id. */
  questionnaire: optionalText(500),
  /** Defaults to `completed`. */
  status: oneOf(INTAKE_STATUSES).optional(),
  /** Defaults to the time of the request. */
  authored: past(dateTimeSchema()).optional(),
  basedOn: list(typedReference(['ServiceRequest', 'CarePlan']), 20).optional(),
  partOf: list(typedReference(['Observation', 'Procedure']), 20).optional(),
  items: list(itemSchema, 200, 1),
};

/** `POST /v1/intakes` body. */
export const intakeCreateSchema = z.strictObject(intakeFields);
/** `PATCH /v1/intakes/{id}` object body. */
export const intakeUpdateSchema = updateSchemaOf(intakeFields);

export type IntakeCreate = z.input<typeof intakeCreateSchema>;
export type IntakeUpdate = z.input<typeof intakeUpdateSchema>;
