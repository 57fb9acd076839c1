/** The clinician's and front desk's app: the patient list, each patient's page, and the day's schedule. */
import type { DemoUser } from '../auth-api.ts';
import { useRoute } from '../router.tsx';
import { Shell } from '../Shell.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { NewPatientPage } from './NewPatientPage.tsx';
import { PatientPage } from './PatientPage.tsx';
import { PatientsPage } from './PatientsPage.tsx';
import { SchedulePage } from './SchedulePage.tsx';

const NAV = [
  { to: '/', label: 'Patients' },
  { to: '/schedule', label: 'Schedule' },
];

export function ClinicApp({ user, onSignOut }: { user: DemoUser; onSignOut: () => void }) {
  const list = useRoute('/');
  const create = useRoute('/patients/new');
  const patient = useRoute('/patients/:id');
  const schedule = useRoute('/schedule');
  let page;
  if (list) page = <PatientsPage />;
  else if (schedule) page = <SchedulePage />;
  else if (create) page = <NewPatientPage />;
  else if (patient?.id) page = <PatientPage patientId={patient.id} user={user} />;
  else page = <NotFoundPage />;
  return (
    <Shell user={user} onSignOut={onSignOut} nav={NAV}>
      {page}
    </Shell>
  );
}
