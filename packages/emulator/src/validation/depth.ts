/** How deeply a parsed JSON value nests: request bodies and bulk lines deeper than `MAX_DEPTH` are refused. */

/** Deeper than any FHIR resource needs; it keeps recursive validation far from the stack limit. */
export const MAX_DEPTH = 64;

/** How deeply `value` nests, counted without recursion. */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}
