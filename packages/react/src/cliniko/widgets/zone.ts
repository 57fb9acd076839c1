/**
 * A clinic's calendar in its own time zone. Cliniko's times are UTC instants; a booking page shows them on the
 * business's clock (`time_zone_identifier`), names that zone, and cuts days at the business's midnight — which is not
 * always 24 hours after the last one.
 */
import { addDays } from '@clinikapi/core';
import { dayBounds, instantToZoned, isTimeZone, nextDate, toInstantString } from '../../components/AppointmentScheduler/zoned-time.ts';
import type { ClinikoBusiness } from '../types.ts';

export { addDays };

/** The zone a business's times are shown in: its own, else the app's fallback, else the browser's. */
export function businessZone(business: Pick<ClinikoBusiness, 'time_zone_identifier'> | undefined, fallback: string | undefined): string {
  const zone = business?.time_zone_identifier || fallback || Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isTimeZone(zone)) throw new Error(`@clinikapi/react: time zone "${zone}" is not an IANA time zone`);
  return zone;
}

/** The zone's name in the user's language on a given day ("Australian Eastern Daylight Time"). */
export function zoneName(zone: string, locale: string | undefined, at: number): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' }).formatToParts(at).find((part) => part.type === 'timeZoneName')
      ?.value ?? zone
  );
}

/** Today's date on the zone's clock. */
export const todayIn = (zone: string, now: number): string => instantToZoned(now, zone).date;

/** The dates from `from` on, `count` of them (calendar days, whatever their length). */
export function datesFrom(from: string, count: number): string[] {
  const dates = [from];
  while (dates.length < count) dates.push(nextDate(dates.at(-1) as string));
  return dates;
}

/** UTC instants grouped by the zone's calendar day, in time order within each day. */
export function groupByDay(instants: readonly string[], zone: string): Map<string, number[]> {
  const days = new Map<string, number[]>();
  for (const instant of instants) {
    const at = Date.parse(instant);
    const date = instantToZoned(at, zone).date;
    days.set(
      date,
      [...(days.get(date) ?? []), at].sort((a, b) => a - b),
    );
  }
  return days;
}

/** The instants a day in the zone starts and ends, as Cliniko's filters take them. */
export function dayRange(date: string, zone: string): { readonly startsFrom: string; readonly startsBefore: string } {
  const { start, end } = dayBounds(date, zone);
  return { startsFrom: toInstantString(start), startsBefore: toInstantString(end) };
}
