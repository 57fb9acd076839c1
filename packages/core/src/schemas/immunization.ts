/** The simplified Immunization request shapes (`/v1/immunizations`). */
import { z } from 'zod';
import {
  amountSchema,
  bool,
  conceptSchema,
  dateSchema,
  dateTimeSchema,
  idSchema,
  list,
  num,
  oneOf,
  optionalText,
  past,
  requiredText,
  rule,
  updateSchemaOf,
} from './common.ts';

export const IMMUNIZATION_STATUSES = ['completed', 'not-done'] as const;

const immunizationFields = {
  status: oneOf(IMMUNIZATION_STATUSES),
  /** The vaccine: a name such as "COVID-19 mRNA", or a CVX coding. */
  vaccineCode: conceptSchema(),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  /** When it was given (or not given); defaults to the time of the request. */
  occurrenceDateTime: past(dateTimeSchema()).optional(),
  recorded: past(dateTimeSchema()).optional(),
  primarySource: bool().optional(),
  manufacturer: optionalText(500),
  lotNumber: optionalText(100),
  expirationDate: dateSchema().optional(),
  site: optionalText(200),
  route: optionalText(200),
  doseQuantity: amountSchema.optional(),
  performer: list(z.strictObject({ function: optionalText(200), actorId: idSchema }), 10).optional(),
  note: optionalText(5000),
  reasonCode: list(requiredText(500), 10).optional(),
  /** Why it was not given; only for `not-done`. */
  statusReason: optionalText(500),
  isSubpotent: bool().optional(),
  reaction: list(z.strictObject({ date: past(dateTimeSchema()).optional(), reported: bool().optional() }), 10).optional(),
  protocolApplied: list(
    z
      .strictObject({
        series: optionalText(200),
        doseNumber: num({ int: true, min: 1, max: 100 }),
        seriesDoses: num({ int: true, min: 1, max: 100 }).optional(),
        targetDisease: list(requiredText(200), 10).optional(),
      })
      .refine((protocol) => protocol.seriesDoses === undefined || protocol.doseNumber <= protocol.seriesDoses, {
        error: 'Must not be more than seriesDoses',
        path: ['doseNumber'],
      }),
    10,
  ).optional(),
};

/** `POST /v1/immunizations` body. */
export const immunizationCreateSchema = z.strictObject(immunizationFields).superRefine((immunization, ctx) => {
  rule(ctx, !immunization.statusReason || immunization.status === 'not-done', 'statusReason', 'Only when the status is not-done');
});
/** `PATCH /v1/immunizations/{id}` object body. */
export const immunizationUpdateSchema = updateSchemaOf(immunizationFields);

export type ImmunizationCreate = z.input<typeof immunizationCreateSchema>;
export type ImmunizationUpdate = z.input<typeof immunizationUpdateSchema>;
