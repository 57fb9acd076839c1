/**
 * The resource types a call names beyond its own: `_revinclude=Observation:subject` asks for Observations,
 * `_include=Encounter:subject:Patient` for Patients, `_has:Condition:patient:code=…` filters on Conditions. The
 * user must be allowed to read each of them, or the call is refused before it is sent (`pipeline.ts`). A wildcard
 * (`_revinclude=*`, or an `_include` without a target type) names no type: what it brings back is filtered record by
 * record instead (`answer/examine.ts`), as is every answer.
 *
 * Values are checked against the grammar the API reads (comma-separated `Type:element[:TargetType]`, or `*`); a
 * malformed one, or a type the catalogue does not have, is a 400 that never quotes the value.
 */
import { findResourceByType, type ResourceDefinition } from '@clinikapi/core';
import { ProxyError } from '../errors.ts';
import { INCLUDE_PARAMS, REVERSE_CHAIN_PREFIX } from './query.ts';

const TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const ELEMENT = /^(?:[a-z][A-Za-z0-9-]{0,63}|\*)$/;
/** `_has:Type:element:` repeated, then the search parameter: `_has:Observation:patient:code`. */
const REVERSE_CHAIN = /^_has(?::[A-Z][A-Za-z]{1,63}:[a-z][A-Za-z0-9-]{0,63})+:[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

function invalid(name: string, reason: string): ProxyError {
  return new ProxyError('BAD_REQUEST', 'A query parameter is not allowed on this call', {
    reason: `query:${reason}`,
    issues: [
      { severity: 'error', code: 'invalid', diagnostics: `${name}: must name catalogue resource types as Type:element`, path: name },
    ],
  });
}

function catalogueType(type: string, name: string): ResourceDefinition {
  const definition = TYPE.test(type) ? findResourceByType(type) : undefined;
  if (!definition) throw invalid(name, 'unknown-type');
  return definition;
}

/** The types an include directive's value names (`Type:element[:Target]`, comma-separated, or `*`). */
function includedTypes(name: string, value: string, into: Map<string, ResourceDefinition>): void {
  for (const spec of value.split(',').map((part) => part.trim())) {
    if (spec === '*') continue;
    const [source = '', element = '', target, ...rest] = spec.split(':');
    if (rest.length > 0 || !ELEMENT.test(element)) throw invalid(name, 'malformed-include');
    const sourceType = catalogueType(source, name);
    // `_revinclude` brings records of the source type; `_include` brings what the element points at.
    if (name === '_revinclude') into.set(sourceType.path, sourceType);
    if (target !== undefined) {
      const targetType = catalogueType(target, name);
      if (name === '_include') into.set(targetType.path, targetType);
    }
  }
}

/** Every catalogue type the include and reverse-chaining parameters of `query` name (the query is already allow-listed). */
export function typesNamedByQuery(query: URLSearchParams): ResourceDefinition[] {
  const named = new Map<string, ResourceDefinition>();
  for (const [name, value] of query) {
    if (INCLUDE_PARAMS.includes(name)) includedTypes(name, value, named);
    else if (name.startsWith(REVERSE_CHAIN_PREFIX)) {
      if (!REVERSE_CHAIN.test(name)) throw invalid('_has', 'malformed-reverse-chain');
      const segments = name.split(':');
      for (let index = 1; index < segments.length - 1; index += 2) {
        const definition = catalogueType(segments[index] as string, '_has');
        named.set(definition.path, definition);
      }
    }
  }
  return [...named.values()];
}
