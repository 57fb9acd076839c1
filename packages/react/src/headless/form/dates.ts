/**
 * Calendar dates as the person filling in a form sees them. The API's "not in the future" allows 14 hours for time
 * zones, so on its own it would accept tomorrow's date for much of the day; a form knows the user's zone and can say
 * "future" exactly.
 */

/** Today in the viewer's time zone, as `YYYY-MM-DD` (what `<input type="date">` gives and takes). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when a `YYYY-MM-DD` date is after today in the viewer's time zone. Other strings are left to the schema. */
export function isAfterToday(date: unknown, now: Date = new Date()): boolean {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > localToday(now);
}
