/**
 * Calendar dates and wall-clock times in an IANA time zone ↔ instants (UTC), from the platform's own zone data
 * (`Intl`) and nothing else. A clinic means "9:00 on 7 March in Chicago" whatever zone the computer showing it is in,
 * and the APIs store the instant: the emulator lays Cliniko availabilities on the calendar with these, the React
 * scheduler and booking widgets turn a picked day and time into the instant they send.
 */

const DAY = 86_400_000;

/** `YYYY-MM-DD`. */
export type IsoDate = string;

/** A local date and time. */
export interface WallClock {
  readonly date: IsoDate;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter that gives the numeric wall-clock parts in `zone` (never shown to anyone, so its locale is fixed). */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the platform knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time at `instant` in `zone`. */
export function wallClockAt(instant: number, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(instant: number, zone: string): number {
  const { date, minutes } = wallClockAt(instant, zone);
  const seconds = new Date(instant).getUTCSeconds();
  return Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 + seconds * 1000 - (instant - (instant % 1000));
}

/**
 * The instant of local `date` at `minutes` past midnight in `zone`; undefined when that wall-clock time does not
 * exist (skipped by a daylight-saving change). An ambiguous time (repeated when clocks go back) is its first
 * occurrence.
 */
export function instantOf(date: IsoDate, minutes: number, zone: string): number | undefined {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // The offset can differ between the naive guess and the answer; try the offsets around it, earliest first.
  const candidates = [...new Set([offsetAt(naive - DAY / 2, zone), offsetAt(naive, zone), offsetAt(naive + DAY / 2, zone)])]
    .map((offset) => naive - offset)
    .sort((a, b) => a - b);
  return candidates.find((instant) => {
    const wall = wallClockAt(instant, zone);
    return wall.date === date && wall.minutes === minutes;
  });
}

/**
 * Like `instantOf`, but a time the change skips (02:30 when clocks jump from 02:00 to 03:00) is read with the offset
 * before the change, landing after the gap (03:30), as a person would mean it.
 */
export function instantOfOrAfterGap(date: IsoDate, minutes: number, zone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  return instantOf(date, minutes, zone) ?? naive - offsetAt(naive - DAY / 2, zone);
}

/** True for a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
