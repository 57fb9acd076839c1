/**
 * The values searches filter and sort on, derived from a FHIR body the same way by every store: the memory store
 * keeps them beside the record, the SQL store writes them to indexed columns. Computing them in one place is what
 * makes the two stores answer every search identically.
 */
import { findResourceByType, type Resource } from '@clinikapi/core';
import { DIGIT_PARAMS, SEARCH_DEFINITIONS } from './definitions.ts';

export interface IndexKeys {
  /** The patient the record belongs to (the catalogue's patient link), or null. */
  readonly patientId: string | null;
  /** The record's date, normalised: `YYYY-MM-DD` for dates, UTC ISO for date-times. */
  readonly dateKey: string | null;
  /** `param=value` pairs, lower-cased, for the type's token parameters. */
  readonly tokens: readonly string[];
  /** Names for the partial `name` search, folded (`foldName`): lower-case, without accents. */
  readonly nameText: string;
  /** The default order of named records: family name, then given name. */
  readonly nameSort: string;
}

/** The parameters every search handles itself rather than as tokens. */
export const STRUCTURAL_PARAMS: ReadonlySet<string> = new Set(['patientId', 'dateFrom', 'dateTo', 'sort', 'name', 'count', 'cursor']);

const MAX_TOKEN_LENGTH = 200;

/** Values at a dotted path; arrays are walked, `[field=value]` keeps only matching items. */
export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split(/\.(?![^[]*\])/)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([A-Za-z]+)=([^\]]*)\])?$/.exec(segment);
    if (!match) return [];
    const [, name, field, expected] = match;
    const next: unknown[] = [];
    for (const value of current) {
      if (typeof value !== 'object' || value === null) continue;
      const child = (value as Record<string, unknown>)[name as string];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item === undefined || item === null) continue;
        if (field && (typeof item !== 'object' || (item as Record<string, unknown>)[field] !== expected)) continue;
        next.push(item);
      }
    }
    current = next;
  }
  return current;
}

/** The searchable strings of an element: codes, displays, texts, reference ids, identifiers. */
function tokenStrings(value: unknown, depth = 0, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
    // References and canonicals (`Patient/123`, `https://x/Measure/abc`) are also found by their last segment.
    const slash = value.lastIndexOf('/');
    if (slash > 0 && slash < value.length - 1) out.push(value.slice(slash + 1));
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const item of value) tokenStrings(item, depth, out);
  } else if (typeof value === 'object' && value !== null && depth < 3) {
    for (const [key, child] of Object.entries(value)) {
      // Code systems and narrative are not what anyone searches for.
      if (key === 'system' || key === 'url' || key === 'div' || key === 'extension') continue;
      tokenStrings(child, depth + 1, out);
    }
  }
  return out;
}

/** Normalises a token value the same way for stored values and query values. */
export function normaliseToken(param: string, value: string): string {
  const lowered = value.trim().toLowerCase();
  const normalised = DIGIT_PARAMS.has(param) ? lowered.replace(/[^0-9]/g, '') : lowered;
  return normalised.slice(0, MAX_TOKEN_LENGTH);
}

/** `YYYY-MM-DD` stays as it is; a date-time becomes UTC ISO so that all keys compare as text. */
export function normaliseDate(value: string): string | null {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function patientIdOf(body: Resource, link: string | null): string | null {
  if (link === 'self') return body.id ?? null;
  if (!link) return null;
  for (const value of valuesAt(body, link)) {
    const reference = (value as { reference?: unknown }).reference;
    if (typeof reference === 'string' && reference.startsWith('Patient/')) return reference.slice('Patient/'.length);
  }
  return null;
}

function dateKeyOf(body: Resource, paths: readonly string[] | undefined): string | null {
  for (const path of paths ?? []) {
    const value = valuesAt(body, path)[0];
    if (typeof value === 'string') return normaliseDate(value);
  }
  return null;
}

/**
 * A name as the `name` search compares it: lower-case and without accents or other marks, so "Zoe" finds "Zoë" and
 * "jose" finds "José" — people type names as their keyboard lets them. Both the stored names and the query are folded.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Given and family names (HumanName), or a plain `name` string (Organization, Location…). */
function namesOf(body: Resource): string[] {
  const name = (body as { name?: unknown }).name;
  if (typeof name === 'string') return [name];
  if (!Array.isArray(name)) return [];
  return name.flatMap((entry: { given?: string[]; family?: string; text?: string; prefix?: string[] }) => [
    ...(entry.given ?? []),
    entry.family ?? '',
    entry.text ?? '',
  ]);
}

function nameSortOf(body: Resource): string {
  const name = (body as { name?: unknown }).name;
  if (typeof name === 'string') return name.toLowerCase();
  if (!Array.isArray(name) || name.length === 0) return '';
  const first = name[0] as { given?: string[]; family?: string };
  return `${first.family ?? ''}\u0001${first.given?.join(' ') ?? ''}`.toLowerCase();
}

/**
 * Token parameters every type is indexed on, for the FHIR passthrough (`Observation?code=8867-4`), even where the
 * REST search of the path does not offer them.
 */
export const FHIR_COMMON_PARAMS: readonly string[] = ['code', 'category', 'status', 'type', 'identifier'];

/** The token parameters of a resource type: the catalogue's non-structural parameters and the common FHIR ones. */
export function tokenParamsOf(resourceType: string): readonly string[] {
  const definition = findResourceByType(resourceType);
  const params = (definition?.searchParams ?? []).filter((param) => !STRUCTURAL_PARAMS.has(param));
  return [...new Set([...params, ...FHIR_COMMON_PARAMS])];
}

export function indexKeysOf(body: Resource): IndexKeys {
  const catalogue = findResourceByType(body.resourceType);
  const definition = SEARCH_DEFINITIONS[body.resourceType] ?? {};
  const tokens = new Set<string>();
  for (const param of tokenParamsOf(body.resourceType)) {
    const paths = definition.tokens?.[param] ?? [param];
    const values = paths.flatMap((path) => valuesAt(body, path)).flatMap((value) => tokenStrings(value));
    const fallback = definition.defaults?.[param];
    for (const value of values.length > 0 ? values : fallback ? [fallback] : []) {
      const normalised = normaliseToken(param, value);
      if (normalised) tokens.add(`${param}=${normalised}`);
    }
  }
  return {
    patientId: patientIdOf(body, catalogue?.patientLink ?? null),
    dateKey: dateKeyOf(body, definition.date),
    tokens: [...tokens].sort(),
    nameText: foldName(namesOf(body).filter(Boolean).join(' ')),
    nameSort: nameSortOf(body),
  };
}
