/** The simplified intake (FHIR QuestionnaireResponse) request shapes (`/v1/intakes`). */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  codingSchema,
  dateSchema,
  dateTimeSchema,
  reference,
  list,
  num,
  oneOf,
  optionalText,
  past,
  quantitySchema,
  requiredText,
  strictObject,
  timeSchema,
  typedReference,
  updateSchemaOf,
  uriSchema,
  webLinkSchema,
} from './common.ts';
import { checkPatientIntakeAnswers } from './intake-rules.ts';

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

/**
 * One answer to an intake question: exactly one `value*` field. Written out so `IntakeItem` names nothing this module
 * keeps to itself; `answerSchema`'s annotation holds the two together.
 */
export interface IntakeAnswer {
  valueString?: string | undefined;
  valueBoolean?: boolean | undefined;
  valueInteger?: number | undefined;
  valueDecimal?: number | undefined;
  valueDate?: string | undefined;
  valueDateTime?: string | undefined;
  valueTime?: string | undefined;
  valueCoding?: z.output<typeof codingSchema> | undefined;
  valueQuantity?: z.output<typeof quantitySchema> | undefined;
  valueUri?: string | undefined;
}

const answerSchema: z.ZodMiniType<IntakeAnswer, IntakeAnswer> = checked(
  strictObject({
    valueString: optionalText(10_000),
    valueBoolean: z.optional(bool()),
    valueInteger: z.optional(num({ int: true, min: -2_147_483_648, max: 2_147_483_647 })),
    valueDecimal: z.optional(num({ min: -1e12, max: 1e12 })),
    valueDate: z.optional(dateSchema({ range: false })),
    valueDateTime: z.optional(dateTimeSchema()),
    valueTime: z.optional(timeSchema),
    valueCoding: z.optional(codingSchema),
    valueQuantity: z.optional(quantitySchema),
    // The answer to a `url` question: shown as a link, so a web address only.
    valueUri: z.optional(webLinkSchema),
  }),
  z.refine((answer) => ANSWER_VALUE_FIELDS.filter((name) => answer[name] !== undefined).length === 1, {
    error: 'Give exactly one value',
  }),
);

/** One question and its answers; groups nest further items. */
export interface IntakeItemInput {
  linkId: string;
  definition?: string | undefined;
  text?: string | undefined;
  answer?: IntakeAnswer[] | undefined;
  items?: IntakeItemInput[] | undefined;
}

/** An item as validated: trimmed, times normalised. */
export interface IntakeItem {
  linkId: string;
  definition?: string | undefined;
  text?: string | undefined;
  answer?: IntakeAnswer[] | undefined;
  items?: IntakeItem[] | undefined;
}

const itemSchema: z.ZodMiniType<IntakeItem, IntakeItemInput> = z.lazy(() =>
  strictObject({
    linkId: requiredText(100),
    definition: z.optional(uriSchema),
    text: optionalText(1000),
    answer: z.optional(list(answerSchema, 50)),
    items: z.optional(list(itemSchema, 200)),
  }),
);

const intakeFields = {
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** Who recorded the answers: a practitioner id, or `Device/…`, `Patient/…`, `RelatedPerson/…`. */
  authorId: z.optional(typedReference(['Practitioner', 'Device', 'Patient', 'RelatedPerson', 'PractitionerRole', 'Organization'])),
  /** Who answered: a patient id, or `RelatedPerson/…`, `Practitioner/…`. */
  sourceId: z.optional(typedReference(['Patient', 'RelatedPerson', 'Practitioner', 'PractitionerRole'])),
  /** The Questionnaire: its canonical URL, or its id. */
  questionnaire: optionalText(500),
  /** Defaults to `completed`. */
  status: z.optional(oneOf(INTAKE_STATUSES)),
  /** Defaults to the time of the request. */
  authored: z.optional(past(dateTimeSchema())),
  basedOn: z.optional(list(typedReference(['ServiceRequest', 'CarePlan']), 20)),
  partOf: z.optional(list(typedReference(['Observation', 'Procedure']), 20)),
  items: list(itemSchema, 200, 1),
};

/**
 * `POST /v1/intakes` body. Answers to the patient intake questionnaire are also held to its plausible ranges
 * (`intake-rules.ts`); this schema checks every merged update too.
 */
export const intakeCreateSchema = checked(strictObject(intakeFields), z.superRefine(checkPatientIntakeAnswers));
/** `PATCH /v1/intakes/{id}` object body. */
export const intakeUpdateSchema = updateSchemaOf(intakeFields);

export type IntakeCreate = z.input<typeof intakeCreateSchema>;
export type IntakeUpdate = z.input<typeof intakeUpdateSchema>;
