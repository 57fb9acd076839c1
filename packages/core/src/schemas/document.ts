/** The simplified structured document (FHIR Composition) request shapes (`/v1/documents`). */
import * as z from 'zod/mini';
import {
  anyReference,
  codingSchema,
  dateTimeSchema,
  reference,
  list,
  oneOf,
  optionalText,
  periodSchema,
  requiredText,
  strictObject,
  updateSchemaOf,
} from './common.ts';

export const DOCUMENT_STATUSES = ['preliminary', 'final', 'amended'] as const;

const sectionFields = {
  title: requiredText(200),
  code: optionalText(200),
  text: requiredText(50_000),
  /** What the section is about: `Observation/…`, `Condition/…`… */
  resourceIds: z.optional(list(anyReference, 100)),
  authorId: z.optional(reference('Practitioner')),
  mode: z.optional(oneOf(['working', 'snapshot', 'changes'])),
};
/**
 * A section as validated, with its sub-sections to any depth. Written out rather than inferred from `sectionFields`,
 * so the public type names nothing this module keeps to itself; `sectionSchema`'s annotation holds the two together.
 */
export interface DocumentSection {
  title: string;
  text: string;
  code?: string | undefined;
  /** What the section is about: `Observation/…`, `Condition/…`… */
  resourceIds?: string[] | undefined;
  authorId?: string | undefined;
  mode?: 'working' | 'snapshot' | 'changes' | undefined;
  sections?: DocumentSection[] | undefined;
}
/** A section of a document as the official SDK sends it: the same fields (none is transformed on the way in). */
export type DocumentSectionInput = DocumentSection;

const sectionSchema: z.ZodMiniType<DocumentSection, DocumentSectionInput> = z.lazy(() =>
  strictObject({ ...sectionFields, sections: z.optional(list(sectionSchema, 50)) }),
);

const documentFields = {
  status: oneOf(DOCUMENT_STATUSES),
  /** discharge-summary, referral-letter, care-plan… */
  type: requiredText(100),
  category: z.optional(list(requiredText(200), 10)),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** The author. */
  practitionerId: reference('Practitioner'),
  title: requiredText(500),
  /** Defaults to the time of the request. */
  date: z.optional(dateTimeSchema()),
  /** N (normal), R (restricted), V (very restricted). */
  confidentiality: z.optional(oneOf(['N', 'R', 'V'])),
  attester: z.optional(
    list(
      strictObject({
        mode: oneOf(['personal', 'professional', 'legal', 'official']),
        time: z.optional(dateTimeSchema()),
        partyId: z.optional(reference('Practitioner')),
      }),
      10,
    ),
  ),
  custodianId: z.optional(reference('Organization')),
  relatesTo: z.optional(
    list(strictObject({ code: oneOf(['replaces', 'transforms', 'signs', 'appends']), targetId: reference('Composition') }), 10),
  ),
  event: z.optional(
    list(
      strictObject({
        code: z.optional(list(codingSchema, 10)),
        period: z.optional(periodSchema),
        detailIds: z.optional(list(anyReference, 20)),
      }),
      10,
    ),
  ),
  sections: list(sectionSchema, 50, 1),
};

/** `POST /v1/documents` body. */
export const documentCreateSchema = strictObject(documentFields);
/** `PATCH /v1/documents/{id}` object body. */
export const documentUpdateSchema = updateSchemaOf(documentFields);

export type DocumentCreate = z.input<typeof documentCreateSchema>;
export type DocumentUpdate = z.input<typeof documentUpdateSchema>;
