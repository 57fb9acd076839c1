/**
 * Wall-clock times in the clinic's time zone ↔ instants (UTC), in the scheduler's terms (`HH:mm`, day bounds, slots).
 * The conversion itself is `@clinikapi/core`'s (`zoned-time.ts`), the one the emulator's availabilities use.
 */
import { addDays, instantOfOrAfterGap, isIsoDate, isTimeZone, wallClockAt, type IsoDate } from '@clinikapi/core';

export { isIsoDate, isTimeZone, type IsoDate };

const MINUTE = 60_000;

/** `HH:mm`, 24-hour. */
export type WallTime = string;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The instant at which clocks in `zone` show `date` `time`. A time a daylight-saving change skips (02:30 when clocks
 * jump from 02:00 to 03:00) lands after the gap (03:30), as a person would mean it; a time that happens twice (when
 * clocks go back) is its first occurrence.
 */
export function zonedToInstant(date: IsoDate, time: WallTime, zone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantOfOrAfterGap(date, hour * 60 + minute, zone);
}

/** The date and time clocks in `zone` show at `instant`. */
export function instantToZoned(instant: number, zone: string): { readonly date: IsoDate; readonly time: WallTime } {
  const { date, minutes } = wallClockAt(instant, zone);
  return { date, time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` };
}

/** The day after `date`. */
export const nextDate = (date: IsoDate): IsoDate => addDays(date, 1);

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
