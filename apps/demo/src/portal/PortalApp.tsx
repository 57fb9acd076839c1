/**
 * The patient portal: a patient sees only their own record. The UI never asks for anyone else's — but the proxy's
 * patient-compartment policy is what guarantees it, whatever the browser sends.
 */
import { usePatient } from '@clinikapi/react';
import type { DemoUser } from '../auth-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useRoute } from '../router.tsx';
import { Shell } from '../Shell.tsx';

const NAV = [{ to: '/', label: 'My record' }];

export function PortalApp({ user, patientId, onSignOut }: { user: DemoUser; patientId: string; onSignOut: () => void }) {
  const home = useRoute('/');
  return (
    <Shell user={user} onSignOut={onSignOut} nav={NAV}>
      {home ? <MyRecord patientId={patientId} /> : <NotFoundPage />}
    </Shell>
  );
}

function MyRecord({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  return (
    <section className="demo-page" aria-labelledby="my-record-title">
      <h1 id="my-record-title">My record</h1>
      {patient.data && (
        <p>
          {patient.data.fullName} · born {patient.data.birthDate ?? 'unknown'}
        </p>
      )}
    </section>
  );
}
