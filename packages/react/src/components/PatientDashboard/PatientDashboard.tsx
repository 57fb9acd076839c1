'use client';
import type { PatientSummary } from '@clinikapi/core';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { slotClasses, type StylingProps } from '../../ui/slots.ts';
import { ErrorState, Skeleton } from '../../ui/States/States.tsx';
import type { WidgetTheme } from '../../ui/theme/theme.ts';
import { useAnnounce } from '../../ui/WidgetRoot/announcer.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { Heading } from '../PatientRecord/Heading.tsx';
import { PatientRecordProvider } from '../PatientRecord/PatientRecordProvider.tsx';
import { useNow } from '../PatientRecord/useNow.ts';
import { CreateView } from './CreateView.tsx';
import { EditView } from './EditView.tsx';
import { patientDashboardMessages } from './messages.ts';
import { ProfileView } from './ProfileView.tsx';
import { DASHBOARD_INCLUDE, usePatientDashboard, type UsePatientDashboardOptions } from './usePatientDashboard.ts';
import { useFocusEffect } from '../../headless/focus.ts';

/** The inner parts of a PatientDashboard that `classNames` can style. */
export type PatientDashboardSlot = 'sections' | 'form' | 'status';

export interface PatientDashboardProps extends StylingProps<PatientDashboardSlot>, UsePatientDashboardOptions {
  /**
   * Your backend's proxy mount, e.g. `/api/clinik` (or `demo`). Optional inside a `ClinikProvider`, whose client
   * the dashboard then shares.
   */
  readonly proxyUrl?: string;
  /** Color theme, passed on to every section. Default `light`. */
  readonly theme?: WidgetTheme;
  /** Offer the edit view. Default true. */
  readonly editable?: boolean;
  /** Offer "Schedule an appointment" (`appointments.create`), which loads AppointmentScheduler on demand. Default true. */
  readonly scheduling?: boolean;
  /** The clinic's IANA time zone, for scheduling (e.g. `America/Chicago`). Default: the browser's. */
  readonly timeZone?: string;
  /** Called when a create or an edit fails (validation errors from the server included). */
  readonly onError?: (error: ClinikApiError) => void;
  /** The time "upcoming" and ages count from, in ms. Default: when the dashboard mounts. */
  readonly now?: number;
}

/**
 * A patient's whole record on one screen — demographics and allergies, latest vitals with trends, medications,
 * upcoming appointments, encounters, labs and notes — from one request, each section with its own state. Without a
 * `patientId` it starts with a form that creates the patient; "Edit details" updates them, and an edit that would
 * overwrite someone else's change shows that change instead.
 */
export function PatientDashboard({ proxyUrl, ...props }: PatientDashboardProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <PatientDashboardView {...props} />
    </WidgetProvider>
  );
}

function PatientDashboardView(props: Omit<PatientDashboardProps, 'proxyUrl'>): ReactNode {
  const { theme, className, classNames, unstyled, editable = true, scheduling = true, timeZone, onError } = props;
  const messages = useWidgetMessages('patientDashboard', patientDashboardMessages);
  const state = usePatientDashboard({
    patientId: props.patientId,
    onPatientCreated: props.onPatientCreated,
    onPatientUpdated: props.onPatientUpdated,
  });
  const now = useNow(props.now);
  const titleId = useId();
  const slot = slotClasses<PatientDashboardSlot>('PatientDashboard', { classNames, unstyled });
  const editRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Back from the edit view, focus returns to the button that opened it.
  useFocusEffect(() => {
    if (state.view === 'profile' && returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [state.view]);

  return (
    <WidgetRoot
      widget="PatientDashboard"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ view: state.view, status: state.status, complete: state.patientId ? state.complete : undefined }}
    >
      {state.view !== 'create' && (
        <Heading level={2} id={titleId} className="ck-visually-hidden">
          {state.patient ? formatMessage(messages.recordTitle, { name: state.patient.fullName }) : messages.title}
        </Heading>
      )}
      <SavedAnnouncement saved={state.lastSaved} created={messages.created} updated={messages.saved} />
      {state.view === 'create' && (
        <CreateView
          messages={messages}
          level={2}
          headingId={titleId}
          onCreated={state.created}
          onError={onError}
          className={slot('form', 'ck-Widget-form')}
        />
      )}
      {state.view !== 'create' && state.patientId && (
        <PatientRecordProvider patientId={state.patientId} include={DASHBOARD_INCLUDE}>
          {state.status === 'loading' && (
            <div aria-busy="true">
              <p className="ck-visually-hidden">{messages.loadingPatient}</p>
              <Skeleton lines={4} />
            </div>
          )}
          {state.status === 'error' && <ErrorState title={messages.patientLoadError} error={state.error} onRetry={state.retry} />}
          {state.view === 'profile' && state.status === 'ready' && (
            <ProfileView
              patientId={state.patientId}
              messages={messages}
              theme={theme}
              editable={editable}
              onEdit={state.startEdit}
              editRef={editRef}
              complete={state.complete}
              now={now}
              sectionsClassName={slot('sections')}
              scheduling={scheduling}
              timeZone={timeZone}
            />
          )}
          {state.view === 'edit' && state.patient && (
            <EditView
              patient={state.patient}
              messages={messages}
              level={3}
              onSaved={(saved) => {
                returnFocus.current = true;
                state.updated(saved);
              }}
              onCancel={() => {
                returnFocus.current = true;
                state.cancelEdit();
              }}
              onError={onError}
              className={slot('form', 'ck-Widget-form')}
            />
          )}
        </PatientRecordProvider>
      )}
    </WidgetRoot>
  );
}

/** Says "Created …" / "Saved changes to …" through the widget's live region once per save. */
function SavedAnnouncement({
  saved,
  created,
  updated,
}: {
  saved: { kind: 'created' | 'updated'; patient: PatientSummary } | null;
  created: string;
  updated: string;
}): ReactNode {
  const announce = useAnnounce();
  useEffect(() => {
    if (saved) announce(formatMessage(saved.kind === 'created' ? created : updated, { name: saved.patient.fullName }));
  }, [saved, announce, created, updated]);
  return null;
}
