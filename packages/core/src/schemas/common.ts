/**
 * Building blocks of the simplified request schemas. Every message is written for a person filling in a form and
 * never repeats the submitted value (it may be PHI): `Required`, `Must be a date in YYYY-MM-DD form`.
 */
import { z } from 'zod';

/** The error for a value of the wrong type: `Required` when it is missing, else what was expected. */
const typeError =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? 'Required' : `Must be ${expected}`;

/** A trimmed, non-empty string of at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ error: typeError('text') })
    .trim()
    .min(1, { error: 'Required', abort: true })
    .max(max, { error: `At most ${max} characters` });

/**
 * An optional string: trimmed, and an empty one counts as not given, so a form can send its blank fields as they are.
 */
export const optionalText = (max: number) =>
  z
    .string({ error: typeError('text') })
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .transform((value) => (value === '' ? undefined : value))
    .optional();

/** A list of at most `max` items, each checked by `item`. */
export const list = <T extends z.ZodType>(item: T, max: number, min = 0) =>
  z
    .array(item, { error: typeError('a list') })
    .min(min, { error: min === 1 ? 'Add at least one' : `Add at least ${min}` })
    .max(max, { error: `At most ${max} items` });

export const bool = () => z.boolean({ error: typeError('true or false') });

/** A finite number, optionally an integer and within a range. */
export function num(options: { min?: number; max?: number; int?: boolean } = {}) {
  let schema = z.number({ error: typeError('a number') });
  if (options.int) schema = schema.int({ error: 'Must be a whole number' });
  if (options.min !== undefined) schema = schema.min(options.min, { error: `Must be at least ${options.min}` });
  schema = schema.max(options.max ?? 1e12, { error: `Must be at most ${options.max ?? 1e12}` });
  return schema;
}

/** One of `values`, with the allowed values in the message. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, label?: string) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'Required' : `Must be ${label ?? `one of ${values.join(', ')}`}`),
  });

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/** The id of another record, as FHIR allows it: up to 64 letters, digits, `-` and `.`. */
export const idSchema = z
  .string({ error: typeError('an id') })
  .trim()
  .min(1, { error: 'Required', abort: true })
  .regex(ID_PATTERN, { error: 'Must be an id of letters, digits, "-" or "." (at most 64)' });

/**
 * A reference to a record that may be one of several types: `Type/id`, or a bare id meaning the first type listed.
 */
export const typedReference = (types: readonly [string, ...string[]]) =>
  z
    .string({ error: typeError('a reference') })
    .trim()
    .min(1, { error: 'Required', abort: true })
    .refine(
      (value) => {
        const slash = value.indexOf('/');
        if (slash === -1) return ID_PATTERN.test(value);
        return types.includes(value.slice(0, slash)) && ID_PATTERN.test(value.slice(slash + 1));
      },
      { error: `Must be an id, or Type/id where Type is ${types.join(', ')}` },
    );

/** A reference to a record of any type, always written `Type/id`. */
export const anyReference = z
  .string({ error: typeError('a reference') })
  .trim()
  .min(1, { error: 'Required', abort: true })
  .regex(/^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9\-.]{1,64}$/, { error: 'Must be a reference such as Observation/123' });

/** An absolute URI (`https://…`, `urn:…`). */
export const uriSchema = z
  .string({ error: typeError('a URI') })
  .trim()
  .min(1, { error: 'Required', abort: true })
  .max(2000, { error: 'At most 2000 characters' })
  .regex(/^[a-z][a-z0-9+.-]*:\S+$/i, { error: 'Must be an absolute URI such as https://example.org/policy' });

export const emailSchema = z
  .string({ error: typeError('an email address') })
  .trim()
  .max(254, { error: 'At most 254 characters' })
  .pipe(z.email({ error: 'Must be an email address' }));

export const phoneSchema = z
  .string({ error: typeError('a phone number') })
  .trim()
  .max(20, { error: 'At most 20 characters' })
  .regex(/^\+?[0-9 ().-]{3,20}$/, { error: 'Must be a phone number' });

