/** The simplified Patient request shapes of the REST API and the PatientSummary it answers with. */
import { z } from 'zod';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A postal address, as the simplified API takes it. */
export const addressSchema = z.strictObject({
  line: z.array(z.string().trim().max(200)).max(4).optional(),
  city: z.string().trim().max(100).optional(),
  state: z.string().trim().max(100).optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z.string().trim().max(100).optional(),
});

/** `YYYY-MM-DD`, a real calendar date, not in the future. */
export const birthDateSchema = z.iso
  .date({ error: 'must be a date in YYYY-MM-DD form' })
  .refine((value) => value <= today(), { error: 'must not be in the future' });

const phoneSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9 ().-]{3,20}$/, { error: 'must be a phone number' });

const nameSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Must be text') })
  .trim()
  .min(1, { error: 'Required' })
  .max(100, { error: 'At most 100 characters' });

/** The fields a patient can be created with. `firstName` and `lastName` are required. */
const patientFields = {
  firstName: nameSchema,
  lastName: nameSchema,
  email: z.email({ error: 'must be an email address' }).max(254).optional(),
  phone: phoneSchema.optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: birthDateSchema.optional(),
  address: addressSchema.optional(),
  maritalStatus: z.string().trim().max(50).optional(),
  photo: z
    .strictObject({
      url: z.url().optional(),
      data: z.base64().max(1_000_000).optional(),
      contentType: z.string().max(100).optional(),
    })
    .optional(),
  contact: z
    .array(
      z.strictObject({
        relationship: z.string().trim().max(100).optional(),
        firstName: z.string().trim().max(100).optional(),
        lastName: z.string().trim().max(100).optional(),
        phone: phoneSchema.optional(),
        email: z.email().optional(),
        address: addressSchema.optional(),
      }),
    )
    .max(10)
    .optional(),
  languages: z
    .array(z.strictObject({ language: z.string().trim().min(1).max(35), preferred: z.boolean().optional() }))
    .max(20)
    .optional(),
  generalPractitionerId: z.string().trim().min(1).max(64).optional(),
};

/** `POST /v1/patients` body. Unknown fields are rejected rather than silently dropped. */
export const patientCreateSchema = z.strictObject(patientFields);

/** `PATCH /v1/patients/{id}` body in its object form: any subset of the create fields, plus `active`. */
export const patientUpdateSchema = z
  .strictObject({ ...patientFields, active: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { error: 'at least one field is required' });

/** What `POST /v1/patients` accepts. */
export type PatientCreate = z.input<typeof patientCreateSchema>;
/** What the object form of `PATCH /v1/patients/{id}` accepts. */
export type PatientUpdate = z.input<typeof patientUpdateSchema>;
/** A simplified postal address. */
export type Address = z.infer<typeof addressSchema>;

/** The simplified patient every `/v1/patients` endpoint answers with. */
export interface PatientSummary {
  readonly id: string;
  /** Given and family names joined for display, e.g. `Jane Doe`. */
  readonly fullName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly gender?: 'male' | 'female' | 'other' | 'unknown';
  readonly birthDate?: string;
  readonly active: boolean;
  readonly address?: Address;
  readonly maritalStatus?: string;
  readonly languages?: readonly { language: string; preferred?: boolean }[];
  readonly generalPractitionerId?: string;
  /** Version and time of the last change; send `versionId` as `If-Match` to update safely. */
  readonly meta: { readonly versionId: string; readonly lastUpdated: string };
}

/** Search parameters of `GET /v1/patients`. */
export interface PatientSearchParams {
  /** Partial, case-insensitive match on given or family name. */
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly gender?: string;
  readonly birthDate?: string;
  readonly active?: boolean;
  readonly count?: number;
  readonly cursor?: string;
}
