/** The simplified clinical note (FHIR DocumentReference) request shapes (`/v1/notes`). */
import * as z from 'zod/mini';
import {
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

/** Note types and the LOINC document codes they are stored with. */
export const NOTE_TYPES = {
  'progress-note': { code: '11506-3', display: 'Progress note' },
  'consultation-note': { code: '11488-4', display: 'Consult note' },
  'discharge-summary': { code: '18842-5', display: 'Discharge summary' },
  'history-and-physical': { code: '34117-2', display: 'History and physical note' },
  'operative-note': { code: '11504-8', display: 'Surgical operation note' },
  'procedure-note': { code: '28570-0', display: 'Procedure note' },
  'referral-note': { code: '57133-1', display: 'Referral note' },
  'transfer-summary': { code: '18761-7', display: 'Transfer summary note' },
  other: { code: undefined, display: 'Other' },
} as const;
export type NoteType = keyof typeof NOTE_TYPES;
const NOTE_TYPE_NAMES = Object.keys(NOTE_TYPES) as [NoteType, ...NoteType[]];

export const NOTE_DOC_STATUSES = ['preliminary', 'final', 'amended'] as const;

const noteFields = {
  patientId: reference('Patient'),
  authorId: z.optional(reference('Practitioner')),
  encounterId: z.optional(reference('Encounter')),
  type: z.optional(oneOf(NOTE_TYPE_NAMES)),
  title: requiredText(500),
  /** The note itself, plain text or markdown. */
  content: requiredText(100_000),
  /** `text/plain` (the default), `text/markdown`, … */
  contentType: z.optional(
    z.string({
      error: 'Must be text',
      checks: [
        z.trim(),
        z.regex(/^text\/[a-z0-9.+-]{1,60}$/, { error: 'Must be a text content type such as text/plain or text/markdown' }),
      ],
    }),
  ),
  docStatus: z.optional(oneOf(NOTE_DOC_STATUSES)),
  category: optionalText(100),
  /** When the note was written; defaults to the time of the request. */
  date: z.optional(dateTimeSchema()),
  relatesTo: z.optional(
    list(strictObject({ code: oneOf(['replaces', 'transforms', 'signs', 'appends']), targetId: reference('DocumentReference') }), 10),
  ),
  securityLabel: z.optional(list(codingSchema, 10)),
  authenticatorId: z.optional(reference('Practitioner')),
  custodianId: z.optional(reference('Organization')),
  servicePeriod: z.optional(periodSchema),
  facilityType: optionalText(200),
  practiceSetting: optionalText(200),
};

/** `POST /v1/notes` body. */
export const noteCreateSchema = strictObject(noteFields);
/** `PATCH /v1/notes/{id}` object body. */
export const noteUpdateSchema = updateSchemaOf(noteFields);

export type NoteCreate = z.input<typeof noteCreateSchema>;
export type NoteUpdate = z.input<typeof noteUpdateSchema>;
