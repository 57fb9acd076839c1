/**
 * What the signed-in user may do, per resource path — as their server says (`GET <proxy>/_access`, or grants the app
 * passes to `ClinikProvider`), and as 403s have taught since. Widgets use it to show no form their user cannot
 * send and to ask for no records their user may not read. It is advice: the proxy decides every call.
 */
import type { ResourceOperation, ResourcePath } from '@clinikapi/core';

/** What a call does to its resource, as the proxy's policy names it: one of the catalogue's operations. */
export type AccessInteraction = ResourceOperation;

/** For each resource path, the interactions the user may perform; a path left out allows none. */
export type AccessGrants = { readonly [P in ResourcePath]?: readonly AccessInteraction[] };

/**
 * How `ClinikProvider` learns the grants: the grants themselves (your server knows them — render them into the
 * page), or `'proxy'` to read them from `GET <proxyUrl>/_access` once. Without it, nothing is known until a call is
 * refused.
 */
export type AccessOption = AccessGrants | 'proxy';

/** `path:interaction`, the key of a refusal learned from a 403. */
export const refusalKey = (path: string, interaction: AccessInteraction): string => `${path}:${interaction}`;

/**
 * True or false when known (a 403 learned wins over the grants), undefined when nothing is known: the widget then
 * tries, and learns from the answer.
 */
export function permits(
  grants: AccessGrants | undefined,
  refused: readonly string[],
  path: ResourcePath,
  interaction: AccessInteraction,
): boolean | undefined {
  if (refused.includes(refusalKey(path, interaction))) return false;
  return grants ? (grants[path]?.includes(interaction) ?? false) : undefined;
}
