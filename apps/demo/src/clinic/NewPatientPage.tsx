import { PatientDashboard } from '@clinikapi/react';
import { useRouter } from '../router.tsx';
import { useTheme } from '../theme.tsx';

/** PatientDashboard without a patient is its create view; once created, the patient's page takes over. */
export function NewPatientPage() {
  const { navigate } = useRouter();
  const theme = useTheme();
  return (
    <section className="demo-page" aria-labelledby="new-patient-title">
      {/* The create form's own heading says "New patient" on screen. */}
      <h1 id="new-patient-title" className="demo-visually-hidden">
        New patient
      </h1>
      <PatientDashboard theme={theme} onPatientCreated={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}`)} />
    </section>
  );
}