// ---------------------------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DATE_MESSAGE = 'Must be a date in YYYY-MM-DD form';
const DATE_TIME_MESSAGE = 'Must be a date and time such as 2025-01-15T10:30:00Z';
/** Clinical records are from this range of years; anything else is a typo. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

/** Time zones run up to 14 h ahead of UTC, and clocks drift: "not in the future" allows for both. */
const FUTURE_TOLERANCE_MS = 14 * 3_600_000;

/** Milliseconds since the epoch of a date or date-time string this module accepted (dates at UTC midnight). */
export function timeOf(value: string): number {
  return Date.parse(DATE.test(value) ? `${value}T00:00:00Z` : value);
}

/** True when `value` (a date or date-time) is not later than now, allowing for time zones. */
export const isNotFuture = (value: string): boolean => timeOf(value) <= Date.now() + FUTURE_TOLERANCE_MS;

function checkDate(value: string, ctx: z.RefinementCtx, range: boolean): void {
  const match = DATE.exec(value);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
  } else if (range && (Number(match[1]) < EARLIEST_YEAR || Number(match[1]) > LATEST_YEAR)) {
    ctx.addIssue({ code: 'custom', message: `Must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
  }
}

/** `YYYY-MM-DD`, a real calendar date. `range` (default true) keeps it within 1900–2100. */
export const dateSchema = (options: { range?: boolean } = {}) =>
  z
    .string({ error: typeError('a date in YYYY-MM-DD form') })
    .trim()
    .superRefine((value, ctx) => checkDate(value, ctx, options.range ?? true));

/**
 * A FHIR `dateTime`: a date, or a date and time with a time zone. Seconds may be left out (`10:30Z`); they are added,
 * since FHIR requires them.
 */
export const dateTimeSchema = (options: { dateAllowed?: boolean } = {}) =>
  z
    .string({ error: typeError('a date and time') })
    .trim()
    .superRefine((value, ctx) => {
      if (options.dateAllowed !== false && DATE.test(value)) return checkDate(value, ctx, true);
      const match = DATE_TIME.exec(value);
      if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
        ctx.addIssue({ code: 'custom', message: options.dateAllowed === false ? DATE_TIME_MESSAGE : `${DATE_TIME_MESSAGE}, or a date` });
      } else if (Number(match[1]) < EARLIEST_YEAR || Number(match[1]) > LATEST_YEAR) {
        ctx.addIssue({ code: 'custom', message: `Must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
      }
    })
    .transform((value) => {
      const match = DATE_TIME.exec(value);
      return match && match[6] === undefined ? value.replace(/^(.{16})/, '$1:00') : value;
    });

/** A FHIR `instant`: a date and time with a time zone (no date-only form). */
export const instantSchema = () => dateTimeSchema({ dateAllowed: false });

/** `HH:mm` or `HH:mm:ss`, normalised to `HH:mm:ss`. */
export const timeSchema = z
  .string({ error: typeError('a time') })
  .trim()
  .regex(TIME, { error: 'Must be a time in HH:mm or HH:mm:ss form' })
  .transform((value) => (value.length === 5 ? `${value}:00` : value));

/** Adds "must not be in the future" to a date or date-time schema. */
export const past = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((value) => isNotFuture(value), { error: 'Must not be in the future' });

/** `{ start, end }`, with `end` not before `start`. */
export const periodSchema = z
  .strictObject({ start: dateTimeSchema().optional(), end: dateTimeSchema().optional() }, { error: typeError('a period') })
  .refine((period) => !period.start || !period.end || timeOf(period.end) >= timeOf(period.start), {
    error: 'Must not be before start',
    path: ['end'],
  });

/** Reports `message` at `path` unless `ok`. For rules between fields. */
export function rule(ctx: z.RefinementCtx, ok: boolean, path: string, message: string): void {
  if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
}

// ---------------------------------------------------------------------------------------------------------------
// Codes and quantities
// ---------------------------------------------------------------------------------------------------------------

