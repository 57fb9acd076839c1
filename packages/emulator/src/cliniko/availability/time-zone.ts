/**
 * Wall-clock time in an IANA zone, from the platform's own zone data (Intl): availabilities are written in local
 * time ("09:00") and have to land on the right UTC instant on both sides of a daylight-saving change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

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

interface WallClock {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

/** The local date and time at `instant` in `zone`. */
export function wallClockAt(instant: number, zone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
function offsetAt(instant: number, zone: string): number {
  const { date, minutes } = wallClockAt(instant, zone);
  const seconds = new Date(instant).getUTCSeconds();
  return Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 + seconds * 1000 - (instant - (instant % 1000));
}

/**
 * The UTC instant of local `date` at `minutes` past midnight in `zone`; undefined when that wall-clock time does not
 * exist (skipped by a daylight-saving change). An ambiguous time (repeated by the change) takes its first occurrence.
 */
export function instantOf(date: string, minutes: number, zone: string): number | undefined {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  // The offset can differ between the naive guess and the answer; try both offsets around it, earliest first.
  const candidates = [...new Set([offsetAt(naive - 86_400_000 / 2, zone), offsetAt(naive, zone), offsetAt(naive + 86_400_000 / 2, zone)])]
    .map((offset) => naive - offset)
    .sort((a, b) => a - b);
  return candidates.find((instant) => {
    const wall = wallClockAt(instant, zone);
    return wall.date === date && wall.minutes === minutes;
  });
}

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
