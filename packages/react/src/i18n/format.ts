/** Dates and numbers through `Intl`, in the provider's locale. */

/** A FHIR date (`YYYY-MM-DD`) for display. Parsed as UTC so the day never shifts with the viewer's time zone. */
export function formatDate(date: string | undefined, locale: string | undefined): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}

/** A FHIR instant or dateTime (`2026-02-09T10:05:00Z`) for display, in the viewer's time zone. */
export function formatDateTime(dateTime: string | undefined, locale: string | undefined): string {
  if (!dateTime) return '';
  if (!dateTime.includes('T')) return formatDate(dateTime, locale);
  const parsed = new Date(dateTime);
  if (Number.isNaN(parsed.getTime())) return dateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(parsed);
}

/** A number for display, e.g. a measurement: `formatNumber(36.8, 'de')` is `36,8`. */
export function formatNumber(value: number | undefined, locale: string | undefined, options?: Intl.NumberFormatOptions): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale, options).format(value);
}
