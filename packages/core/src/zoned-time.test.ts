import { describe, expect, it } from 'vitest';
import { addDays, instantOf, instantOfOrAfterGap, isIsoDate, isTimeZone, wallClockAt } from './zoned-time.ts';

const iso = (instant: number | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString());
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('zoned time', () => {
  it.each([
    ['2025-03-04', '09:00', 'America/Chicago', '2025-03-04T15:00:00.000Z'],
    ['2025-07-04', '09:00', 'America/Chicago', '2025-07-04T14:00:00.000Z'],
    ['2025-01-15', '09:30', 'Asia/Kolkata', '2025-01-15T04:00:00.000Z'],
    ['2025-01-15', '23:00', 'Pacific/Auckland', '2025-01-15T10:00:00.000Z'],
    ['2025-10-05', '02:30', 'Australia/Lord_Howe', '2025-10-04T15:30:00.000Z'],
  ])('reads %s %s in %s as %s, and back', (date, time, zone, instant) => {
    expect(iso(instantOf(date, minutes(time), zone))).toBe(instant);
    expect(wallClockAt(Date.parse(instant), zone)).toEqual({ date, minutes: minutes(time) });
  });

  it.each([
    ['America/New_York', '2025-03-09', '2025-03-09T07:30:00.000Z'],
    ['Europe/Berlin', '2025-03-30', '2025-03-30T01:30:00.000Z'],
    ['Australia/Sydney', '2025-10-05', '2025-10-04T16:30:00.000Z'],
  ])('in %s, 02:30 on %s does not exist: no instant, or the one after the gap (03:30)', (zone, date, after) => {
    expect(instantOf(date, minutes('02:30'), zone)).toBeUndefined();
    expect(iso(instantOfOrAfterGap(date, minutes('02:30'), zone))).toBe(after);
    expect(wallClockAt(Date.parse(after), zone)).toEqual({ date, minutes: minutes('03:30') });
  });

  it('reads a repeated time as its first occurrence', () => {
    expect(iso(instantOf('2025-11-02', minutes('01:30'), 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(instantOfOrAfterGap('2025-10-26', minutes('02:30'), 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('checks zones and calendar dates, and counts days across months and leap years', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
