'use client';
/**
 * Everything booked on one clinic day that matters to this booking: the chosen practitioner's appointments and the
 * patient's own. The API cannot search appointments by practitioner, so the day's appointments are read page by page
 * and filtered here.
 */
import type { Appointment } from '@clinikapi/core';
import { useEffect } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { useInfiniteAppointments } from '../../hooks/resources/appointments.ts';
import { busyIntervals, withCreated, type BusyInterval } from './schedule.ts';
import { dayBounds, isIsoDate, toInstantString } from './zoned-time.ts';

/** At 100 a page, enough for any clinic's day; beyond it the list is cut rather than fetched forever. */
const MAX_PAGES = 20;
/** The longest appointment the API takes is a day, so one that started up to a day earlier may still run into this one. */
const LOOK_BACK_MS = 24 * 3_600_000;

export type DayScheduleStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

export interface DaySchedule {
  readonly status: DayScheduleStatus;
  readonly error: ClinikApiError | null;
  /** Busy intervals that touch the day, earliest first. */
  readonly busy: readonly BusyInterval[];
  readonly retry: () => void;
}

export function useDaySchedule(options: {
  readonly date: string;
  readonly timeZone: string;
  readonly practitionerId: string | undefined;
  readonly patientId: string;
  /** Appointments booked from this screen, which a lagging search may not return yet. */
  readonly created: readonly Appointment[];
}): DaySchedule {
  const valid = isIsoDate(options.date);
  const bounds = valid ? dayBounds(options.date, options.timeZone) : { start: 0, end: 0 };
  const search = useInfiniteAppointments(
    { dateFrom: toInstantString(bounds.start - LOOK_BACK_MS), dateTo: toInstantString(bounds.end), count: 100 },
    { enabled: valid },
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  const pages = search.data?.pages.length ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && pages < MAX_PAGES) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, pages, fetchNextPage]);

  const found = search.data?.pages.flatMap((page) => page.data) ?? [];
  const busy = busyIntervals(withCreated(found, options.created), options).filter(
    (interval) => interval.end > bounds.start && interval.start < bounds.end,
  );

  let status: DayScheduleStatus;
  if (!valid) status = 'idle';
  else if (search.isPending) status = 'loading';
  else if (search.isError) status = 'error';
  else status = busy.length === 0 ? 'empty' : 'ready';

  return { status, error: search.error, busy, retry: () => void search.refetch() };
}
