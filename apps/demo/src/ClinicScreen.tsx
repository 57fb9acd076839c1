import type { PatientSummary } from '@clinikapi/core';
import { PatientList } from '@clinikapi/react';
import { useState } from 'react';
import type { DemoUser } from './auth-api.ts';
import { NewPatientForm } from './NewPatientForm.tsx';

interface ClinicScreenProps {
  readonly user: DemoUser;
  readonly onSignOut: () => void;
  readonly signingOut: boolean;
}

export function ClinicScreen({ user, onSignOut, signingOut }: ClinicScreenProps) {
  const [selected, setSelected] = useState<PatientSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <div className="demo-shell">
      <header className="demo-header">
        <p className="demo-brand">Riverside Family Clinic</p>
        <p className="demo-user">
          Signed in as <strong>{user.name}</strong>
          <button type="button" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </p>
      </header>
      <main className="demo-main">
        <div className="demo-toolbar">
          <button type="button" onClick={() => setCreating(true)} disabled={creating}>
            New patient
          </button>
          <p role="status" className="demo-notice">
            {notice}
          </p>
        </div>
        {creating && (
          <NewPatientForm
            onCreated={(patient) => {
              setCreating(false);
              setSelected(patient);
              setNotice(`Created ${patient.fullName}.`);
            }}
            onCancel={() => setCreating(false)}
          />
        )}
        <PatientList onSelect={setSelected} />
        {selected && (
          <section className="demo-selected" aria-label="Selected patient">
            <h2>{selected.fullName}</h2>
            <p>
              Born {selected.birthDate ?? 'unknown'} · {selected.email ?? selected.phone ?? 'no contact details'}
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
