'use client';
/**
 * The headless AppointmentsDay: one practitioner's or one business's appointments on one day of the business's
 * calendar (cut at its midnight, whatever the viewer's zone), each with its type's name, colour and length.
 */
import { useState } from 'react';
import type { ClinikApiError } from '../../../client/errors.ts';
import { useAllClinikoAppointments } from '../../hooks/appointments.ts';
import { useClinikoAppointmentTypes, useClinikoBusinesses, useClinikoPractitioners } from '../../hooks/directory.ts';
import { clinikoIdOf } from '../../links.ts';
import type { ClinikoAppointment, ClinikoAppointmentType, ClinikoId, ClinikoPractitioner } from '../../types.ts';
import { useMinuteClock } from '../useMinuteClock.ts';
import { businessZone, dayRange, todayIn } from '../zone.ts';

export interface UseAppointmentsDayOptions {
  /** One practitioner's day (at every business, unless `businessId` narrows it). */
  readonly practitionerId?: ClinikoId | undefined;
  /** One business's day (every practitioner). Its time zone is the day's. */
  readonly businessId?: ClinikoId | undefined;
  /** The day shown first, `YYYY-MM-DD` on the business's calendar. Default: today there. */
  readonly date?: string | undefined;
  /** The IANA zone when the business names none. Default: the first business's, else the browser's. */
  readonly timeZone?: string | undefined;
}

/** One appointment as the day shows it. */
export interface DayAppointment {
  readonly appointment: ClinikoAppointment;
  readonly start: number;
  readonly end: number;
  readonly minutes: number;
  readonly type: ClinikoAppointmentType | undefined;
  readonly practitioner: ClinikoPractitioner | undefined;
}

export type AppointmentsDayStatus = 'loading' | 'error' | 'empty' | 'ready';

export interface AppointmentsDayState {
  readonly status: AppointmentsDayStatus;
  readonly error: ClinikApiError | null;
  retry(): void;
  readonly date: string;
  readonly today: string;
  setDate(date: string): void;
  readonly timeZone: string;
  /** The day's appointments, soonest first. */
  readonly appointments: readonly DayAppointment[];
  /** True while the day is being read again (after a change elsewhere). */
  readonly isFetching: boolean;
}

const byId = <T extends { readonly id: string }>(items: readonly T[] | undefined): ReadonlyMap<string, T> =>
  new Map((items ?? []).map((item) => [item.id, item]));

export function useAppointmentsDay(options: UseAppointmentsDayOptions): AppointmentsDayState {
  const { practitionerId, businessId } = options;
  const businesses = useClinikoBusinesses({ perPage: 100 });
  const known = businesses.data?.businesses;
  const business = known?.find((candidate) => candidate.id === businessId) ?? known?.[0];
  // Until the businesses are read, the app's zone (or the browser's) stands in.
  const timeZone = businessZone(business, options.timeZone);
  const today = todayIn(timeZone, useMinuteClock());
  const [chosen, setDate] = useState(options.date);
  const date = chosen ?? today;
  const range = dayRange(date, timeZone);
  const appointments = useAllClinikoAppointments(
    businesses.isPending && !options.timeZone ? undefined : { practitionerId, businessId, ...range },
  );
  const types = byId(useClinikoAppointmentTypes({ perPage: 100 }).data?.appointment_types);
  const practitioners = byId(useClinikoPractitioners({ perPage: 100 }).data?.practitioners);

  const rows = (appointments.data?.individual_appointments ?? []).map((appointment): DayAppointment => {
    const start = Date.parse(appointment.starts_at);
    const end = Date.parse(appointment.ends_at);
    return {
      appointment,
      start,
      end,
      minutes: Math.round((end - start) / 60_000),
      type: types.get(clinikoIdOf(appointment.appointment_type) ?? ''),
      practitioner: practitioners.get(clinikoIdOf(appointment.practitioner) ?? ''),
    };
  });
  const error = appointments.error ?? businesses.error;
  let status: AppointmentsDayStatus = 'ready';
  if (error) status = 'error';
  else if (!appointments.data) status = 'loading';
  else if (rows.length === 0) status = 'empty';

  return {
    status,
    error,
    retry: () => {
      if (businesses.error) void businesses.refetch();
      void appointments.refetch();
    },
    date,
    today,
    setDate: (next) => setDate(/^\d{4}-\d{2}-\d{2}$/.test(next) ? next : undefined),
    timeZone,
    appointments: rows.sort((a, b) => a.start - b.start),
    isFetching: appointments.isFetching,
  };
}
