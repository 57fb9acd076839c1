/**
 * Building blocks of the simplified request schemas. Every message is written for a person filling in a form and
 * never repeats the submitted value (it may be PHI): `Required`, `Must be a date in YYYY-MM-DD form`.
 */
import * as z from 'zod/mini';
import { markReference } from './references.ts';

// The schemas are built with `zod/mini`: functions rather than methods, so a bundle keeps only the parts of zod that
// a widget's schema uses (classic zod's schemas are classes carrying every method, which keeps nearly all of zod).
// Every factory here is marked `@__NO_SIDE_EFFECTS__`, so a bundler drops a schema no one imports. `zod/mini` loads
// no locale: any issue a schema here can raise has its message written out, so nothing falls back to "Invalid input".

/** The error for a value of the wrong type: `Required` when it is missing, else what was expected. */
/* @__NO_SIDE_EFFECTS__ */
function typeError(expected: string) {
  return (issue: { input?: unknown }): string => (issue.input === undefined || issue.input === null ? 'Required' : `Must be ${expected}`);
}

/** How zod's English names the type of a value that is not an object (`array`, `null`, `NaN`…). */
function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return Number.isNaN(input) ? 'NaN' : String(input);
  return typeof input;
}

/**
 * The issues of an object schema without a message of its own, worded as zod's English locale words them (the
 * emulator's 422s and the forms have always shown this wording): `Unrecognized keys: "a", "b"` and
 * `Invalid input: expected object, received string`.
 */
export function objectIssue(issue: { code?: string; input?: unknown; keys?: readonly string[] }): string | undefined {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type') return `Invalid input: expected object, received ${typeName(issue.input)}`;
  return undefined;
}

/** An object that rejects unknown fields; `error` words its own issues (unknown fields, not an object). */
/* @__NO_SIDE_EFFECTS__ */
export function strictObject<const T extends z.core.$ZodLooseShape>(
  shape: T,
  error: (issue: { code?: string; input?: unknown; keys?: readonly string[] }) => string | undefined = objectIssue,
) {
  return z.strictObject(shape, { error });
}

/** `schema` with `checks` added: a call a bundler may drop when its result is unused, unlike `schema.check(…)`. */
/* @__NO_SIDE_EFFECTS__ */
export function checked<T extends z.ZodMiniType>(schema: T, ...checks: z.core.$ZodCheck<z.output<T>>[]): T {
  return schema.check(...checks);
}

/**
 * `schema` with one more rule between fields, written as zod's `superRefine`: `check` reports problems with
 * `ctx.addIssue({ code: 'custom', path, message })`. For code that adds its own rules to a schema from here without
 * importing zod itself (the widgets).
 */
/* @__NO_SIDE_EFFECTS__ */
export function withRule<T extends z.ZodMiniType>(
  schema: T,
  check: (value: z.output<T>, ctx: z.core.$RefinementCtx<z.output<T>>) => void,
): T {
  return checked(schema, z.superRefine(check));
}

/** A string, trimmed before `checks` run; `expected` names what it should be in the type error. */
/* @__NO_SIDE_EFFECTS__ */
function trimmed(expected: string, ...checks: z.core.$ZodCheck<string>[]) {
  return z.string({ error: typeError(expected), checks: [z.trim(), ...checks] });
}

/* @__NO_SIDE_EFFECTS__ */
function required() {
  return z.minLength(1, { error: 'Required', abort: true });
}

/* @__NO_SIDE_EFFECTS__ */
function atMost(max: number) {
  return z.maxLength(max, { error: `At most ${max} characters` });
}

/** A trimmed, non-empty string of at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
export function requiredText(max: number) {
  return trimmed('text', required(), atMost(max));
}

/**
 * An optional string: trimmed, and an empty one counts as not given, so a form can send its blank fields as they are.
 */
/* @__NO_SIDE_EFFECTS__ */
export function optionalText(max: number) {
  return z.optional(
    z.pipe(
      trimmed('text', atMost(max)),
      z.transform((value: string) => (value === '' ? undefined : value)),
    ),
  );
}

/** A list of at most `max` items, each checked by `item`. */
/* @__NO_SIDE_EFFECTS__ */
export function list<T extends z.core.SomeType>(item: T, max: number, min = 0) {
  return checked(
    z.array(item, { error: typeError('a list') }),
    z.minLength(min, { error: min === 1 ? 'Add at least one' : `Add at least ${min}` }),
    z.maxLength(max, { error: `At most ${max} items` }),
  );
}

