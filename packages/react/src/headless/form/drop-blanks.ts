/**
 * Form controls give `''` for an empty box and `NaN` for an empty number; the API's schemas treat an optional field
 * as absent only when it is left out. Drops those blanks (and empty lists) from a form's values, deeply.
 */
export function dropBlanks<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(dropBlanks).filter((item) => !isBlank(item)) as T;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const kept = Object.entries(value as Record<string, unknown>)
      .map(([name, item]) => [name, dropBlanks(item)] as const)
      .filter(([, item]) => !isBlank(item));
    return Object.fromEntries(kept) as T;
  }
  return value;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}
