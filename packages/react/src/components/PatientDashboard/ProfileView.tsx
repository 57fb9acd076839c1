'use client';
/**
 * The patient's record at a glance. Every section reads the one shared record request through the
 * `PatientRecordProvider` around it, and has its own loading, syncing, empty and error state — a failure or an
 * unexpected record in one section never blanks the others.
 */
import type { ResourcePath } from '@clinikapi/core';
import type { ReactNode, Ref } from 'react';
import { useAccess } from '../../access/useAccess.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { Button } from '../../ui/Button/Button.tsx';
import type { WidgetTheme } from '../../ui/theme/theme.ts';
import { EncounterTimeline } from '../EncounterTimeline/EncounterTimeline.tsx';
import { LabResults } from '../LabResults/LabResults.tsx';
import { MedicationList } from '../MedicationList/MedicationList.tsx';
import { PatientHeader } from '../PatientHeader/PatientHeader.tsx';
import { patientRecordMessages } from '../PatientRecord/messages.ts';
import { SectionBoundary } from '../PatientRecord/SectionBoundary.tsx';
import type { PatientDashboardMessages } from './messages.ts';
import { AllergiesAndConditions } from './sections/AllergiesAndConditions.tsx';
import { ClinicalNotes } from './sections/ClinicalNotes.tsx';
import { LatestVitals } from './sections/LatestVitals.tsx';
import { UpcomingAppointments } from './sections/UpcomingAppointments.tsx';

export interface ProfileViewProps {
  readonly patientId: string;
  readonly messages: PatientDashboardMessages;
  readonly theme: WidgetTheme | undefined;
  /** Hides the Edit button when the app does not allow edits. */
  readonly editable: boolean;
  readonly onEdit: () => void;
  readonly editRef: Ref<HTMLButtonElement>;
  readonly complete: boolean;
  readonly now: number;
  readonly sectionsClassName: string | undefined;
  readonly scheduling: boolean;
  readonly timeZone: string | undefined;
}

export function ProfileView(props: ProfileViewProps): ReactNode {
  const { patientId, messages, theme, editable, onEdit, editRef, complete, now, sectionsClassName, scheduling, timeZone } = props;
  const shared = useWidgetMessages('patientRecord', patientRecordMessages);
  const access = useAccess();
  // A section the user's access rules out is left out, not shown as a dead end; one refused later says so itself.
  const may = (path: ResourcePath, interaction: 'search' | 'create' | 'update' = 'search') => access.can(path, interaction) !== false;
  const guard = (children: ReactNode, ...paths: ResourcePath[]) =>
    paths.some((path) => may(path)) && (
      <SectionBoundary message={shared.sectionFailed} retryLabel={shared.refresh}>
        {children}
      </SectionBoundary>
    );
  return (
    <>
      {guard(
        <PatientHeader
          patientId={patientId}
          headingLevel={3}
          theme={theme}
          now={now}
          // The allergies have their own section below.
          showAllergies={false}
          actions={
            editable &&
            may('patients', 'update') && (
              <Button ref={editRef} variant="secondary" onClick={onEdit}>
                {messages.edit}
              </Button>
            )
          }
        />,
        'patients',
      )}
      {!complete && <p className="ck-PatientDashboard-syncing">{messages.syncing}</p>}
      <div className={sectionsClassName}>
        {guard(<AllergiesAndConditions patientId={patientId} level={3} messages={messages} />, 'allergies', 'conditions')}
        {guard(<LatestVitals patientId={patientId} level={3} messages={messages} theme={theme} />, 'observations')}
        {guard(<MedicationList patientId={patientId} headingLevel={3} theme={theme} />, 'prescriptions')}
        {guard(
          <UpcomingAppointments
            patientId={patientId}
            level={3}
            messages={messages}
            now={now}
            scheduling={scheduling && may('appointments', 'create')}
            theme={theme}
            timeZone={timeZone}
          />,
          'appointments',
        )}
        {guard(<EncounterTimeline patientId={patientId} headingLevel={3} limit={5} theme={theme} />, 'encounters')}
        {guard(<LabResults patientId={patientId} headingLevel={3} limit={3} theme={theme} />, 'labs')}
        {guard(<ClinicalNotes patientId={patientId} level={3} messages={messages} />, 'notes')}
      </div>
    </>
  );
}
