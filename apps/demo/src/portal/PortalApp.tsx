/**
 * The patient portal: a patient sees only their own record. The UI never asks for anyone else's — but the proxy's
 * patient-compartment policy is what guarantees it, whatever the browser sends.
 */
import { AppointmentScheduler, ConsentManager, IntakeForm, PatientDashboard, PatientHeader } from '@clinikapi/react';
import type { DemoUser } from '../auth-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useRoute } from '../router.tsx';
import { Shell } from '../Shell.tsx';
import { useTheme } from '../theme.tsx';

const NAV = [
  { to: '/', label: 'My record' },
  { to: '/appointments', label: 'Appointments' },
  { to: '/intake', label: 'Intake form' },
  { to: '/consents', label: 'Consents' },
];

export function PortalApp({ user, patientId, onSignOut }: { user: DemoUser; patientId: string; onSignOut: () => void }) {
  const theme = useTheme();
  const home = useRoute('/');
  const appointments = useRoute('/appointments');
  const consents = useRoute('/consents');
  const intake = useRoute('/intake');
  let page;
  if (home) page = <PatientDashboard patientId={patientId} theme={theme} editable={false} scheduling={false} />;
  // The patient-facing forms: only what a patient decides for themselves.
  else if (appointments) page = <AppointmentScheduler patientId={patientId} theme={theme} variant="patient" />;
  // The page's title says "Consents": the widget's own heading stays for screen readers only.
  else if (consents)
    page = <ConsentManager patientId={patientId} theme={theme} variant="patient" classNames={{ title: 'demo-visually-hidden' }} />;
  else if (intake) page = <IntakeForm patientId={patientId} theme={theme} />;
  const title = home ? 'My record' : appointments ? 'Appointments' : consents ? 'Consents' : intake ? 'Intake form' : undefined;
  if (!title) {
    return (
      <Shell user={user} onSignOut={onSignOut} nav={NAV}>
        <NotFoundPage />
      </Shell>
    );
  }
  return (
    <Shell user={user} onSignOut={onSignOut} nav={NAV}>
      <div className="demo-page">
        <h1>{title}</h1>
        {!home && <PatientHeader patientId={patientId} theme={theme} showAllergies={false} />}
        {page}
      </div>
    </Shell>
  );
}
