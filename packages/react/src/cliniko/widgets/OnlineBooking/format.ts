/** How OnlineBooking writes times: on the business's clock, in the user's language. */
import { formatMessage } from '../../../i18n/messages.ts';
import { zoneName } from '../zone.ts';

export interface BookingFormat {
  /** `9:30 AM`. */
  time(at: number): string;
  /** `Thu 6 Mar`, for a `YYYY-MM-DD` of the business's calendar. */
  day(date: string): string;
  /** `Thursday 6 March 2025 at 9:30 AM`. */
  when(at: number): string;
  /** `Australian Eastern Daylight Time` as it is at `at`. */
  zone(at: number): string;
}

export function bookingFormat(timeZone: string, locale: string | undefined): BookingFormat {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  // A calendar date is formatted at its UTC noon in UTC: the same date whatever zone anyone is in.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' });
  return {
    time: (at) => time.format(at),
    day: (date) => day.format(Date.parse(`${date}T12:00:00Z`)),
    when: (at) => when.format(at),
    zone: (at) => zoneName(timeZone, locale, at),
  };
}

/** The duration of a type, in the catalogue's words. */
export const minutes = (template: string, duration: number, locale: string | undefined): string =>
  formatMessage(template, { minutes: duration }, locale);
