/**
 * Cliniko's zone names. The conversion between wall-clock times and instants (availabilities are written in local
 * time, "09:00", and have to land on the right UTC instant on both sides of a daylight-saving change) is
 * `@clinikapi/core`'s (`zoned-time.ts`), the one the React scheduler uses.
 */
import { wallClockAt } from '@clinikapi/core';

/** The local date at `instant` in `zone`. */
export function localDate(instant: number, zone: string): string {
  return wallClockAt(instant, zone).date;
}

/**
 * Cliniko's label for a zone ("Melbourne" for `Australia/Melbourne`), which `settings`, users and businesses show.
 * Cliniko keeps a fixed list; the emulator derives the label from the zone's last part (our choice).
 */
export function timeZoneLabel(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}
