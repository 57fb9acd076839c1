import { describe, expect, it } from 'vitest';
import { isAfterToday, localToday } from './dates.ts';

describe('form dates', () => {
  const now = new Date(2025, 0, 15, 23, 30); // 15 January 2025, 23:30 in the test's own zone

  it('gives today in the local zone, padded', () => {
    expect(localToday(now)).toBe('2025-01-15');
    expect(localToday(new Date(2025, 8, 3, 0, 5))).toBe('2025-09-03');
  });

  it('calls only later local dates the future', () => {
    expect(isAfterToday('2025-01-16', now)).toBe(true);
    expect(isAfterToday('2025-01-15', now)).toBe(false);
    expect(isAfterToday('2024-12-31', now)).toBe(false);
    expect(isAfterToday('', now)).toBe(false);
    expect(isAfterToday('2025-01-16T10:00:00Z', now)).toBe(false);
    expect(isAfterToday(undefined, now)).toBe(false);
  });
});
