import { describe, expect, it } from 'vitest';
import { dayBounds, daySlots, instantToZoned, isIsoDate, isTimeZone, nextDate, toInstantString, zonedToInstant } from './zoned-time.ts';

const at = (iso: string) => Date.parse(iso);

describe('zoned time', () => {
  it('turns a wall-clock time in the clinic’s zone into UTC, and back', () => {
    expect(toInstantString(zonedToInstant('2025-03-04', '09:00', 'America/Chicago'))).toBe('2025-03-04T15:00:00Z');
    expect(toInstantString(zonedToInstant('2025-07-04', '09:00', 'America/Chicago'))).toBe('2025-07-04T14:00:00Z');
    expect(toInstantString(zonedToInstant('2025-01-15', '09:30', 'Asia/Kolkata'))).toBe('2025-01-15T04:00:00Z');
    expect(instantToZoned(at('2025-03-04T15:00:00Z'), 'America/Chicago')).toEqual({ date: '2025-03-04', time: '09:00' });
    // Late evening in Auckland is the previous day in UTC.
    expect(instantToZoned(at('2025-01-15T10:00:00Z'), 'Pacific/Auckland')).toEqual({ date: '2025-01-15', time: '23:00' });
  });

  it('reads a time skipped by daylight saving as after the gap, and a repeated time as its first occurrence', () => {
    expect(toInstantString(zonedToInstant('2025-03-09', '02:30', 'America/New_York'))).toBe('2025-03-09T07:30:00Z');
    expect(toInstantString(zonedToInstant('2025-03-09', '03:00', 'America/New_York'))).toBe('2025-03-09T07:00:00Z');
    expect(toInstantString(zonedToInstant('2025-11-02', '01:30', 'America/New_York'))).toBe('2025-11-02T05:30:00Z');
  });

  it('makes days 23 or 25 hours long when the clocks change, with slots an hour apart in reality', () => {
    const spring = dayBounds('2025-03-09', 'America/New_York');
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    const autumn = dayBounds('2025-11-02', 'America/New_York');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);

    const slots = daySlots('2025-03-09', 'America/New_York', '00:00', '05:00', 60);
    expect(slots.map((slot) => slot.time)).toEqual(['00:00', '01:00', '03:00', '04:00']);
  });

  it('lists a day’s start times between opening and closing', () => {
    const slots = daySlots('2025-03-04', 'Europe/London', '08:00', '10:00', 30);
    expect(slots.map((slot) => slot.time)).toEqual(['08:00', '08:30', '09:00', '09:30']);
    expect(toInstantString(slots[0]?.start ?? 0)).toBe('2025-03-04T08:00:00Z');
  });

  it('checks zones and dates', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(nextDate('2024-02-28')).toBe('2024-02-29');
    expect(nextDate('2025-12-31')).toBe('2026-01-01');
  });
});
