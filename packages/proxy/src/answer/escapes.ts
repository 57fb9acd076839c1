/**
 * A search of an answer's text as received stands in for a walk of the parsed answer only when what it looks for is
 * written literally. JSON may spell any character of a string or an object key as `\uXXXX`, and `/` as `\/`: the
 * parsed answer (what the browser gets) is the same, but the search sees nothing. What the examination searches for —
 * key shapes, exact keys, URL-holding names — holds no `"`, `\` or control character, so these two spellings are the
 * only ones that can hide it.
 */
export function mayHideByEscape(text: string): boolean {
  return text.includes('\\u') || text.includes('\\/');
}
