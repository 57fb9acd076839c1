'use client';
/**
 * When: seven days of the chosen practitioner's free times for the chosen type, on the business's calendar, a day
 * and a time chosen among them, and — when those days have nothing — the next free time to jump to. Times are UTC
 * instants from Cliniko, grouped and shown on the business's clock.
 */
import { useState } from 'react';
import type { ClinikApiError } from '../../../client/errors.ts';
import { instantToZoned } from '../../../components/AppointmentScheduler/zoned-time.ts';
import { useClinikoAvailableTimes, useClinikoNextAvailableTime } from '../../hooks/availability.ts';
import type { ClinikoBookingTarget } from '../../queries/availability.ts';
import { useMinuteClock } from '../useMinuteClock.ts';
import { addDays, datesFrom, groupByDay, todayIn } from '../zone.ts';

/** Days shown at once: Cliniko answers at most eight days of times per request. */
export const DAYS_SHOWN = 7;

export interface BookingDay {
  /** `YYYY-MM-DD` on the business's clock. */
  readonly date: string;
  /** Free starts that day, as epoch milliseconds, in order. */
  readonly times: readonly number[];
}

export type CalendarStatus = 'idle' | 'loading' | 'error' | 'ready';

export interface BookingCalendar {
  readonly status: CalendarStatus;
  readonly error: ClinikApiError | null;
  readonly retry: () => void;
  /** The days on view, from `from`. */
  readonly days: readonly BookingDay[];
  readonly from: string;
  readonly canGoEarlier: boolean;
  showEarlier(): void;
  showLater(): void;
  /** The first free start from today, when none of the days on view has one. */
  readonly nextFree: number | undefined;
  showNextFree(): void;
  /** The chosen day: the user's, else the first with a free time. */
  readonly day: BookingDay | undefined;
  chooseDay(date: string): void;
  /** The chosen start, while it is still among the day's free times. */
  readonly time: number | undefined;
  chooseTime(time: number): void;
}

export function useBookingCalendar(target: ClinikoBookingTarget | undefined, zone: string, onChange: () => void): BookingCalendar {
  const today = todayIn(zone, useMinuteClock());
  const [view, setView] = useState<{ from?: string; day?: string; time?: number }>({});
  const from = view.from && view.from > today ? view.from : today;
  const to = addDays(from, DAYS_SHOWN - 1);
  const times = useClinikoAvailableTimes(target && { ...target, from, to });
  const grouped = groupByDay(times.data?.available_times.map((time) => time.appointment_start) ?? [], zone);
  const days = datesFrom(from, DAYS_SHOWN).map((date) => ({ date, times: grouped.get(date) ?? [] }));
  const empty = times.isSuccess && grouped.size === 0;
  const next = useClinikoNextAvailableTime(target && empty ? target : undefined);
  const nextFree = empty && next.data?.appointment_start ? Date.parse(next.data.appointment_start) : undefined;

  const day =
    days.find((candidate) => candidate.date === view.day && candidate.times.length > 0) ??
    (view.day ? undefined : days.find((candidate) => candidate.times.length > 0));
  const time = day?.times.find((candidate) => candidate === view.time);
  const change = (next: typeof view) => {
    setView(next);
    onChange();
  };
  let status: CalendarStatus = 'ready';
  if (times.error) status = 'error';
  else if (times.isPending) status = target ? 'loading' : 'idle';

  return {
    status,
    error: times.error,
    retry: () => void times.refetch(),
    days,
    from,
    canGoEarlier: from > today,
    showEarlier: () => change({ from: addDays(from, -DAYS_SHOWN) }),
    showLater: () => change({ from: addDays(from, DAYS_SHOWN) }),
    nextFree,
    showNextFree: () => {
      if (nextFree === undefined) return;
      const { date } = instantToZoned(nextFree, zone);
      change({ from: date, day: date, time: nextFree });
    },
    day,
    chooseDay: (date) => change({ from, day: date }),
    time,
    chooseTime: (next) => change({ from, day: day?.date, time: next }),
  };
}
