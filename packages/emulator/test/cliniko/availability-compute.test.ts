/** The availability computation on its own: windows, occupancy, notice, segments, and daylight-saving days. */
import { describe, expect, it } from 'vitest';
import { availableStarts, type AvailabilityInput } from '../../src/cliniko/availability/compute.ts';
import type { StoredRecord } from '../../src/cliniko/store/types.ts';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

const base: AvailabilityInput = {
  zone: 'Australia/Melbourne',
  from: '2025-03-10', // a Monday
  to: '2025-03-10',
  durationMinutes: 30,
  stepMinutes: 30,
  windows: [{ dayOfWeek: 1, startsAt: '09:00', endsAt: '11:00' }],
  occupancy: { appointments: [], blocks: [] },
  earliestStart: 0,
  lastDate: '2099-12-31',
  maxPerSegment: null,
};

const appointment = (starts_at: string, ends_at: string, extra: Record<string, unknown> = {}): StoredRecord => ({
  id: String(Math.random()).slice(2),
  created_at: starts_at,
  updated_at: starts_at,
  starts_at,
  ends_at,
  ...extra,
});

const starts = (input: Partial<AvailabilityInput>): string[] => availableStarts({ ...base, ...input }).map(iso);

describe('availableStarts', () => {
  it('offers each step of a window in the zone, as UTC, only where the whole appointment fits', () => {
    // Melbourne is UTC+11 in March.
    expect(starts({})).toEqual(['2025-03-09T22:00:00Z', '2025-03-09T22:30:00Z', '2025-03-09T23:00:00Z', '2025-03-09T23:30:00Z']);
    expect(starts({ durationMinutes: 45, stepMinutes: 45 })).toEqual(['2025-03-09T22:00:00Z', '2025-03-09T22:45:00Z']);
    expect(starts({ durationMinutes: 45, stepMinutes: 15 })).toHaveLength(6);
    expect(starts({ windows: [{ dayOfWeek: 2, startsAt: '09:00', endsAt: '11:00' }] })).toEqual([]);
  });

  it('leaves out time held by appointments and blocks, but not by cancelled or archived appointments', () => {
    const occupancy = {
      appointments: [
        appointment('2025-03-09T22:15:00Z', '2025-03-09T22:45:00Z'),
        appointment('2025-03-09T23:00:00Z', '2025-03-09T23:30:00Z', { cancelled_at: '2025-03-01T00:00:00Z' }),
        appointment('2025-03-09T23:00:00Z', '2025-03-09T23:30:00Z', { archived_at: '2025-03-01T00:00:00Z' }),
      ],
      blocks: [{ start: Date.parse('2025-03-09T23:30:00Z'), end: Date.parse('2025-03-10T00:00:00Z') }],
    };
    expect(starts({ occupancy })).toEqual(['2025-03-09T23:00:00Z']);
  });

  it('offers nothing before the earliest start or after the last date', () => {
    expect(starts({ earliestStart: Date.parse('2025-03-09T23:00:00Z') })).toEqual(['2025-03-09T23:00:00Z', '2025-03-09T23:30:00Z']);
    expect(starts({ lastDate: '2025-03-09' })).toEqual([]);
  });

  it('stops offering a day segment once it holds the maximum number of appointments', () => {
    const windows = [
      { dayOfWeek: 1, startsAt: '09:00', endsAt: '10:00' },
      { dayOfWeek: 1, startsAt: '13:00', endsAt: '14:00' },
      { dayOfWeek: 1, startsAt: '17:00', endsAt: '18:00' },
    ];
    // One appointment in the morning (09:00 local) fills it; the afternoon and evening stay open.
    const occupancy = { appointments: [appointment('2025-03-09T22:00:00Z', '2025-03-09T22:30:00Z')], blocks: [] };
    expect(starts({ windows, occupancy, maxPerSegment: 1 })).toEqual([
      '2025-03-10T02:00:00Z',
      '2025-03-10T02:30:00Z',
      '2025-03-10T06:00:00Z',
      '2025-03-10T06:30:00Z',
    ]);
    expect(starts({ windows, occupancy, maxPerSegment: 2 })).toHaveLength(5);
  });

  it('follows daylight saving: skipped local times are not offered, repeated ones are offered once', () => {
    // London springs forward at 01:00 on 30 March 2025 (01:00–02:00 does not exist).
    const spring = {
      zone: 'Europe/London',
      from: '2025-03-30',
      to: '2025-03-30',
      windows: [{ dayOfWeek: 7, startsAt: '00:30', endsAt: '03:00' }],
    };
    expect(starts(spring)).toEqual(['2025-03-30T00:30:00Z', '2025-03-30T01:00:00Z', '2025-03-30T01:30:00Z']);
    // …and falls back at 02:00 on 26 October (01:00–02:00 happens twice): the first one.
    const autumn = {
      zone: 'Europe/London',
      from: '2025-10-26',
      to: '2025-10-26',
      windows: [{ dayOfWeek: 7, startsAt: '01:00', endsAt: '02:00' }],
    };
    expect(starts(autumn)).toEqual(['2025-10-26T00:00:00Z', '2025-10-26T00:30:00Z']);
    // Melbourne leaves daylight saving on 6 April 2025: 09:00 is 22:00Z before and 23:00Z after.
    const melbourne = {
      from: '2025-04-04',
      to: '2025-04-07',
      windows: [5, 1].map((dayOfWeek) => ({ dayOfWeek, startsAt: '09:00', endsAt: '09:30' })),
    };
    expect(starts(melbourne)).toEqual(['2025-04-03T22:00:00Z', '2025-04-06T23:00:00Z']);
  });
});
