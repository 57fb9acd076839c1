/** The simplified Practitioner request shapes (`/v1/practitioners`). */
import { z } from 'zod';
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
  updateSchemaOf,
} from './common.ts';

/** A BCP-47 language tag such as `en`, `pt-BR` or `zh-Hant`. */
export const languageTagSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Must be a language code') })
  .trim()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/, { error: 'Must be a language code such as en or pt-BR' });

const practitionerFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  prefix: list(requiredText(20), 5).optional(),
  suffix: list(requiredText(50), 10).optional(),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  gender: genderSchema.optional(),
  birthDate: past(dateSchema({ range: false })).optional(),
  /** US National Provider Identifier: ten digits. */
  npi: z
    .string({ error: 'Must be text' })
    .trim()
    .regex(/^\d{10}$/, { error: 'Must be a 10-digit NPI' })
    .optional(),
  specialty: optionalText(200),
  qualifications: list(
    z.strictObject({
      name: requiredText(200),
      issuer: optionalText(200),
      period: periodSchema.optional(),
      identifier: optionalText(100),
    }),
    20,
  ).optional(),
  languages: list(languageTagSchema, 20).optional(),
  address: addressSchema.optional(),
  photo: photoSchema.optional(),
  /** False once the record is no longer in use; true when left out. */
  active: bool().optional(),
};

/** `POST /v1/practitioners` body. */
export const practitionerCreateSchema = z.strictObject(practitionerFields);
/** `PATCH /v1/practitioners/{id}` object body: any subset of the create fields. */
export const practitionerUpdateSchema = updateSchemaOf(practitionerFields);

export type PractitionerCreate = z.input<typeof practitionerCreateSchema>;
export type PractitionerUpdate = z.input<typeof practitionerUpdateSchema>;
