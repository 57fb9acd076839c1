/**
 * Building blocks the request shapes of the catalogue's other paths share (scheduling, directories, billing,
 * insurance, definitions): amounts of money, loose quantities, lists of texts and ids. Like `common.ts`, every
 * message names the rule, never the value.
 */
import * as z from 'zod/mini';
import { list, num, objectIssue, optionalText, reference, requiredText, strictObject } from './common.ts';
import { markReference } from './references.ts';

const ANY_REFERENCE = /^(?:[A-Z][A-Za-z]{1,63}\/)?[A-Za-z0-9\-.]{1,64}$/;

/** An amount of money: `{ value, currency }` (ISO 4217, e.g. `USD`). Either may be left out. */
export const moneySchema = strictObject({
  value: z.optional(num({ min: -1e12, max: 1e12 })),
  currency: optionalText(10),
});

/** A required part of a body: an object, `Required` when it is missing. */
/* @__NO_SIDE_EFFECTS__ */
export function requiredObject<const T extends z.core.$ZodLooseShape>(shape: T, expected: string) {
  return strictObject(shape, (issue) =>
    issue.code === 'invalid_type'
      ? issue.input === undefined || issue.input === null
        ? 'Required'
        : `Must be ${expected}`
      : objectIssue(issue),
  );
}

/** An amount of money whose value is required. */
export const requiredMoneySchema = requiredObject(
  {
    value: num({ min: -1e12, max: 1e12 }),
    currency: optionalText(10),
  },
  'an amount such as { "value": 80, "currency": "USD" }',
);

/** A measured amount whose value may be left out: `{ value, unit }`. */
export const measureSchema = strictObject({
  value: z.optional(num({ min: -1e9, max: 1e9 })),
  unit: optionalText(50),
});

/** An optional list of at most `maxItems` texts of at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
export function texts(max: number, maxItems: number) {
  return z.optional(list(requiredText(max), maxItems));
}

/** An optional list of at most `maxItems` ids of records of one type. */
/* @__NO_SIDE_EFFECTS__ */
export function ids(type: string, maxItems: number) {
  return z.optional(list(reference(type), maxItems));
}

/**
 * A reference to a record of any type: `Type/id`, or a bare id meaning `bareIdType`, the usual type. For elements
 * such as `basedOn` that may point at many kinds of request.
 */
/* @__NO_SIDE_EFFECTS__ */
export function flexibleReference(bareIdType: string) {
  return markReference(
    z.string({
      error: (issue) => (issue.input === undefined || issue.input === null ? 'Required' : 'Must be a reference'),
      checks: [z.trim(), z.regex(ANY_REFERENCE, { error: `Must be an id, or Type/id such as ${bareIdType}/123` })],
    }),
    { types: 'any', bareIdType },
  );
}

/** The FHIR `request.priority` codes. */
export const REQUEST_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;
/** The status of financial resources (claims, coverages, notices). */
export const FINANCIAL_STATUSES = ['active', 'cancelled', 'draft'] as const;
/** The outcome of processing a financial request. */
export const PROCESSING_OUTCOMES = ['queued', 'complete', 'error', 'partial'] as const;
/** What a claim is for. */
export const CLAIM_USES = ['claim', 'preauthorization', 'predetermination'] as const;
/** The status of definitions (activities, plans, measures). */
export const PUBLICATION_STATUSES = ['draft', 'active', 'retired'] as const;