/* @__NO_SIDE_EFFECTS__ */
export function bool() {
  return z.boolean({ error: typeError('true or false') });
}

/** A number as the range messages write it: `10,080`, `0.5`, `-1,000,000,000`. */
export function numberText(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/**
 * The message for a value outside `min`–`max` (either may be open), with the unit when there is one:
 * `Must be between 50 and 300 mmHg`, `Must be at least 0`, `Must be at most 9`.
 */
export function rangeMessage(min: number | undefined, max: number | undefined, unit?: string): string {
  const after = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `Must be between ${numberText(min)} and ${numberText(max)}${after}`;
  return min !== undefined ? `Must be at least ${numberText(min)}${after}` : `Must be at most ${numberText(max ?? 0)}${after}`;
}

/**
 * A finite number, optionally an integer and within a range. Each rule has its own message — "Required", "Must be a
 * number", "Must be a whole number", and the range with its bounds (and `unit`) whichever bound is broken.
 */
/* @__NO_SIDE_EFFECTS__ */
export function num(options: { min?: number; max?: number; int?: boolean; unit?: string } = {}) {
  const checks: z.core.$ZodCheck<number>[] = [];
  const range = rangeMessage(options.min, options.max, options.unit);
  if (options.int) checks.push(z.int({ error: 'Must be a whole number' }));
  if (options.min !== undefined) checks.push(z.gte(options.min, { error: range }));
  // Without a stated maximum, only numbers no record could hold are refused.
  checks.push(z.lte(options.max ?? 1e12, { error: options.max === undefined ? rangeMessage(options.min, 1e12) : range }));
  return z.number({ error: typeError('a number'), checks });
}

/** One of `values`, with the allowed values in the message. */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, label?: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === null ? 'Required' : `Must be ${label ?? `one of ${values.join(', ')}`}`,
  });
}

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * An id as FHIR allows it: up to 64 letters, digits, `-` and `.`, of no declared type. Not for the request shapes:
 * their id fields say what they point at with `reference(...)` (the proxy finds the patients a write names that way,
 * and a core test refuses this schema in them).
 */
export const idSchema = trimmed(
  'an id',
  required(),
  z.regex(ID_PATTERN, { error: 'Must be an id of letters, digits, "-" or "." (at most 64)' }),
);

/**
 * The id of a record of one type: `reference('Encounter')` is an Encounter's id, stored as `Encounter/{id}`. Every
 * id field of a request shape says its type this way, so what it can point at is known (see `references.ts`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function reference(type: string) {
  return markReference(
    trimmed('an id', required(), z.regex(ID_PATTERN, { error: 'Must be an id of letters, digits, "-" or "." (at most 64)' })),
    { types: [type], bareIdType: type },
  );
}

/**
 * A reference to a record that may be one of several types: `Type/id`, or a bare id meaning the first type listed.
 */
/* @__NO_SIDE_EFFECTS__ */
export function typedReference(types: readonly [string, ...string[]]) {
  return markReference(
    trimmed(
      'a reference',
      required(),
      z.refine(
        (value: string) => {
          const slash = value.indexOf('/');
          if (slash === -1) return ID_PATTERN.test(value);
          return types.includes(value.slice(0, slash)) && ID_PATTERN.test(value.slice(slash + 1));
        },
        { error: `Must be an id, or Type/id where Type is ${types.join(', ')}` },
      ),
    ),
    { types, bareIdType: types[0] },
  );
}

/** A reference to a record of any type, always written `Type/id`. */
export const anyReference = markReference(
  trimmed(
    'a reference',
    required(),
    z.regex(/^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9\-.]{1,64}$/, { error: 'Must be a reference such as Observation/123' }),
  ),
  { types: 'any', bareIdType: undefined },
);

/** An absolute URI (`https://…`, `urn:…`). */
export const uriSchema = trimmed(
  'a URI',
  required(),
  atMost(2000),
  z.regex(/^[a-z][a-z0-9+.-]*:\S+$/i, { error: 'Must be an absolute URI such as https://example.org/policy' }),
);

