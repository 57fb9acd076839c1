/** Dates and names through `Intl`, in the provider's locale. */

/** A FHIR date (`YYYY-MM-DD`) for display. Parsed as UTC so the day never shifts with the viewer's time zone. */
export function formatDate(date: string | undefined, locale: string | undefined): string {
  if (!date) return '';
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
}
