'use client';
/**
 * The headless AppointmentScheduler: a clinic day in the clinic's time zone, its bookable times given what the
 * practitioner and the patient already have booked, and a form that books an appointment (`appointments.create`)
 * stored in UTC. Overlaps are refused before sending; a clash the server reports (409) lands on the time field.
 */
import { appointmentCreateSchema, withRule, type Appointment } from '@clinikapi/core';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useWatch } from 'react-hook-form';
import { ClinikConflictError, type ClinikApiError } from '../../client/errors.ts';
import { useCreateAppointment } from '../../hooks/resources/appointments.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { rewordIssues } from '../../headless/form/reword-issues.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { appointmentSchedulerMessages } from './messages.ts';
import { conflictWith, type BusyInterval } from './schedule.ts';
import { useDaySchedule, type DayScheduleStatus } from './useDaySchedule.ts';
import { usePractitionerChoices, type PractitionerChoice, type PractitionerChoicesStatus } from './usePractitionerChoices.ts';
import { daySlots, instantToZoned, isIsoDate, isTimeZone, toInstantString, zonedToInstant, type DaySlot } from './zoned-time.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

/** The durations the scheduler offers, in minutes. */
export const APPOINTMENT_DURATIONS = [15, 30, 45, 60, 90] as const;
/** v2-0276 appointment reason codes, as the API takes them; `emergency` is offered as "Urgent". */
export const APPOINTMENT_TYPES = ['routine', 'followup', 'emergency', 'walkin', 'checkup'] as const;
/** Named priorities and the FHIR `priority` number each sends (0 routine, 9 most urgent). */
export const APPOINTMENT_PRIORITIES = { routine: 0, low: 1, medium: 5, high: 9 } as const;

export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

/** What the form holds while it is being filled in. Numbers are kept as the strings the controls give. */
export interface AppointmentFormValues {
  practitionerId: string;
  /** The clinic day, `YYYY-MM-DD`. */
  date: string;
  /** The start on the clinic's clock, `HH:mm`. */
  time: string;
  minutesDuration: string;
  appointmentType: '' | AppointmentType;
  serviceType: string;
  specialty: string;
  priority: string;
  description: string;
  reasonCode: string;
  patientInstruction: string;
}

export interface UseAppointmentSchedulerOptions extends WidgetHookOptions<Appointment> {
  /** The practitioner chosen at first. */
  readonly practitionerId?: string | undefined;
  /** The clinic's IANA time zone, e.g. `America/Chicago`. Default: the browser's. */
  readonly timeZone?: string | undefined;
  /** The day shown at first, `YYYY-MM-DD`. Default: today in the clinic's zone. */
  readonly defaultDate?: string | undefined;
  /** Bookable hours on the clinic's clock, `HH:mm`. Default 08:00 to 18:00. */
  readonly openingHours?: { readonly start: string; readonly end: string } | undefined;
  /** Minutes between bookable start times. Default 15. */
  readonly slotMinutes?: number | undefined;
  /** The duration chosen at first, in minutes. Default 30. */
  readonly defaultDuration?: (typeof APPOINTMENT_DURATIONS)[number] | undefined;
}

export type SlotAvailability = 'free' | 'booked' | 'past' | 'closing';

export interface SchedulerSlot extends DaySlot {
  readonly availability: SlotAvailability;
}

export interface AppointmentSchedulerState extends ClinicalForm<AppointmentFormValues, Appointment> {
  /** The clinic's time zone every time is shown in. */
  readonly timeZone: string;
  /** The browser's time zone, once known (never during server rendering). */
  readonly viewerTimeZone: string | undefined;
  readonly date: string;
  /** The day's start times, each with whether it can be booked for the chosen duration. */
  readonly slots: readonly SchedulerSlot[];
  /** The chosen start and end, when a time is chosen. */
  readonly selection: { readonly start: number; readonly end: number } | undefined;
  /** What the practitioner and the patient already have that day. */
  readonly busy: readonly BusyInterval[];
  readonly busyStatus: DayScheduleStatus;
  readonly busyError: ClinikApiError | null;
  readonly retryBusy: () => void;
  readonly practitioners: readonly PractitionerChoice[];
  readonly practitionersStatus: PractitionerChoicesStatus;
}

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverTimeZone = () => undefined;

/** Where a server issue belongs on this form. */
function fieldOf(path: string): keyof AppointmentFormValues | undefined {
  const field = path.split('.')[0] ?? '';
  if (field === 'start' || field === 'end') return 'time';
  return field in EMPTY_VALUES ? (field as keyof AppointmentFormValues) : undefined;
}

const EMPTY_VALUES: AppointmentFormValues = {
  practitionerId: '',
  date: '',
  time: '',
  minutesDuration: '30',
  appointmentType: '',
  serviceType: '',
  specialty: '',
  priority: String(APPOINTMENT_PRIORITIES.routine),
  description: '',
  reasonCode: '',
  patientInstruction: '',
};