const WEB_LINK = /^https?:\/\/[^\s/?#]+\S*$/i;

/**
 * True for a web address (`http://host…` or `https://host…`): the only URIs a widget shows as a link. A link to
 * `javascript:` or `data:` runs code in the page of whoever clicks it.
 */
export function isWebLink(value: string): boolean {
  return WEB_LINK.test(value);
}

/** A web address, as `isWebLink` has it: what a form may later show as a link. */
export const webLinkSchema = trimmed(
  'a web address',
  required(),
  atMost(2000),
  z.regex(WEB_LINK, { error: 'Must be an http or https link' }),
);

export const emailSchema = z.pipe(trimmed('an email address', atMost(254)), z.email({ error: 'Must be an email address' }));

export const phoneSchema = trimmed('a phone number', atMost(20), z.regex(/^\+?[0-9 ().-]{3,20}$/, { error: 'Must be a phone number' }));

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

function checkDate(value: string, ctx: z.core.$RefinementCtx<string>, range: boolean): void {
  const match = DATE.exec(value);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
  } else if (range && (Number(match[1]) < EARLIEST_YEAR || Number(match[1]) > LATEST_YEAR)) {
    ctx.addIssue({ code: 'custom', message: `Must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
  }
}

/** `YYYY-MM-DD`, a real calendar date. `range` (default true) keeps it within 1900–2100. */
/* @__NO_SIDE_EFFECTS__ */
export function dateSchema(options: { range?: boolean } = {}) {
  return trimmed(
    'a date in YYYY-MM-DD form',
    z.superRefine((value: string, ctx) => checkDate(value, ctx, options.range ?? true)),
  );
}

/**
 * A FHIR `dateTime`: a date, or a date and time with a time zone. Seconds may be left out (`10:30Z`); they are added,
 * since FHIR requires them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function dateTimeSchema(options: { dateAllowed?: boolean } = {}) {
  return z.pipe(
    trimmed(
      'a date and time',
      z.superRefine((value: string, ctx) => {
        if (options.dateAllowed !== false && DATE.test(value)) return checkDate(value, ctx, true);
        const match = DATE_TIME.exec(value);
        if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
          ctx.addIssue({ code: 'custom', message: options.dateAllowed === false ? DATE_TIME_MESSAGE : `${DATE_TIME_MESSAGE}, or a date` });
        } else if (Number(match[1]) < EARLIEST_YEAR || Number(match[1]) > LATEST_YEAR) {
          ctx.addIssue({ code: 'custom', message: `Must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
        }
      }),
    ),
    z.transform((value: string) => {
      const match = DATE_TIME.exec(value);
      return match && match[6] === undefined ? value.replace(/^(.{16})/, '$1:00') : value;
    }),
  );
}

/** A FHIR `instant`: a date and time with a time zone (no date-only form). */
/* @__NO_SIDE_EFFECTS__ */
export function instantSchema() {
  return dateTimeSchema({ dateAllowed: false });
}

/** `HH:mm` or `HH:mm:ss`, normalised to `HH:mm:ss`. */
export const timeSchema = z.pipe(
  trimmed('a time', z.regex(TIME, { error: 'Must be a time in HH:mm or HH:mm:ss form' })),
  z.transform((value: string) => (value.length === 5 ? `${value}:00` : value)),
);

/** Adds "must not be in the future" to a date or date-time schema. */
/* @__NO_SIDE_EFFECTS__ */
export function past<T extends z.ZodMiniType<string>>(schema: T): T {
  return checked(
    schema,
    z.refine((value: string) => isNotFuture(value), { error: 'Must not be in the future' }),
  );
}

/** `{ start, end }`, with `end` not before `start`. */
export const periodSchema = checked(
  strictObject({ start: z.optional(dateTimeSchema()), end: z.optional(dateTimeSchema()) }, typeError('a period')),
  z.refine((period) => !period.start || !period.end || timeOf(period.end) >= timeOf(period.start), {
    error: 'Must not be before start',
    path: ['end'],
  }),
);

/** Reports `message` at `path` unless `ok`. For rules between fields. */
export function rule(ctx: z.core.$RefinementCtx, ok: boolean, path: string, message: string): void {
  if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
}

// ---------------------------------------------------------------------------------------------------------------
// Codes and quantities
// ---------------------------------------------------------------------------------------------------------------

