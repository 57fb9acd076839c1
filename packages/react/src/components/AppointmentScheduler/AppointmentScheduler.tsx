'use client';
import type { Appointment } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { useCodeNames } from '../../codes/code-names.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { ErrorState, ForbiddenState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { DayAgenda } from './DayAgenda.tsx';
import { appointmentSchedulerMessages, type AppointmentSchedulerMessages } from './messages.ts';
import { SlotPicker, zoneName } from './SlotPicker.tsx';
import {
  APPOINTMENT_DURATIONS,
  APPOINTMENT_PRIORITIES,
  APPOINTMENT_TYPES,
  useAppointmentScheduler,
  type AppointmentSchedulerState,
  type UseAppointmentSchedulerOptions,
} from './useAppointmentScheduler.ts';
import { dayBounds, isIsoDate } from './zoned-time.ts';

/** The inner parts of an AppointmentScheduler that `classNames` can style. */
export type AppointmentSchedulerSlot = 'header' | 'title' | 'form' | 'when' | 'day' | 'slots' | 'agenda' | 'booking' | 'fields' | 'actions';

export interface AppointmentSchedulerProps
  extends WidgetProps<AppointmentSchedulerSlot, Appointment>, Omit<UseAppointmentSchedulerOptions, 'patientId' | 'onSuccess' | 'onError'> {
  /** The practitioner chosen at first; the user can pick another. Default: none chosen. */
  readonly practitionerId?: string;
  /** The clinic's IANA time zone, e.g. `America/Chicago`: every time is shown in it. Default: the browser's. */
  readonly timeZone?: string;
  /** The day shown at first, `YYYY-MM-DD`. Default: today in the clinic's zone. */
  readonly defaultDate?: string;
  /** Bookable hours on the clinic's clock, `HH:mm`. Default `{ start: '08:00', end: '18:00' }`. */
  readonly openingHours?: { readonly start: string; readonly end: string };
  /** Minutes between bookable start times. Default 15. */
  readonly slotMinutes?: number;
  /** The duration chosen at first, in minutes. Default 30. */
  readonly defaultDuration?: (typeof APPOINTMENT_DURATIONS)[number];
  /**
   * `patient` for a patient booking for themselves: only what a patient decides (who, when, how long, what kind of
   * visit and why) — no priority, service type, specialty or instructions for the patient. Default `staff`.
   */
  readonly variant?: 'staff' | 'patient';
}

/**
 * Books a patient's appointment (FHIR Appointment) with a practitioner: a day in the clinic's time zone, its free
 * times given what is already booked, and the documented details. Stores UTC. Works on its own with `proxyUrl`, or
 * inside a `ClinikProvider`.
 */
export function AppointmentScheduler({ proxyUrl, ...props }: AppointmentSchedulerProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <AppointmentSchedulerView {...props} />
    </WidgetProvider>
  );
}

type Slot = ReturnType<typeof slotClasses<AppointmentSchedulerSlot>>;

