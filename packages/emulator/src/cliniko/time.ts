/**
 * Cliniko's time formats: every date-time is UTC with `Z` and whole seconds (`2014-08-30T18:00:00Z`), every date is
 * `YYYY-MM-DD`. Inputs may carry an offset (Cliniko once accepted one); they are stored and answered in UTC.
 */

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** `ms` as Cliniko writes a date-time: UTC, whole seconds, `Z`. */
export function utcDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Epoch milliseconds of an ISO 8601 date-time with a zone (`Z` or an offset), or undefined. */
export function parseDateTime(text: string): number | undefined {
  if (!DATE_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday (Cliniko's `day_of_week`). */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
