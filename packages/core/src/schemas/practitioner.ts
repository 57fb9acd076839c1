/** The simplified Practitioner request shapes (`/v1/practitioners`). */
import * as z from 'zod/mini';
import {
  addressSchema,
  bool,
  dateSchema,
  emailSchema,
  genderSchema,
  list,
  optionalText,
  past,
  periodSchema,
  phoneSchema,
  photoSchema,
  requiredText,
  strictObject,
  updateSchemaOf,
} from './common.ts';

/** A BCP-47 language tag such as `en`, `pt-BR` or `zh-Hant`. */
export const languageTagSchema = z.string({
  error: (issue) => (issue.input === undefined ? 'Required' : 'Must be a language code'),
  checks: [z.trim(), z.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/, { error: 'Must be a language code such as en or pt-BR' })],
});

const practitionerFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  prefix: z.optional(list(requiredText(20), 5)),
  suffix: z.optional(list(requiredText(50), 10)),
  email: z.optional(emailSchema),
  phone: z.optional(phoneSchema),
  gender: z.optional(genderSchema),
  birthDate: z.optional(past(dateSchema({ range: false }))),
  /** US National Provider Identifier: ten digits. */
  npi: z.optional(z.string({ error: 'Must be text', checks: [z.trim(), z.regex(/^\d{10}$/, { error: 'Must be a 10-digit NPI' })] })),
  specialty: optionalText(200),
  qualifications: z.optional(
    list(
      strictObject({
        name: requiredText(200),
        issuer: optionalText(200),
        period: z.optional(periodSchema),
        identifier: optionalText(100),
      }),
      20,
    ),
  ),
  languages: z.optional(list(languageTagSchema, 20)),
  address: z.optional(addressSchema),
  photo: z.optional(photoSchema),
  /** False once the record is no longer in use; true when left out. */
  active: z.optional(bool()),
};

/** `POST /v1/practitioners` body. */
export const practitionerCreateSchema = strictObject(practitionerFields);
/** `PATCH /v1/practitioners/{id}` object body: any subset of the create fields. */
export const practitionerUpdateSchema = updateSchemaOf(practitionerFields);

export type PractitionerCreate = z.input<typeof practitionerCreateSchema>;
export type PractitionerUpdate = z.input<typeof practitionerUpdateSchema>;