function AppointmentSchedulerView(props: Omit<AppointmentSchedulerProps, 'proxyUrl'>): ReactNode {
  const { theme, className, classNames, unstyled, variant = 'staff', ...options } = props;
  const messages = useWidgetMessages('appointmentScheduler', appointmentSchedulerMessages);
  const state = useAppointmentScheduler(options);
  const titleId = useId();
  const slot = slotClasses<AppointmentSchedulerSlot>('AppointmentScheduler', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="AppointmentScheduler"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, day: state.busyStatus, timeZone: state.timeZone }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {messages.title}
        </h2>
      </div>
      {state.writable === false && <ForbiddenState />}
      {state.writable && (
        <form className={slot('form', 'ck-Widget-form')} aria-labelledby={titleId} onSubmit={state.onSubmit} noValidate>
          <WhenFields state={state} messages={messages} slot={slot} />
          <BookingFields state={state} messages={messages} slot={slot} variant={variant} />
          {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
          {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
          {state.status === 'success' && state.result && <Booked appointment={state.result} state={state} messages={messages} />}
          <div className={slot('actions', 'ck-Widget-actions')}>
            <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
              {messages.save}
            </Button>
          </div>
        </form>
      )}
    </WidgetRoot>
  );
}

interface PartProps {
  readonly state: AppointmentSchedulerState;
  readonly messages: AppointmentSchedulerMessages;
  readonly slot: Slot;
}

function WhenFields({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const locale = useLocale();
  const dayStart = isIsoDate(state.date) ? dayBounds(state.date, state.timeZone).start : undefined;
  const date = form.register('date', {
    // A time is a time on one day: a new day starts with no time chosen.
    onChange: () => form.setValue('time', ''),
  });
  return (
    <>
      <div className={slot('when', 'ck-Widget-grid')}>
        <Field
          label={messages.practitioner}
          help={state.practitionersStatus === 'error' ? messages.practitionersError : undefined}
          error={errorOf('practitionerId')}
        >
          {(control) => (
            <select {...control} {...form.register('practitionerId')}>
              <option value="">{messages.practitionerNone}</option>
              {state.practitioners.map((practitioner) => (
                <option key={practitioner.id} value={practitioner.id}>
                  {practitioner.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={messages.date} required error={errorOf('date')}>
          {(control) => <input type="date" {...control} {...date} />}
        </Field>
        <Field label={messages.duration} required error={errorOf('minutesDuration')}>
          {(control) => (
            <select {...control} {...form.register('minutesDuration')}>
              {APPOINTMENT_DURATIONS.map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {formatMessage(messages.durationOption, { minutes }, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className={slot('day', 'ck-AppointmentScheduler-dayView')}>
        <div>
          <SlotPicker
            control={form.control}
            slots={state.slots}
            timeZone={state.timeZone}
            dayStart={dayStart}
            error={errorOf('time')}
            messages={messages}
            className={slot('slots')}
          />
          <LocalTimeHint state={state} messages={messages} />
        </div>
        <DayAgenda state={state} messages={messages} className={slot('agenda')} itemClassName="ck-Widget-record" />
      </div>
    </>
  );
}

/** When the viewer is not in the clinic's zone, the chosen time on their own clock too. */
function LocalTimeHint({ state, messages }: Omit<PartProps, 'slot'>): ReactNode {
  const locale = useLocale();
  const viewer = state.viewerTimeZone;
  if (!state.selection || !viewer || viewer === state.timeZone) return null;
  const time = new Intl.DateTimeFormat(locale, { timeZone: viewer, dateStyle: 'medium', timeStyle: 'short' }).format(state.selection.start);
  return (
    <p className="ck-Field-help">{formatMessage(messages.localTime, { time, zone: zoneName(viewer, locale, state.selection.start) })}</p>
  );
}

function BookingFields({ state, messages, slot, variant }: PartProps & { readonly variant: 'staff' | 'patient' }): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  const name = useCodeNames();
  const types = APPOINTMENT_TYPES.map((code) => [code, name('appointmentType', code)] as const);
  const priorities = Object.entries(APPOINTMENT_PRIORITIES).map(([code, value]) => [value, name('appointmentPriority', code)] as const);
  return (
    <fieldset className={slot('booking', 'ck-AppointmentScheduler-booking')} aria-labelledby={headingId}>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.appointmentType} error={errorOf('appointmentType')}>
          {(control) => (
            <select {...control} {...form.register('appointmentType')}>
              <option value="">{messages.notSpecified}</option>
              {types.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {variant === 'staff' && (
          <Field label={messages.priority} error={errorOf('priority')}>
            {(control) => (
              <select {...control} {...form.register('priority')}>
                {priorities.map(([value, label]) => (
                  <option key={value} value={String(value)}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {variant === 'staff' && (
          <Field label={messages.serviceType} help={messages.serviceTypeHelp} error={errorOf('serviceType')}>
            {(control) => <input type="text" {...control} {...form.register('serviceType')} />}
          </Field>
        )}
        {variant === 'staff' && (
          <Field label={messages.specialty} help={messages.specialtyHelp} error={errorOf('specialty')}>
            {(control) => <input type="text" {...control} {...form.register('specialty')} />}
          </Field>
        )}
      </div>
      <Field label={messages.description} help={messages.descriptionHelp} error={errorOf('description')}>
        {(control) => <input type="text" {...control} {...form.register('description')} />}
      </Field>
      <Field label={messages.reason} error={errorOf('reasonCode')}>
        {(control) => <input type="text" {...control} {...form.register('reasonCode')} />}
      </Field>
      {variant === 'staff' && (
        <Field label={messages.patientInstruction} help={messages.patientInstructionHelp} error={errorOf('patientInstruction')}>
          {(control) => <textarea rows={2} {...control} {...form.register('patientInstruction')} />}
        </Field>
      )}
    </fieldset>
  );
}

function Booked({ appointment, state, messages }: { readonly appointment: Appointment } & Omit<PartProps, 'slot'>): ReactNode {
  const locale = useLocale();
  if (!appointment.start || !appointment.end) return null;
  const when = new Intl.DateTimeFormat(locale, { timeZone: state.timeZone, dateStyle: 'medium', timeStyle: 'short' }).formatRange(
    Date.parse(appointment.start),
    Date.parse(appointment.end),
  );
  return (
    <Notice tone="success">
      {formatMessage(messages.saved, { when, zone: zoneName(state.timeZone, locale, Date.parse(appointment.start)) })}
    </Notice>
  );
}
