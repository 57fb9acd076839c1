/** The simplified Patient request shapes of the REST API and the PatientSummary it answers with. */
import * as z from 'zod/mini';
import {
  addressSchema,
  bool,
  dateSchema,
  emailSchema,
  genderSchema,
  reference,
  list,
  optionalText,
  past,
  phoneSchema,
  photoSchema,
  requiredText,
  strictObject,
  updateSchemaOf,
} from './common.ts';

export { addressSchema };

/** `YYYY-MM-DD`, a real calendar date, not in the future. */
export const birthDateSchema = past(dateSchema({ range: false }));

/** The fields a patient can be created with. `firstName` and `lastName` are required. */
const patientFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: z.optional(emailSchema),
  phone: z.optional(phoneSchema),
  gender: z.optional(genderSchema),
  birthDate: z.optional(birthDateSchema),
  address: z.optional(addressSchema),
  maritalStatus: optionalText(50),
  photo: z.optional(photoSchema),
  contact: z.optional(
    list(
      strictObject({
        relationship: optionalText(100),
        firstName: optionalText(100),
        lastName: optionalText(100),
        phone: z.optional(phoneSchema),
        email: z.optional(emailSchema),
        address: z.optional(addressSchema),
      }),
      10,
    ),
  ),
  languages: z.optional(list(strictObject({ language: requiredText(35), preferred: z.optional(bool()) }), 20)),
  generalPractitionerId: z.optional(reference('Practitioner')),
  /** False once the record is no longer in use; true when left out. */
  active: z.optional(bool()),
};

/** `POST /v1/patients` body. Unknown fields are rejected rather than silently dropped. */
export const patientCreateSchema = strictObject(patientFields);

/** `PATCH /v1/patients/{id}` body in its object form: any subset of the create fields. */
export const patientUpdateSchema = updateSchemaOf(patientFields);

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
