import { PatientList } from '@clinikapi/react';
import { Link, useRouter } from '../router.tsx';

export function PatientsPage() {
  const { navigate } = useRouter();
  return (
    <section className="demo-page" aria-labelledby="patients-title">
      <div className="demo-page-header">
        <h1 id="patients-title">Patients</h1>
        <Link to="/patients/new" className="demo-button">
          New patient
        </Link>
      </div>
      {/* The page's title already says "Patients": the list's own heading stays for screen readers only. */}
      <PatientList
        classNames={{ title: 'demo-visually-hidden' }}
        onSelect={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}`)}
      />
    </section>
  );
}