/** A code from a code system: `{ system, code, display }`, needing at least a code or a display. */
export const codingSchema = checked(
  strictObject(
    {
      system: z.optional(uriSchema),
      code: optionalText(200),
      display: optionalText(500),
    },
    typeError('a coding with system, code and display'),
  ),
  z.refine((coding) => coding.code !== undefined || coding.display !== undefined, {
    error: 'Needs a code or a display',
  }),
);

/** A concept: plain text (`"Hypertension"`) or a coding (`{ system, code, display }`). */
/* @__NO_SIDE_EFFECTS__ */
export function conceptSchema(max = 500) {
  return z.union([requiredText(max), codingSchema], {
    // A union reports one generic issue; say what is actually wrong with a string.
    error: (issue) => {
      const input = issue.input;
      if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return 'Required';
      if (typeof input === 'string') return `At most ${max} characters`;
      return 'Must be text or a coding with system, code and display';
    },
  });
}

/** A measured amount: `{ value, unit }`, optionally with the unit's code system. */
export const quantitySchema = strictObject(
  {
    value: num({ min: -1e9, max: 1e9 }),
    unit: optionalText(50),
    system: z.optional(uriSchema),
    code: optionalText(50),
  },
  typeError('a quantity such as { "value": 72, "unit": "beats/min" }'),
);

/** A quantity that cannot be negative (doses, amounts). */
export const amountSchema = strictObject(
  { value: num({ min: 0, max: 1e9 }), unit: optionalText(50) },
  typeError('an amount such as { "value": 500, "unit": "mg" }'),
);

/** `numerator / denominator`, e.g. 500 mg per 1 tablet. */
export const ratioSchema = strictObject(
  { numerator: z.optional(amountSchema), denominator: z.optional(amountSchema) },
  typeError('a ratio with numerator and denominator'),
);

/** Inline base64 file content, at most a million characters. */
/* @__NO_SIDE_EFFECTS__ */
function base64Data() {
  return z.optional(
    checked(z.base64({ error: 'Must be base64-encoded' }), z.maxLength(1_000_000, { error: 'At most 1,000,000 characters' })),
  );
}

/** A file: inline base64 `data` or a `url`, with its content type. */
export const attachmentSchema = checked(
  strictObject(
    {
      contentType: z.optional(
        trimmed(
          'a content type',
          atMost(100),
          z.regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: 'Must be a content type such as application/pdf' }),
        ),
      ),
      data: base64Data(),
      url: z.optional(uriSchema),
      title: optionalText(200),
    },
    typeError('an attachment'),
  ),
  z.refine((attachment) => attachment.data !== undefined || attachment.url !== undefined, {
    error: 'Needs data or a url',
  }),
);

/** A postal address, as the simplified API takes it. */
export const addressSchema = strictObject(
  {
    line: z.optional(list(requiredText(200), 4)),
    city: optionalText(100),
    state: optionalText(100),
    postalCode: optionalText(20),
    country: optionalText(100),
  },
  typeError('an address'),
);

/** A photo: a URL or inline base64 data. */
export const photoSchema = strictObject(
  {
    url: z.optional(uriSchema),
    data: base64Data(),
    contentType: optionalText(100),
  },
  typeError('a photo'),
);

export const genderSchema = oneOf(['male', 'female', 'other', 'unknown']);

/** The shape of an update: every field optional, and optional fields also take `null`, which removes them. */
export type UpdateShape<S extends Record<string, z.ZodMiniType>> = {
  [K in keyof S]: undefined extends z.input<S[K]> ? z.ZodMiniOptional<z.ZodMiniNullable<S[K]>> : z.ZodMiniOptional<S[K]>;
};

/**
 * The object form of `PATCH`: any subset of the create fields (a merge). Sending `null` for an optional field removes
 * it; required fields can be changed but not removed. Rules between fields are checked on the merged record.
 */
/* @__NO_SIDE_EFFECTS__ */
export function updateSchemaOf<S extends Record<string, z.ZodMiniType>>(fields: S) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [
      name,
      schema.safeParse(undefined).success ? z.optional(z.nullable(schema)) : z.optional(schema),
    ]),
  ) as UpdateShape<S>;
  return checked(
    strictObject(shape, typeError('an object of the fields to change')),
    z.refine((value) => Object.keys(value).length > 0, { error: 'Change at least one field' }),
  );
}
