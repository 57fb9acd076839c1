'use client';
/** What is booked next for the patient, soonest first, with how far away it is. */
import type { Appointment } from '@clinikapi/core';
import { useId, useState, type ReactNode } from 'react';
import { codeName, codeNameMessages } from '../../../codes/code-names.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { Button } from '../../../ui/Button/Button.tsx';
import { conceptText } from '../../../headless/fhir-display.ts';
import type { WidgetTheme } from '../../../ui/theme/theme.ts';
import { Badge, type BadgeTone } from '../../PatientRecord/Badge.tsx';
import { formatDuration, formatRelative, timeOf } from '../../PatientRecord/dates.ts';
import type { HeadingLevel } from '../../PatientRecord/Heading.tsx';
import { useLinkedRecords } from '../../PatientRecord/useLinkedRecords.ts';
import type { PatientDashboardMessages } from '../messages.ts';
import { appointmentTypeText } from './appointment-type.ts';
import { DashboardSection } from './DashboardSection.tsx';
import { LazyScheduler } from './LazyScheduler.tsx';

/** Statuses of an appointment that may still happen. */
const STILL_ON: readonly Appointment['status'][] = ['proposed', 'pending', 'booked', 'arrived', 'checked-in', 'waitlist'];
const TONES: Partial<Record<Appointment['status'], BadgeTone>> = {
  booked: 'success',
  arrived: 'info',
  'checked-in': 'info',
  pending: 'warning',
  proposed: 'warning',
  waitlist: 'neutral',
};

export interface UpcomingAppointmentsProps {
  readonly patientId: string;
  readonly level: HeadingLevel;
  readonly messages: PatientDashboardMessages;
  /** The time "upcoming" counts from, in ms. */
  readonly now: number;
  /** Offer "Schedule an appointment" (AppointmentScheduler, loaded on demand). */
  readonly scheduling: boolean;
  readonly theme: WidgetTheme | undefined;
  readonly timeZone: string | undefined;
}

/** Appointments still to come (or under way within the hour), soonest first. */
export function upcomingOf(appointments: readonly Appointment[], now: number): Appointment[] {
  return appointments
    .filter((appointment) => STILL_ON.includes(appointment.status) && timeOf(appointment.end ?? appointment.start) >= now - 60 * 60_000)
    .sort((a, b) => timeOf(a.start) - timeOf(b.start));
}

export function UpcomingAppointments({
  patientId,
  level,
  messages,
  now,
  scheduling,
  theme,
  timeZone,
}: UpcomingAppointmentsProps): ReactNode {
  const locale = useLocale();
  const names = useWidgetMessages('codeNames', codeNameMessages);
  const appointments = useLinkedRecords('appointments', patientId);
  const upcoming = upcomingOf(appointments.records, now);
  const [schedulerOpen, setScheduling] = useState(false);
  const schedulerId = useId();
  return (
    <DashboardSection
      name="appointments"
      title={messages.appointments}
      level={level}
      status={appointments.status === 'ready' && upcoming.length === 0 ? 'empty' : appointments.status}
      error={appointments.error}
      onRetry={appointments.retry}
      loading={messages.appointmentsLoading}
      errorTitle={messages.appointmentsError}
      empty={messages.noAppointments}
      footer={
        scheduling && (
          // The booking shows in the list above once the record refreshes, which the create hook asks for.
          <div id={schedulerId} hidden={!schedulerOpen}>
            {schedulerOpen && (
              <LazyScheduler
                patientId={patientId}
                theme={theme}
                timeZone={timeZone}
                loadingLabel={messages.schedulerLoading}
                failedLabel={messages.schedulerFailed}
              />
            )}
          </div>
        )
      }
      actions={
        scheduling && (
          <Button variant="ghost" aria-expanded={schedulerOpen} aria-controls={schedulerId} onClick={() => setScheduling(!schedulerOpen)}>
            {schedulerOpen ? messages.closeScheduler : messages.schedule}
          </Button>
        )
      }
    >
      {() => (
        <ul className="ck-RecordList">
          {upcoming.map((appointment) => {
            const what =
              appointment.serviceType?.map(conceptText).find(Boolean) ||
              appointmentTypeText(appointment.appointmentType, names) ||
              appointment.description ||
              messages.appointmentUntitled;
            const details = [
              formatDuration(appointment.minutesDuration, locale),
              appointment.description !== what && appointment.description,
            ].filter(Boolean);
            return (
              <li key={appointment.id} data-status={appointment.status}>
                <div className="ck-RecordList-main">
                  <span className="ck-RecordList-title">
                    <time dateTime={appointment.start}>{formatDateTime(appointment.start, locale)}</time>
                    <span className="ck-PatientDashboard-relative"> · {formatRelative(appointment.start, now, locale)}</span>
                  </span>
                  <span>{what}</span>
                  {details.length > 0 && <span className="ck-RecordList-meta">{details.join(' · ')}</span>}
                </div>
                <Badge tone={TONES[appointment.status] ?? 'neutral'}>{codeName('appointmentStatus', appointment.status, names)}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </DashboardSection>
  );
}
