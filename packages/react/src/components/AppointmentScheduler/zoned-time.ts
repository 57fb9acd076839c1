/**
 * Wall-clock times in the clinic's time zone ↔ instants (UTC), with nothing but `Intl`. A clinic books "9:00 on
 * 7 March in Chicago" whatever zone the receptionist's laptop is in, and the API stores the instant in UTC.
 */

const MINUTE = 60_000;

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** `HH:mm`, 24-hour. */
export type WallTime = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter that gives the numeric wall-clock parts in `zone` (never shown to anyone, so its locale is fixed). */
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

function wallClockAt(instant: number, zone: string): WallClock {
  const parts = partsFormatter(zone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute') };
}

/** True when `zone` is an IANA time zone this browser knows. */
export function isTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** How far `zone` is ahead of UTC at `instant`, in minutes. */
export function zoneOffsetMinutes(instant: number, zone: string): number {
  const wall = wallClockAt(instant, zone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((wallAsUtc - Math.floor(instant / MINUTE) * MINUTE) / MINUTE);
}

/**
 * The instant at which clocks in `zone` show `date` `time`. The offset is looked up twice, so a time just after a
 * daylight-saving change gets the new offset. A time the change skips (02:30 when clocks jump from 02:00 to 03:00)
 * is read with the offset before the change, landing after the gap (03:30), as a person would mean it; a time that
 * happens twice (when clocks go back) is its first occurrence.
 */
export function zonedToInstant(date: IsoDate, time: WallTime, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const guess = wall - zoneOffsetMinutes(wall, zone) * MINUTE;
  const corrected = wall - zoneOffsetMinutes(guess, zone) * MINUTE;
  return instantToZoned(corrected, zone).time === time ? corrected : guess;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The date and time clocks in `zone` show at `instant`. */
export function instantToZoned(instant: number, zone: string): { readonly date: IsoDate; readonly time: WallTime } {
  const wall = wallClockAt(instant, zone);
  return { date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`, time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

/** The day after `date`. */
export function nextDate(date: IsoDate): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The instants the clinic's day `date` starts and ends (not always 24 h apart: daylight saving). */
export function dayBounds(date: IsoDate, zone: string): { readonly start: number; readonly end: number } {
  return { start: zonedToInstant(date, '00:00', zone), end: zonedToInstant(nextDate(date), '00:00', zone) };
}

/** An instant as the API takes it: `2025-02-01T14:00:00Z`. */
export function toInstantString(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A bookable start time of the day. */
export interface DaySlot {
  /** Wall-clock time in the clinic's zone, `HH:mm`: the slot's value. */
  readonly time: WallTime;
  readonly start: number;
}

/**
 * The start times of `date` from `open` (inclusive) to `close` (exclusive), every `stepMinutes` of real time — so a
 * day on which the clocks change still has slots an hour apart in reality, labelled with the times clocks show.
 */
export function daySlots(date: IsoDate, zone: string, open: WallTime, close: WallTime, stepMinutes: number): DaySlot[] {
  const from = zonedToInstant(date, open, zone);
  const to = zonedToInstant(date, close, zone);
  const slots: DaySlot[] = [];
  for (let start = from; start < to; start += stepMinutes * MINUTE) {
    slots.push({ time: instantToZoned(start, zone).time, start });
  }
  return slots;
}
