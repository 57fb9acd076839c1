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
      <PatientList onSelect={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}`)} />
    </section>
  );
}
