'use client';
import { useId, type CSSProperties, type ReactNode } from 'react';
import { formatMessage } from '../../../i18n/messages.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { Button } from '../../../ui/Button/Button.tsx';
import { slotClasses, type StylingProps } from '../../../ui/slots.ts';
import { EmptyState, ErrorState, Skeleton } from '../../../ui/States/States.tsx';
import type { WidgetTheme } from '../../../ui/theme/theme.ts';
import { WidgetRoot } from '../../../ui/WidgetRoot/WidgetRoot.tsx';
import type { ClinikoAppointment } from '../../types.ts';
import { ClinikoWidgetProvider } from '../ClinikoWidgetProvider.tsx';
import { addDays, zoneName } from '../zone.ts';
import { appointmentsDayMessages, type AppointmentsDayMessages } from './messages.ts';
import { useAppointmentsDay, type DayAppointment, type UseAppointmentsDayOptions } from './useAppointmentsDay.ts';

/** The inner parts of an AppointmentsDay that `classNames` can style. */
export type AppointmentsDaySlot = 'header' | 'title' | 'nav' | 'zone' | 'list' | 'item' | 'status';

export interface AppointmentsDayProps extends UseAppointmentsDayOptions, StylingProps<AppointmentsDaySlot> {
  /** Your backend's Cliniko proxy mount, e.g. `/api/cliniko`. Optional inside a `ClinikoProvider`. */
  readonly proxyUrl?: string;
  /** Heading. Default: the `appointmentsDay.title` message. */
  readonly title?: ReactNode;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  /** Makes each appointment a button that calls this. */
  readonly onSelectAppointment?: (appointment: ClinikoAppointment) => void;
}

/**
 * One practitioner's or one business's day in Cliniko: each appointment's time on the clinic's clock, its length,
 * the patient, and the appointment type in its colour. Works on its own with `proxyUrl` or in a `ClinikoProvider`.
 */
export function AppointmentsDay({ proxyUrl, ...props }: AppointmentsDayProps): ReactNode {
  return (
    <ClinikoWidgetProvider proxyUrl={proxyUrl}>
      <AppointmentsDayView {...props} />
    </ClinikoWidgetProvider>
  );
}

function AppointmentsDayView({
  title,
  theme,
  className,
  classNames,
  unstyled,
  onSelectAppointment,
  ...options
}: Omit<AppointmentsDayProps, 'proxyUrl'>): ReactNode {
  const messages = useWidgetMessages('appointmentsDay', appointmentsDayMessages);
  const locale = useLocale();
  const state = useAppointmentsDay(options);
  const titleId = useId();
  const dateId = useId();
  const slot = slotClasses<AppointmentsDaySlot>('AppointmentsDay', { classNames, unstyled });
  const noon = Date.parse(`${state.date}T12:00:00Z`);
  const dayName = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(noon);
  const zone = formatMessage(messages.timeZone, {
    zone: zoneName(state.timeZone, locale, state.appointments[0]?.start ?? noon),
    id: state.timeZone,
  });

  let status = '';
  if (state.status === 'loading') status = messages.loading;
  else if (state.status === 'ready') status = formatMessage(messages.count, { count: state.appointments.length }, locale);

  return (
    <WidgetRoot
      widget="AppointmentsDay"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, date: state.date, timeZone: state.timeZone, fetching: state.isFetching }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {title ?? messages.title}: {dayName}
        </h2>
        <p className={slot('zone', 'ck-AppointmentsDay-zone')}>{zone}</p>
      </div>
      <div className={slot('nav', 'ck-Widget-actions')}>
        <Button variant="secondary" onClick={() => state.setDate(addDays(state.date, -1))}>
          {messages.previous}
        </Button>
        <Button variant="secondary" onClick={() => state.setDate(state.today)} disabled={state.date === state.today}>
          {messages.today}
        </Button>
        <Button variant="secondary" onClick={() => state.setDate(addDays(state.date, 1))}>
          {messages.next}
        </Button>
        <label htmlFor={dateId}>{messages.date}</label>
        <input id={dateId} type="date" value={state.date} onChange={(event) => state.setDate(event.target.value)} />
      </div>
      <p role="status" className={slot('status', 'ck-visually-hidden')}>
        {status}
      </p>
      {state.status === 'loading' && <Skeleton lines={4} />}
      {state.status === 'error' && <ErrorState title={messages.loadError} error={state.error} onRetry={state.retry} />}
      {state.status === 'empty' && <EmptyState title={messages.empty} />}
      {state.status === 'ready' && (
        <ol className={slot('list', 'ck-Widget-records')} aria-labelledby={titleId}>
          {state.appointments.map((row) => (
            <li
              key={row.appointment.id}
              className={slot('item', 'ck-Widget-record')}
              style={{ '--ck-type-color': row.type?.color ?? undefined } as CSSProperties}
              data-arrived={row.appointment.patient_arrived || undefined}
            >
              <AppointmentRow
                row={row}
                timeZone={state.timeZone}
                messages={messages}
                showPractitioner={!options.practitionerId}
                onSelect={onSelectAppointment}
              />
            </li>
          ))}
        </ol>
      )}
    </WidgetRoot>
  );
}

interface RowProps {
  readonly row: DayAppointment;
  readonly timeZone: string;
  readonly messages: AppointmentsDayMessages;
  readonly showPractitioner: boolean;
  readonly onSelect: ((appointment: ClinikoAppointment) => void) | undefined;
}

function AppointmentRow({ row, timeZone, messages, showPractitioner, onSelect }: RowProps): ReactNode {
  const locale = useLocale();
  const range = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).formatRange(row.start, row.end);
  const { appointment } = row;
  const who = appointment.patient_name;
  const content = (
    <>
      <span className="ck-AppointmentsDay-when">
        <time dateTime={appointment.starts_at}>{range}</time>
        <span className="ck-Widget-meta"> · {formatMessage(messages.duration, { minutes: row.minutes }, locale)}</span>
      </span>
      <span className="ck-AppointmentsDay-who">{who}</span>
      <span className="ck-AppointmentsDay-what">
        <span className="ck-AppointmentsDay-swatch" aria-hidden="true" />
        {row.type?.name ?? messages.noType}
        {showPractitioner && row.practitioner && (
          <span className="ck-Widget-meta"> {formatMessage(messages.with, { name: row.practitioner.label })}</span>
        )}
        {appointment.patient_arrived && <span className="ck-Widget-meta"> · {messages.arrived}</span>}
        {appointment.did_not_arrive && <span className="ck-Widget-meta"> · {messages.didNotArrive}</span>}
      </span>
    </>
  );
  if (!onSelect) return <div className="ck-AppointmentsDay-row">{content}</div>;
  return (
    <Button variant="ghost" unstyled className="ck-AppointmentsDay-row ck-AppointmentsDay-select" onClick={() => onSelect(appointment)}>
      {content}
    </Button>
  );
}
