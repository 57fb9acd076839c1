/**
 * The query parameters a call may carry, from the catalogue: a search takes its resource's search parameters plus
 * paging; a read takes only include directives; writes take none. Anything else is refused with 400 rather than
 * forwarded, so nothing the proxy did not check (an `access_token`, a parameter the upstream parses differently)
 * ever reaches ClinikAPI. Repeating a parameter is refused too, except for the include directives.
 */
import type { ErrorIssue, ResourceDefinition } from '@clinikapi/core';
import type { Interaction } from '../call.ts';
import { ProxyError } from '../errors.ts';

const PAGE_PARAMS: readonly string[] = ['count', 'cursor'];
/** FHIR include directives: they widen a response beyond the resource asked for, so the policy must see them. */
export const INCLUDE_PARAMS: readonly string[] = ['_include', '_revinclude'];
/** FHIR reverse chaining (`_has:Observation:patient:code=…`): a filter over other resources. */
export const REVERSE_CHAIN_PREFIX = '_has:';
/** Only names of this shape are quoted back in an error: anything else could be arbitrary client text. */
const QUOTABLE_NAME = /^[A-Za-z_][A-Za-z0-9_:.-]{0,40}$/;

function isAllowed(name: string, interaction: Interaction, resource: ResourceDefinition): boolean {
  if (interaction === 'read') return INCLUDE_PARAMS.includes(name);
  if (interaction !== 'search') return false;
  return (
    resource.searchParams.includes(name) ||
    PAGE_PARAMS.includes(name) ||
    INCLUDE_PARAMS.includes(name) ||
    (name.startsWith(REVERSE_CHAIN_PREFIX) && name.length > REVERSE_CHAIN_PREFIX.length)
  );
}

function issue(name: string, problem: string): ErrorIssue {
  return QUOTABLE_NAME.test(name)
    ? { severity: 'error', code: 'invalid', diagnostics: `${name}: ${problem}`, path: name }
    : { severity: 'error', code: 'invalid', diagnostics: problem };
}

export function checkQuery(interaction: Interaction, resource: ResourceDefinition, query: URLSearchParams): void {
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!isAllowed(name, interaction, resource)) {
      throw new ProxyError('BAD_REQUEST', 'A query parameter is not allowed on this call', {
        reason: 'query:unknown-parameter',
        issues: [issue(name, `not a parameter of ${interaction} on ${resource.path}`)],
      });
    }
    if (seen.has(name) && !INCLUDE_PARAMS.includes(name)) {
      throw new ProxyError('BAD_REQUEST', 'A query parameter is repeated', {
        reason: 'query:repeated-parameter',
        issues: [issue(name, 'given more than once')],
      });
    }
    seen.add(name);
  }
}
