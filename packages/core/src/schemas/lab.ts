/** The simplified lab report (FHIR DiagnosticReport) request shapes (`/v1/labs`). */
import * as z from 'zod/mini';
import {
  attachmentSchema,
  checked,
  codingSchema,
  conceptSchema,
  dateTimeSchema,
  reference,
  list,
  oneOf,
  optionalText,
  periodSchema,
  rule,
  strictObject,
  updateSchemaOf,
} from './common.ts';

export const LAB_STATUSES = ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled'] as const;
/**
 * Diagnostic service sections (HL7 v2 table 0074) plus `PAT` (pathology), which the ClinikAPI docs use. LAB,
 * RAD and PAT are the common ones.
 */
export const LAB_CATEGORIES = [
  'LAB',
  'RAD',
  'PAT',
  'AU',
  'BG',
  'BLB',
  'CG',
  'CH',
  'CP',
  'CT',
  'CTH',
  'CUS',
  'EC',
  'EN',
  'GE',
  'HM',
  'ICU',
  'IMM',
  'MB',
  'MCB',
  'MYC',
  'NMR',
  'NMS',
  'NRS',
  'OSL',
  'OT',
  'OTH',
  'OUS',
  'PF',
  'PHR',
  'PHY',
  'PT',
  'RC',
  'RT',
  'RUS',
  'RX',
  'SP',
  'SR',
  'TX',
  'VR',
  'VUS',
  'XRC',
] as const;

const labFields = {
  status: oneOf(LAB_STATUSES),
  /** What was tested, e.g. `{ system: "http://loinc.org", code: "24331-1", display: "Lipid Panel" }`. */
  code: conceptSchema(),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  effectiveDateTime: z.optional(dateTimeSchema()),
  effectivePeriod: z.optional(periodSchema),
  /** Observation ids of the results. */
  resultIds: z.optional(list(reference('Observation'), 100)),
  category: z.optional(oneOf(LAB_CATEGORIES, 'a diagnostic section code such as LAB, RAD or PAT')),
  conclusion: optionalText(5000),
  conclusionCodes: z.optional(list(codingSchema, 20)),
  /** The practitioner who performed the test. */
  performer: z.optional(reference('Practitioner')),
  /** The practitioner who interpreted the results. */
  resultsInterpreter: z.optional(reference('Practitioner')),
  specimenIds: z.optional(list(reference('Specimen'), 20)),
  presentedForm: z.optional(list(attachmentSchema, 10)),
  /** ServiceRequest ids this report answers. */
  basedOn: z.optional(list(reference('ServiceRequest'), 10)),
  media: z.optional(list(strictObject({ comment: optionalText(500), linkId: reference('Media') }), 20)),
};

/** `POST /v1/labs` body. */
export const labCreateSchema = checked(
  strictObject(labFields),
  z.superRefine((lab, ctx) => {
    rule(
      ctx,
      lab.effectiveDateTime === undefined || lab.effectivePeriod === undefined,
      'effectivePeriod',
      'Give effectiveDateTime or effectivePeriod, not both',
    );
  }),
);
/** `PATCH /v1/labs/{id}` object body. */
export const labUpdateSchema = updateSchemaOf(labFields);

export type LabCreate = z.input<typeof labCreateSchema>;
export type LabUpdate = z.input<typeof labUpdateSchema>;
