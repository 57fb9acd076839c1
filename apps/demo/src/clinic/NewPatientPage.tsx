import { NewPatientForm } from '../NewPatientForm.tsx';
import { useRouter } from '../router.tsx';

export function NewPatientPage() {
  const { navigate } = useRouter();
  return (
    <section className="demo-page" aria-labelledby="new-patient-title">
      <h1 id="new-patient-title">New patient</h1>
      <NewPatientForm onCreated={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}`)} onCancel={() => navigate('/')} />
    </section>
  );
}