export function useAppointmentScheduler(options: UseAppointmentSchedulerOptions): AppointmentSchedulerState {
  const { patientId, openingHours = { start: '08:00', end: '18:00' }, slotMinutes = 15 } = options;
  const messages = useWidgetMessages('appointmentScheduler', appointmentSchedulerMessages);
  const locale = useLocale();
  const viewerTimeZone = useSyncExternalStore(noSubscription, browserTimeZone, serverTimeZone);
  const timeZone = options.timeZone ?? viewerTimeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw new Error(`@clinikapi/react: timeZone "${timeZone}" is not an IANA time zone`);

  const now = useMinuteClock();
  const [created, setCreated] = useState<readonly Appointment[]>([]);
  const create = useCreateAppointment();
  const practitioners = usePractitionerChoices(options.practitionerId);
  const submitted = useRef<AppointmentFormValues | null>(null);

  const [initial] = useState<AppointmentFormValues>(() => ({
    ...EMPTY_VALUES,
    practitionerId: options.practitionerId ?? '',
    date: options.defaultDate ?? instantToZoned(now, timeZone).date,
    minutesDuration: String(options.defaultDuration ?? 30),
  }));
  // The day on view, kept beside the form so the day's bookings are known when the form's rules are built.
  const [onView, setOnView] = useState({ date: initial.date, practitionerId: initial.practitionerId });
  const day = useDaySchedule({ ...onView, practitionerId: onView.practitionerId || undefined, timeZone, patientId, created });

  const rangeOf = (interval: { start: number; end: number }) =>
    new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).formatRange(interval.start, interval.end);

  const selectionOf = (values: AppointmentFormValues) => {
    if (!isIsoDate(values.date) || !/^\d{2}:\d{2}$/.test(values.time)) return undefined;
    const start = zonedToInstant(values.date, values.time, timeZone);
    return { start, end: start + Number(values.minutesDuration) * 60_000 };
  };

  // The API's rules, reworded where the form has its own words, plus this widget's: no clashes, nothing in the past.
  const schema = rewordIssues(
    withRule(appointmentCreateSchema, (appointment, ctx) => {
      // The API books an appointment without a time; this form books one at a chosen time.
      if (!appointment.start) ctx.addIssue({ code: 'custom', path: ['start'], message: messages.timeRequired });
      if (!appointment.start || !appointment.end) return;
      const start = Date.parse(appointment.start);
      const end = Date.parse(appointment.end);
      if (start < now) ctx.addIssue({ code: 'custom', path: ['start'], message: messages.inPast });
      const clash = conflictWith(start, end, day.busy);
      if (clash) {
        const message = clash.practitioner ? messages.overlapPractitioner : messages.overlapPatient;
        ctx.addIssue({ code: 'custom', path: ['start'], message: formatMessage(message, { range: rangeOf(clash) }) });
      }
    }),
    (issue, input) =>
      (issue.path === 'start' || issue.path === 'end') && !(input as { start?: string }).start ? messages.timeRequired : undefined,
  );

  const form: ClinicalForm<AppointmentFormValues, Appointment> = useClinicalForm({
    writes: { path: 'appointments' },
    schema,
    defaultValues: initial,
    toInput: (values: AppointmentFormValues) => {
      submitted.current = values;
      const selection = selectionOf(values);
      return dropBlanks({
        status: 'booked',
        patientId,
        practitionerId: values.practitionerId,
        start: selection && toInstantString(selection.start),
        end: selection && toInstantString(selection.end),
        minutesDuration: Number(values.minutesDuration),
        appointmentType: values.appointmentType,
        serviceType: values.serviceType,
        specialty: values.specialty,
        priority: values.priority === '' ? undefined : Number(values.priority),
        description: values.description,
        reasonCode: values.reasonCode,
        patientInstruction: values.patientInstruction,
      });
    },
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: (appointment) => {
      setCreated((list) => [...list, appointment]);
      // The next booking is most likely on the same day with the same practitioner.
      const kept = submitted.current;
      if (kept)
        form.form.reset({ ...initial, date: kept.date, practitionerId: kept.practitionerId, minutesDuration: kept.minutesDuration });
      options.onSuccess?.(appointment);
    },
    onError: (error) => {
      // Someone took the time meanwhile: say so on the time itself and show the day as it is now.
      if (error instanceof ClinikConflictError) {
        form.form.setError('time', { type: 'server', message: messages.slotTaken }, { shouldFocus: true });
        day.retry();
      }
      options.onError?.(error);
    },
  });

  const values = useWatch({ control: form.form.control }) as AppointmentFormValues;
  useEffect(() => {
    const subscription = form.form.watch((next) => {
      setOnView((current) =>
        current.date === next.date && current.practitionerId === next.practitionerId
          ? current
          : { date: next.date ?? '', practitionerId: next.practitionerId ?? '' },
      );
    });
    return () => subscription.unsubscribe();
  }, [form.form]);

  const selection = selectionOf(values);
  const duration = Number(values.minutesDuration) * 60_000;
  const close = isIsoDate(values.date) ? zonedToInstant(values.date, openingHours.end, timeZone) : 0;
  const slots = isIsoDate(values.date)
    ? daySlots(values.date, timeZone, openingHours.start, openingHours.end, slotMinutes).map((slot): SchedulerSlot => {
        let availability: SlotAvailability = 'free';
        if (slot.start < now) availability = 'past';
        else if (conflictWith(slot.start, slot.start + duration, day.busy)) availability = 'booked';
        else if (slot.start + duration > close) availability = 'closing';
        return { ...slot, availability };
      })
    : [];

  return {
    ...form,
    // A clash reported by the server is shown on the time field, not as a failure to retry.
    error: form.error instanceof ClinikConflictError ? null : form.error,
    timeZone,
    viewerTimeZone,
    date: values.date,
    slots,
    selection,
    busy: day.busy,
    busyStatus: day.status,
    busyError: day.error,
    retryBusy: day.retry,
    practitioners: practitioners.choices,
    practitionersStatus: practitioners.status,
  };
}

/** The current time, refreshed every minute so times that pass while the form is open stop being offered. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
