/** The simplified Immunization request shapes (`/v1/immunizations`). */
import * as z from 'zod/mini';
import {
  amountSchema,
  bool,
  checked,
  conceptSchema,
  dateSchema,
  dateTimeSchema,
  reference,
  list,
  num,
  oneOf,
  optionalText,
  past,
  requiredText,
  rule,
  strictObject,
  updateSchemaOf,
} from './common.ts';

export const IMMUNIZATION_STATUSES = ['completed', 'not-done'] as const;

const immunizationFields = {
  status: oneOf(IMMUNIZATION_STATUSES),
  /** The vaccine: a name such as "COVID-19 mRNA", or a CVX coding. */
  vaccineCode: conceptSchema(),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** When it was given (or not given); defaults to the time of the request. */
  occurrenceDateTime: z.optional(past(dateTimeSchema())),
  recorded: z.optional(past(dateTimeSchema())),
  primarySource: z.optional(bool()),
  manufacturer: optionalText(500),
  lotNumber: optionalText(100),
  expirationDate: z.optional(dateSchema()),
  site: optionalText(200),
  route: optionalText(200),
  doseQuantity: z.optional(amountSchema),
  performer: z.optional(list(strictObject({ function: optionalText(200), actorId: reference('Practitioner') }), 10)),
  note: optionalText(5000),
  reasonCode: z.optional(list(requiredText(500), 10)),
  /** Why it was not given; only for `not-done`. */
  statusReason: optionalText(500),
  isSubpotent: z.optional(bool()),
  reaction: z.optional(list(strictObject({ date: z.optional(past(dateTimeSchema())), reported: z.optional(bool()) }), 10)),
  protocolApplied: z.optional(
    list(
      checked(
        strictObject({
          series: optionalText(200),
          doseNumber: num({ int: true, min: 1, max: 100 }),
          seriesDoses: z.optional(num({ int: true, min: 1, max: 100 })),
          targetDisease: z.optional(list(requiredText(200), 10)),
        }),
        z.refine((protocol) => protocol.seriesDoses === undefined || protocol.doseNumber <= protocol.seriesDoses, {
          error: 'Must not be more than seriesDoses',
          path: ['doseNumber'],
        }),
      ),
      10,
    ),
  ),
};

/** `POST /v1/immunizations` body. */
export const immunizationCreateSchema = checked(
  strictObject(immunizationFields),
  z.superRefine((immunization, ctx) => {
    rule(ctx, !immunization.statusReason || immunization.status === 'not-done', 'statusReason', 'Only when the status is not-done');
  }),
);
/** `PATCH /v1/immunizations/{id}` object body. */
export const immunizationUpdateSchema = updateSchemaOf(immunizationFields);

export type ImmunizationCreate = z.input<typeof immunizationCreateSchema>;
export type ImmunizationUpdate = z.input<typeof immunizationUpdateSchema>;