/** A code from a code system: `{ system, code, display }`, needing at least a code or a display. */
export const codingSchema = z
  .strictObject(
    {
      system: uriSchema.optional(),
      code: optionalText(200),
      display: optionalText(500),
    },
    { error: typeError('a coding with system, code and display') },
  )
  .refine((coding) => coding.code !== undefined || coding.display !== undefined, {
    error: 'Needs a code or a display',
  });

/** A concept: plain text (`"Hypertension"`) or a coding (`{ system, code, display }`). */
export const conceptSchema = (max = 500) =>
  z.union([requiredText(max), codingSchema], {
    // A union reports one generic issue; say what is actually wrong with a string.
    error: (issue) => {
      const input = issue.input;
      if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return 'Required';
      if (typeof input === 'string') return `At most ${max} characters`;
      return 'Must be text or a coding with system, code and display';
    },
  });

/** A measured amount: `{ value, unit }`, optionally with the unit's code system. */
export const quantitySchema = z.strictObject(
  {
    value: num({ min: -1e9, max: 1e9 }),
    unit: optionalText(50),
    system: uriSchema.optional(),
    code: optionalText(50),
  },
  { error: typeError('a quantity such as { "value": 72, "unit": "beats/min" }') },
);

/** A quantity that cannot be negative (doses, amounts). */
export const amountSchema = z.strictObject(
  { value: num({ min: 0, max: 1e9 }), unit: optionalText(50) },
  { error: typeError('an amount such as { "value": 500, "unit": "mg" }') },
);

/** `numerator / denominator`, e.g. 500 mg per 1 tablet. */
export const ratioSchema = z.strictObject(
  { numerator: amountSchema.optional(), denominator: amountSchema.optional() },
  { error: typeError('a ratio with numerator and denominator') },
);

/** A file: inline base64 `data` or a `url`, with its content type. */
export const attachmentSchema = z
  .strictObject(
    {
      contentType: z
        .string({ error: typeError('a content type') })
        .trim()
        .max(100, { error: 'At most 100 characters' })
        .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: 'Must be a content type such as application/pdf' })
        .optional(),
      data: z.base64({ error: 'Must be base64-encoded' }).max(1_000_000, { error: 'At most 1,000,000 characters' }).optional(),
      url: uriSchema.optional(),
      title: optionalText(200),
    },
    { error: typeError('an attachment') },
  )
  .refine((attachment) => attachment.data !== undefined || attachment.url !== undefined, {
    error: 'Needs data or a url',
  });

/** A postal address, as the simplified API takes it. */
export const addressSchema = z.strictObject(
  {
    line: list(requiredText(200), 4).optional(),
    city: optionalText(100),
    state: optionalText(100),
    postalCode: optionalText(20),
    country: optionalText(100),
  },
  { error: typeError('an address') },
);

/** A photo: a URL or inline base64 data. */
export const photoSchema = z.strictObject(
  {
    url: uriSchema.optional(),
    data: z.base64({ error: 'Must be base64-encoded' }).max(1_000_000, { error: 'At most 1,000,000 characters' }).optional(),
    contentType: optionalText(100),
  },
  { error: typeError('a photo') },
);

export const genderSchema = oneOf(['male', 'female', 'other', 'unknown']);

/** The shape of an update: every field optional, and optional fields also take `null`, which removes them. */
type UpdateShape<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: undefined extends z.input<S[K]> ? z.ZodOptional<z.ZodNullable<S[K]>> : z.ZodOptional<S[K]>;
};

/**
 * The object form of `PATCH`: any subset of the create fields (a merge). Sending `null` for an optional field removes
 * it; required fields can be changed but not removed. Rules between fields are checked on the merged record.
 */
export function updateSchemaOf<S extends Record<string, z.ZodType>>(fields: S) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [
      name,
      schema.safeParse(undefined).success ? schema.nullable().optional() : schema.optional(),
    ]),
  ) as UpdateShape<S>;
  return z
    .strictObject(shape, { error: typeError('an object of the fields to change') })
    .refine((value) => Object.keys(value).length > 0, { error: 'Change at least one field' });
}
