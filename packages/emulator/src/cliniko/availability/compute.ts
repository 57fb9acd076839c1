/**
 * Available start times, computed as Cliniko describes them: the practitioner's daily availabilities at the business
 * (local wall-clock windows per ISO weekday, in the business's zone), minus time held by appointments and unavailable
 * blocks, minus the online-booking rules — minimum notice, how far ahead, and at most N appointments per
 * morning (< 12:00), afternoon (12:00–17:00) and evening (≥ 17:00).
 *
 * Our choices: a time is offered only when the whole appointment fits in one window (Cliniko once offered 16:30 for a
 * 45-minute appointment ending at 17:00, issue #199); starts step by the type's duration unless a step is set; local
 * times skipped by a daylight-saving change are not offered. Pure: every input, "now" included, is passed in.
 */
import { addDays, instantOf, wallClockAt } from '@clinikapi/core';
import { isoWeekday } from '../time.ts';
import { holdsTime, intervalOf, isTaken, type Occupancy } from './occupancy.ts';

export interface DailyWindow {
  /** ISO weekday, 1 = Monday. */
  readonly dayOfWeek: number;
  /** Local `HH:MM`. */
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface AvailabilityInput {
  readonly zone: string;
  /** First and last local dates searched, `YYYY-MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
  readonly durationMinutes: number;
  readonly stepMinutes: number;
  readonly windows: readonly DailyWindow[];
  readonly occupancy: Occupancy;
  /** Nothing starts before this instant (now plus the minimum notice). */
  readonly earliestStart: number;
  /** Nothing is offered on a later local date. */
  readonly lastDate: string;
  /** Per practitioner per day segment; null is unlimited. */
  readonly maxPerSegment: number | null;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** 0 morning, 1 afternoon, 2 evening. */
const segmentOf = (minutes: number): number => (minutes < 12 * 60 ? 0 : minutes < 17 * 60 ? 1 : 2);

/** How many time-holding appointments each local date and segment already has. */
function segmentCounts(input: AvailabilityInput): Map<string, number> {
  const counts = new Map<string, number>();
  for (const appointment of input.occupancy.appointments.filter(holdsTime)) {
    const wall = wallClockAt(intervalOf(appointment).start, input.zone);
    const key = `${wall.date}/${segmentOf(wall.minutes)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Start instants (epoch ms), ascending. */
export function availableStarts(input: AvailabilityInput): number[] {
  const step = Math.max(1, input.stepMinutes);
  const duration = input.durationMinutes * 60_000;
  const counts = input.maxPerSegment === null ? undefined : segmentCounts(input);
  const starts = new Set<number>();
  for (let date = input.from; date <= input.to && date <= input.lastDate; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    for (const window of input.windows.filter((candidate) => candidate.dayOfWeek === weekday)) {
      const end = minutesOf(window.endsAt);
      for (let minutes = minutesOf(window.startsAt); minutes + input.durationMinutes <= end; minutes += step) {
        const start = instantOf(date, minutes, input.zone);
        if (start === undefined || start < input.earliestStart) continue;
        if (counts && (counts.get(`${date}/${segmentOf(minutes)}`) ?? 0) >= (input.maxPerSegment as number)) continue;
        if (isTaken(input.occupancy, { start, end: start + duration })) continue;
        starts.add(start);
      }
    }
  }
  return [...starts].sort((a, b) => a - b);
}
