import { describe, expect, it } from 'vitest';
import { addDays, businessZone, dayRange, datesFrom, groupByDay, todayIn, zoneName } from './zone.ts';

describe('a clinic’s days in its own zone', () => {
  it('cuts days at the business’s midnight, across the end of daylight saving (Melbourne, 6 April 2025)', () => {
    // The day clocks go back is 25 hours long: 00:00 AEDT (UTC+11) to 00:00 AEST (UTC+10).
    expect(dayRange('2025-04-06', 'Australia/Melbourne')).toEqual({
      startsFrom: '2025-04-05T13:00:00Z',
      startsBefore: '2025-04-06T14:00:00Z',
    });
    expect(dayRange('2025-04-07', 'Australia/Melbourne')).toEqual({
      startsFrom: '2025-04-06T14:00:00Z',
      startsBefore: '2025-04-07T14:00:00Z',
    });
    // And the day they go forward is 23 hours (5 October 2025).
    expect(dayRange('2025-10-05', 'Australia/Melbourne')).toEqual({
      startsFrom: '2025-10-04T14:00:00Z',
      startsBefore: '2025-10-05T13:00:00Z',
    });
  });

  it('groups UTC times by the business’s day, not UTC’s or the browser’s', () => {
    const times = [
      '2025-04-05T12:30:00Z', // 23:30 on Saturday 5 April in Melbourne
      '2025-04-05T23:00:00Z', // 10:00 AEDT on Sunday 6 April
      '2025-04-06T13:30:00Z', // 23:30 AEST, still Sunday: the 25-hour day
      '2025-04-06T14:00:00Z', // midnight, Monday 7 April
      '2025-04-05T22:00:00Z', // 09:00 Sunday, out of order
    ];
    const days = groupByDay(times, 'Australia/Melbourne');
    expect([...days.keys()]).toEqual(['2025-04-05', '2025-04-06', '2025-04-07']);
    expect(days.get('2025-04-06')?.map((at) => new Date(at).toISOString())).toEqual([
      '2025-04-05T22:00:00.000Z',
      '2025-04-05T23:00:00.000Z',
      '2025-04-06T13:30:00.000Z',
    ]);
    // The same instants in London fall on other days.
    expect([...groupByDay(times, 'Europe/London').keys()]).toEqual(['2025-04-05', '2025-04-06']);
  });

  it('counts calendar dates, today on the zone’s clock, and names the zone as it is that day', () => {
    expect(datesFrom('2025-04-04', 4)).toEqual(['2025-04-04', '2025-04-05', '2025-04-06', '2025-04-07']);
    expect(addDays('2025-03-31', 7)).toBe('2025-04-07');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    // 20:00 UTC on 5 March is already 6 March in Melbourne.
    expect(todayIn('Australia/Melbourne', Date.parse('2025-03-05T20:00:00Z'))).toBe('2025-03-06');
    expect(zoneName('Australia/Melbourne', 'en-AU', Date.parse('2025-03-05T20:00:00Z'))).toBe('Australian Eastern Daylight Time');
    expect(zoneName('Australia/Melbourne', 'en-AU', Date.parse('2025-05-05T20:00:00Z'))).toBe('Australian Eastern Standard Time');
  });

  it('takes the business’s own zone first, then the app’s, and refuses one that is not a zone', () => {
    expect(businessZone({ time_zone_identifier: 'Australia/Perth' }, 'Europe/London')).toBe('Australia/Perth');
    expect(businessZone({ time_zone_identifier: null }, 'Europe/London')).toBe('Europe/London');
    expect(() => businessZone({ time_zone_identifier: 'Melbourne' }, undefined)).toThrow(/not an IANA time zone/);
  });
});
