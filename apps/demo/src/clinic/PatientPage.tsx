/**
 * One patient's page: the header, then every widget, grouped in tabs. The widgets share the app's ClinikProvider, so
 * a record saved in one tab is already in the cache when another tab shows it.
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
  PrescriptionWidget,
  VitalsChart,
  VitalsWidget,
  usePatient,
  type WidgetTheme,
} from '@clinikapi/react';
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
  readonly render: (context: SectionContext) => ReactNode;
}

/** Omits a prop whose value is unknown, instead of passing `undefined` to an optional id. */
const given = <K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> =>
  value === undefined ? {} : ({ [name]: value } as Record<K, string>);

const SECTIONS: readonly Section[] = [
  // The dashboard carries the patient's header itself; the other tabs lead with a compact one.
  { id: 'overview', label: 'Overview', render: ({ patientId, theme }) => <PatientDashboard patientId={patientId} theme={theme} /> },
  {
    id: 'vitals',
    label: 'Vitals',
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <VitalsWidget patientId={patientId} theme={theme} {...given('performerId', practitionerId)} />
        <VitalsChart patientId={patientId} theme={theme} />
      </div>
    ),
  },
  {
    id: 'medications',
    label: 'Medications',
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <MedicationList patientId={patientId} theme={theme} />
        <PrescriptionForm patientId={patientId} theme={theme} {...given('prescriberId', practitionerId)} />
        <PrescriptionWidget patientId={patientId} theme={theme} {...given('prescriberId', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'problems',
    label: 'Conditions & allergies',
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
    render: ({ patientId, theme }) => <ImmunizationLogger patientId={patientId} theme={theme} />,
  },
  {
    id: 'labs',
    label: 'Labs',
    render: ({ patientId, practitionerId, theme }) => (
      <div className="demo-stack">
        <LabResults patientId={patientId} theme={theme} />
        <LabResultsWidget patientId={patientId} theme={theme} {...given('performerId', practitionerId)} />
      </div>
    ),
  },
  {
    id: 'notes',
    label: 'Notes',
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
    render: ({ patientId, practitionerId, theme }) => (
      <AppointmentScheduler patientId={patientId} theme={theme} {...given('practitionerId', practitionerId)} />
    ),
  },
  { id: 'consents', label: 'Consents', render: ({ patientId, theme }) => <ConsentManager patientId={patientId} theme={theme} /> },
  { id: 'intake', label: 'Intake', render: ({ patientId, theme }) => <IntakeForm patientId={patientId} theme={theme} /> },
];

export function PatientPage({ patientId, user }: { patientId: string; user: DemoUser }) {
  const theme = useTheme();
  const patient = usePatient(patientId);
  const context: SectionContext = { patientId, practitionerId: user.practitionerId, theme };
  return (
    <section className="demo-page" aria-labelledby="patient-title">
      <p>
        <Link to="/">← All patients</Link>
      </p>
      <h1 id="patient-title" className="demo-visually-hidden">
        {patient.data?.fullName ?? 'Patient'}
      </h1>
      <Tabs.Root className="demo-tabs" defaultValue="overview">
        <Tabs.List className="demo-tab-list" aria-label="Patient record">
          {SECTIONS.map((section) => (
            <Tabs.Trigger key={section.id} value={section.id} className="demo-tab">
              {section.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {SECTIONS.map((section) => (
          <Tabs.Content key={section.id} value={section.id} className="demo-tab-panel">
            <div className="demo-stack">
              {section.id !== 'overview' && <PatientHeader patientId={patientId} theme={theme} showAllergies={false} />}
              {section.render(context)}
            </div>
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </section>
  );
}
