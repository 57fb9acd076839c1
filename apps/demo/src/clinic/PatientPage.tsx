/**
 * One patient's page: the header, then the widgets the signed-in user can use, grouped in tabs. The widgets share the
 * app's ClinikProvider, so a record saved in one tab is already in the cache when another tab shows it.
 */
import {
  AllergyRecorder,
  AppointmentScheduler,
  CarePlanBuilder,
  ConditionTracker,
  ConsentManager,
  EncounterTimeline,
  GoalSetter,
  ImmunizationLogger,
  IntakeForm,
  LabResults,
  LabResultsWidget,
  MedicationList,
  NoteEditor,
  PatientDashboard,
  PatientHeader,
  PrescriptionForm,
  VitalsChart,
  VitalsWidget,
  useAccess,
  usePatient,
  type WidgetTheme,
} from '@clinikapi/react';
import type { ResourcePath } from '@clinikapi/core';
import { Tabs } from 'radix-ui';
import type { ReactNode } from 'react';
import type { DemoUser } from '../auth-api.ts';
import { Link } from '../router.tsx';
import { useTheme } from '../theme.tsx';

interface SectionContext {
  readonly patientId: string;
  readonly practitionerId: string | undefined;
  readonly theme: WidgetTheme;
}

interface Section {
  readonly id: string;
  readonly label: string;
  /** The records the tab is about: it is offered when the signed-in user may read any of them. */
  readonly about: readonly ResourcePath[];
  readonly render: (context: SectionContext) => ReactNode;
}

/** Omits a prop whose value is unknown, instead of passing `undefined` to an optional id. */
const given = <K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [name]: value } as Record<K, string>);

// Each kind of record is listed once per tab: a recording widget beside a viewer of the same records leaves the
// listing to the viewer (`showRecords={false}`).
const SECTIONS: readonly Section[] = [
  // The dashboard carries the patient's header itself; the other tabs lead with a compact one.
  {
    id: 'overview',
    label: 'Overview',
    about: ['patients'],
    render: ({ patientId, theme }) => <PatientDashboard patientId={patientId} theme={theme} />,
  },
  {
    id: 'vitals',
    label: 'Vitals',
    about: ['observations'],
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <VitalsChart patientId={patientId} theme={theme} />
        <VitalsWidget patientId={patientId} theme={theme} showRecords={false} {...given('performerId', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'medications',
    label: 'Medications',
    about: ['prescriptions'],
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <MedicationList patientId={patientId} theme={theme} />
        <PrescriptionForm patientId={patientId} theme={theme} showRecords={false} {...given('prescriberId', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'problems',
    label: 'Conditions & allergies',
    about: ['conditions', 'allergies'],
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <ConditionTracker patientId={patientId} theme={theme} {...given('recorderId', practitionerId)} />
        <AllergyRecorder patientId={patientId} theme={theme} {...given('recorderId', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'immunizations',
    label: 'Immunizations',
    about: ['immunizations'],
    render: ({ patientId, theme }) => <ImmunizationLogger patientId={patientId} theme={theme} />,
  },
  {
    id: 'labs',
    label: 'Labs',
    about: ['labs'],
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <LabResults patientId={patientId} theme={theme} />
        <LabResultsWidget patientId={patientId} theme={theme} showRecords={false} {...given('performerId', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'notes',
    label: 'Notes',
    about: ['notes', 'encounters'],
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <NoteEditor patientId={patientId} theme={theme} {...given('authorId', practitionerId)} />
        <EncounterTimeline patientId={patientId} theme={theme} />
      </div>
    ),
  },
  {
    id: 'care-plan',
    label: 'Care plan & goals',
    about: ['care-plans', 'goals'],
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <CarePlanBuilder patientId={patientId} theme={theme} {...given('authorId', practitionerId)} />
        <GoalSetter patientId={patientId} theme={theme} {...given('expressedById', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'appointments',
    label: 'Appointments',
    about: ['appointments'],
    render: ({ patientId, practitionerId, theme }) => (
      <AppointmentScheduler patientId={patientId} theme={theme} {...given('practitionerId', practitionerId)} />
    ),
  },
  {
    id: 'consents',
    label: 'Consents',
    about: ['consents'],
    render: ({ patientId, theme }) => <ConsentManager patientId={patientId} theme={theme} />,
  },
  {
    id: 'intake',
    label: 'Intake',
    about: ['intakes'],
    render: ({ patientId, theme }) => <IntakeForm patientId={patientId} theme={theme} />,
  },
];

export function PatientPage({ patientId, user }: { patientId: string; user: DemoUser }) {
  const theme = useTheme();
  const patient = usePatient(patientId);
  const access = useAccess();
  const context: SectionContext = { patientId, practitionerId: user.practitionerId, theme };
  // Only the tabs the signed-in user can use, as the server says (ClinikProvider access="proxy"): a front desk sees
  // the patient's overview and appointments, no clinical tab that could only say "not available".
  const sections = SECTIONS.filter((section) => section.about.some((path) => access.can(path, 'search') !== false));
  return (
    <section className="demo-page" aria-labelledby="patient-title">
      <p>
        <Link to="/">← All patients</Link>
      </p>
      <h1 id="patient-title" className="demo-visually-hidden">
        {patient.data?.fullName ?? 'Patient'}
      </h1>
      {access.pending ? (
        <p className="demo-loading-inline">Loading…</p>
      ) : (
        <Tabs.Root className="demo-tabs" defaultValue="overview">
          <Tabs.List className="demo-tab-list" aria-label="Patient record">
            {sections.map((section) => (
              <Tabs.Trigger key={section.id} value={section.id} className="demo-tab">
                {section.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {sections.map((section) => (
            <Tabs.Content key={section.id} value={section.id} className="demo-tab-panel">
              <div className="demo-stack">
                {section.id !== 'overview' && <PatientHeader patientId={patientId} theme={theme} showAllergies={false} />}
                {section.render(context)}
              </div>
            </Tabs.Content>
          ))}
        </Tabs.Root>
      )}
    </section>
  );
}
