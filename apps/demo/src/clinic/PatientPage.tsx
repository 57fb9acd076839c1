/**
 * One patient's page: every widget, one per tab. Each tab is a separate widget sharing the app's ClinikProvider, so
 * a record saved in one tab is in the cache the next one reads.
 */
import { AllergyRecorder, usePatient } from '@clinikapi/react';
import { Tabs } from 'radix-ui';
import type { ReactNode } from 'react';
import type { DemoUser } from '../auth-api.ts';
import { Link } from '../router.tsx';
import { useTheme } from '../theme.tsx';

interface SectionContext {
  readonly patientId: string;
  readonly practitionerId: string;
  readonly theme: ReturnType<typeof useTheme>;
}

interface Section {
  readonly id: string;
  readonly label: string;
  readonly render: (context: SectionContext) => ReactNode;
}

const SECTIONS: readonly Section[] = [
  {
    id: 'allergies',
    label: 'Allergies',
    render: ({ patientId, practitionerId, theme }) => (
      <AllergyRecorder patientId={patientId} recorderId={practitionerId} theme={theme} />
    ),
  },
];

export function PatientPage({ patientId, user }: { patientId: string; user: DemoUser }) {
  const theme = useTheme();
  const patient = usePatient(patientId);
  const context: SectionContext = { patientId, practitionerId: user.id, theme };
  return (
    <section className="demo-page" aria-labelledby="patient-title">
      <p>
        <Link to="/">← All patients</Link>
      </p>
      <h1 id="patient-title">{patient.data?.fullName ?? (patient.isError ? 'Patient not found' : 'Loading patient…')}</h1>
      <Tabs.Root className="demo-tabs" defaultValue={SECTIONS[0]?.id}>
        <Tabs.List className="demo-tab-list" aria-label="Patient record">
          {SECTIONS.map((section) => (
            <Tabs.Trigger key={section.id} value={section.id} className="demo-tab">
              {section.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {SECTIONS.map((section) => (
          <Tabs.Content key={section.id} value={section.id} className="demo-tab-panel">
            {section.render(context)}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </section>
  );
}
