'use client';
import { useId, type ReactNode } from 'react';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { EmptyState, ErrorState, Skeleton } from '../../ui/States/States.tsx';
import type { AppointmentSchedulerMessages } from './messages.ts';
import type { BusyInterval } from './schedule.ts';
import type { AppointmentSchedulerState } from './useAppointmentScheduler.ts';

export interface DayAgendaProps {
  readonly state: AppointmentSchedulerState;
  readonly messages: AppointmentSchedulerMessages;
  readonly className?: string | undefined;
  readonly itemClassName?: string | undefined;
}

/** How an appointment is described to this patient's booker. */
function describe(interval: BusyInterval, messages: AppointmentSchedulerMessages): string {
  if (!interval.patient) return messages.agendaBusy;
  if (!interval.practitioner) return messages.agendaPatientElsewhere;
  return formatMessage(messages.agendaPatient, { description: interval.appointment.description ?? messages.agendaNoDescription });
}

/**
 * What is already booked on the chosen day. Another patient's appointment shows only as "Booked": its description
 * would be someone else's health information.
 */
export function DayAgenda({ state, messages, className, itemClassName }: DayAgendaProps): ReactNode {
  const locale = useLocale();
  const headingId = useId();
  const range = new Intl.DateTimeFormat(locale, { timeZone: state.timeZone, hour: 'numeric', minute: '2-digit' });
  if (state.busyStatus === 'idle') return null;
  return (
    <section aria-labelledby={headingId} aria-busy={state.busyStatus === 'loading'} className={className}>
      <h3 id={headingId}>{messages.agendaTitle}</h3>
      {state.busyStatus === 'loading' && (
        <>
          <p className="ck-visually-hidden">{messages.agendaLoading}</p>
          <Skeleton lines={2} />
        </>
      )}
      {state.busyStatus === 'error' && <ErrorState title={messages.agendaError} error={state.busyError} onRetry={state.retryBusy} />}
      {state.busyStatus === 'empty' && <EmptyState title={messages.agendaEmpty} />}
      {state.busyStatus === 'ready' && (
        <ul className="ck-Widget-records">
          {state.busy.map((interval) => (
            <li
              key={interval.id}
              className={itemClassName}
              data-practitioner={interval.practitioner || undefined}
              data-patient={interval.patient || undefined}
            >
              <time dateTime={interval.appointment.start}>{range.formatRange(interval.start, interval.end)}</time>
              <span className="ck-Widget-meta">{describe(interval, messages)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
