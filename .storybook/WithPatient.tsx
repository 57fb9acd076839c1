/**
 * Stories run against a fresh in-page emulator whose patient ids are generated, so a story names its patient by
 * family name and gets the id from the API — the same way an app would find a patient.
 */
import type { ReactNode } from 'react';
import { usePatients } from '../packages/react/src/hooks/resources/patients.ts';

export function WithPatient({ lastName, children }: { lastName: string; children: (patientId: string) => ReactNode }) {
  const search = usePatients({ name: lastName });
  const patient = search.data?.data.find((candidate) => candidate.lastName === lastName);
  if (search.isError) return <p role="alert">The story's patient could not be loaded.</p>;
  return patient ? children(patient.id) : <p>Finding the story's patient…</p>;
}
