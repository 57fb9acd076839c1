/**
 * Small two-way translations between simplified values and FHIR data types, used by every mapping. Each `x` has an
 * inverse `xOut`, so that `fromFhir(toFhir(input))` gives the input back — the property simplified updates rely on.
 */
import type { CodeableConcept, Coding } from '@clinikapi/core';

/**
 * A reference as written: `{ reference: 'Type/id' }`. Deliberately not the generic FHIR `Reference<T>`, so that one
 * helper serves every element whatever types it may point to.
 */
export interface Ref {
  reference: string;
}
/** Any stored reference, as read back. */
type Reference = { reference?: string | undefined };

/** A simplified concept: plain text, or a coding. */
export type ConceptInput = string | { system?: string | undefined; code?: string | undefined; display?: string | undefined };

/** Drops undefined properties (and returns undefined for an object left empty), so stored FHIR has no holes. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** `compact`, and undefined when nothing is left. */
export function compactOrNone<T extends object>(value: T): T | undefined {
  const result = compact(value);
  return Object.keys(result).length > 0 ? result : undefined;
}

/** FHIR allows no empty arrays: an empty list is left out. */
export const nonEmpty = <T>(items: readonly T[] | undefined): T[] | undefined => (items && items.length > 0 ? [...items] : undefined);

// --- References -------------------------------------------------------------------------------------------------

export const ref = (type: string, id: string | undefined): Ref | undefined => (id ? { reference: `${type}/${id}` } : undefined);
export const refs = (type: string, ids: readonly string[] | undefined): Ref[] | undefined =>
  ids?.map((id) => ({ reference: `${type}/${id}` }));

/** The id of a `Type/id` reference, when it is of that type. */
export function refOut(reference: Reference | undefined, type: string): string | undefined {
  const value = reference?.reference;
  return value?.startsWith(`${type}/`) ? value.slice(type.length + 1) : undefined;
}
export const refsOut = (references: readonly Reference[] | undefined, type: string): string[] | undefined =>
  references?.map((reference) => refOut(reference, type)).filter((id): id is string => id !== undefined);

/** A typed reference input (`id` meaning `defaultType/id`, or `Type/id`). */
export const typedRef = (value: string | undefined, defaultType: string): Ref | undefined =>
  value ? { reference: value.includes('/') ? value : `${defaultType}/${value}` } : undefined;
export const typedRefs = (values: readonly string[] | undefined, defaultType: string): Ref[] | undefined =>
  values?.map((value) => ({ reference: value.includes('/') ? value : `${defaultType}/${value}` }));

/** The inverse of `typedRef`: a bare id for the default type, `Type/id` for the others. */
export function typedRefOut(reference: Reference | undefined, defaultType: string): string | undefined {
  const value = reference?.reference;
  if (!value) return undefined;
  return value.startsWith(`${defaultType}/`) ? value.slice(defaultType.length + 1) : value;
}
export const typedRefsOut = (references: readonly Reference[] | undefined, defaultType: string): string[] | undefined =>
  references?.map((reference) => typedRefOut(reference, defaultType)).filter((value): value is string => value !== undefined);

export const anyRefs = (values: readonly string[] | undefined): Ref[] | undefined => values?.map((reference) => ({ reference }));
export const anyRefsOut = (references: readonly Reference[] | undefined): string[] | undefined =>
  references?.map((reference) => reference.reference).filter((value): value is string => value !== undefined);

// --- Concepts ---------------------------------------------------------------------------------------------------

/** Text becomes `{ text }`; a coding becomes `{ coding: [coding], text: display }`. */
export function concept(input: ConceptInput | undefined): CodeableConcept | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'string') return { text: input };
  const coding = compact({ system: input.system, code: input.code, display: input.display });
  return compact({ coding: [coding], text: input.display });
}

export function conceptOut(value: CodeableConcept | undefined): ConceptInput | undefined {
  if (!value) return undefined;
  const coding = value.coding?.[0];
  if (coding) return compact({ system: coding.system, code: coding.code, display: coding.display });
  return value.text;
}

/** Free text as a concept: `{ text }`. */
export const textConcept = (text: string | undefined): CodeableConcept | undefined => (text === undefined ? undefined : { text });
export const textConceptOut = (value: CodeableConcept | undefined): string | undefined =>
  value?.text ?? value?.coding?.[0]?.display ?? value?.coding?.[0]?.code;
export const textConcepts = (texts: readonly string[] | undefined): CodeableConcept[] | undefined => texts?.map((text) => ({ text }));
export const textConceptsOut = (values: readonly CodeableConcept[] | undefined): string[] | undefined =>
  values?.map(textConceptOut).filter((text): text is string => text !== undefined);

/**
 * A code of a known code system: stored as a coding (with its display when known) and the code as text, so that
 * both code-aware FHIR clients and people reading the record understand it.
 */
export function coded(system: string, code: string | undefined, displays?: Readonly<Record<string, string>>): CodeableConcept | undefined {
  if (code === undefined) return undefined;
  return { coding: [compact({ system, code, display: displays?.[code] })], text: code };
}
export const codedOut = (value: CodeableConcept | undefined): string | undefined => value?.coding?.[0]?.code ?? value?.text;

/** A code that may or may not belong to a known system: a coding when it does, text when it does not. */
export function maybeCoded(system: string, known: readonly string[], value: string | undefined): CodeableConcept | undefined {
  if (value === undefined) return undefined;
  return known.includes(value) ? { coding: [{ system, code: value }], text: value } : { text: value };
}
export const maybeCodedOut = (value: CodeableConcept | undefined): string | undefined => value?.text ?? value?.coding?.[0]?.code;

export const codings = (values: readonly Coding[] | undefined): Coding[] | undefined => values?.map((coding) => compact({ ...coding }));

// --- Text -------------------------------------------------------------------------------------------------------

export const notes = (text: string | undefined): { text: string }[] | undefined => (text === undefined ? undefined : [{ text }]);
export const notesOut = (annotations: readonly { text?: string }[] | undefined): string | undefined => annotations?.[0]?.text;

/** UTF-8 text as base64, in the browser as in Node. */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(data: string): string {
  const binary = atob(data);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** FHIR narrative: the text, escaped, in an XHTML div. */
export const narrative = (text: string): { status: 'generated'; div: string } => ({
  status: 'generated',
  div: `<div xmlns="http://www.w3.org/1999/xhtml">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</div>`,
});

export function narrativeOut(value: { div?: string } | undefined): string | undefined {
  const match = value?.div && /^<div[^>]*>([\s\S]*)<\/div>$/.exec(value.div);
  if (!match) return undefined;
  return (match[1] as string).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
