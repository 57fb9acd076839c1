/** The simplified structured document (FHIR Composition) request shapes (`/v1/documents`). */
import { z } from 'zod';
import {
  anyReference,
  codingSchema,
  dateTimeSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  periodSchema,
  requiredText,
  updateSchemaOf,
} from './common.ts';

export const DOCUMENT_STATUSES = ['preliminary', 'final', 'amended'] as const;

const subsectionSchema = z.strictObject({
  title: requiredText(200),
  code: optionalText(200),
  text: requiredText(50_000),
});

const sectionSchema = z.strictObject({
  title: requiredText(200),
  code: optionalText(200),
  text: requiredText(50_000),
  /** What the section is about: `Observation/…`, `Condition/…`… */
  resourceIds: list(anyReference, 100).optional(),
  authorId: idSchema.optional(),
  mode: oneOf(['working', 'snapshot', 'changes']).optional(),
  sections: list(subsectionSchema, 50).optional(),
});

const documentFields = {
  status: oneOf(DOCUMENT_STATUSES),
  /** discharge-summary, referral-letter, care-plan… */
  type: requiredText(100),
  category: list(requiredText(200), 10).optional(),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  /** The author. */
  practitionerId: idSchema,
  title: requiredText(500),
  /** Defaults to the time of the request. */
  date: dateTimeSchema().optional(),
  /** N (normal), R (restricted), V (very restricted). */
  confidentiality: oneOf(['N', 'R', 'V']).optional(),
  attester: list(
    z.strictObject({
      mode: oneOf(['personal', 'professional', 'legal', 'official']),
      time: dateTimeSchema().optional(),
      partyId: idSchema.optional(),
    }),
    10,
  ).optional(),
  custodianId: idSchema.optional(),
  relatesTo: list(z.strictObject({ code: oneOf(['replaces', 'transforms', 'signs', 'appends']), targetId: idSchema }), 10).optional(),
  event: list(
    z.strictObject({
      code: list(codingSchema, 10).optional(),
      period: periodSchema.optional(),
      detailIds: list(anyReference, 20).optional(),
    }),
    10,
  ).optional(),
  sections: list(sectionSchema, 50, 1),
};

/** `POST /v1/documents` body. */
export const documentCreateSchema = z.strictObject(documentFields);
/** `PATCH /v1/documents/{id}` object body. */
export const documentUpdateSchema = updateSchemaOf(documentFields);

export type DocumentCreate = z.input<typeof documentCreateSchema>;
export type DocumentUpdate = z.input<typeof documentUpdateSchema>;
