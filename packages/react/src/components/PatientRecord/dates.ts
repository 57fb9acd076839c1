/** Ordering and describing the times on clinical records, through `Intl`. */

/** Milliseconds since the epoch of a FHIR date or dateTime, or NaN. A bare date counts from its UTC midnight. */
export function timeOf(value: string | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

/** Sorts newest first by `dateOf`; records without a date go last. */
export function newestFirst<T>(dateOf: (item: T) => string | undefined): (a: T, b: T) => number {
  return (a, b) => {
    const left = timeOf(dateOf(a));
    const right = timeOf(dateOf(b));
    if (Number.isNaN(left)) return Number.isNaN(right) ? 0 : 1;
    if (Number.isNaN(right)) return -1;
    return right - left;
  };
}

/** "40 min", "4.5 hr", "2 days" in the locale's words. */
export function formatDuration(minutes: number | undefined, locale: string | undefined): string {
  if (minutes === undefined || !Number.isFinite(minutes)) return '';
  const format = (value: number, unit: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: unit === 'day' ? 'long' : 'short', maximumFractionDigits: 1 }).format(
      value,
    );
  if (minutes < 90) return format(minutes, 'minute');
  if (minutes < 48 * 60) return format(minutes / 60, 'hour');
  return format(minutes / (24 * 60), 'day');
}

/** "in 2 days", "tomorrow", "3 hours ago" — how far `value` is from `now`, in the locale's words. */
export function formatRelative(value: string | undefined, now: number, locale: string | undefined): string {
  const time = timeOf(value);
  if (Number.isNaN(time)) return '';
  const minutes = (time - now) / 60_000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(Math.round(minutes), 'minute');
  if (Math.abs(minutes) < 24 * 60) return format.format(Math.round(minutes / 60), 'hour');
  if (Math.abs(minutes) < 45 * 24 * 60) return format.format(Math.round(minutes / (24 * 60)), 'day');
  return format.format(Math.round(minutes / (30 * 24 * 60)), 'month');
}
