/**
 * A story patient with a full clinical record (the same one the component tests seed, see
 * `packages/react/src/test/clinical-fixtures.ts`), written into the story's fresh emulator through the proxy mount
 * once per story, then rendered with the patient's id.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { seedClinicalRecord } from '../packages/react/src/test/clinical-fixtures.ts';
import { STORY_PROXY_URL } from './emulator.ts';
import { WithPatient } from './WithPatient.tsx';

async function create(path: string, body: Record<string, unknown>): Promise<{ id: string }> {
  const response = await fetch(`${STORY_PROXY_URL}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Seeding ${path} answered ${response.status}`);
  return ((await response.json()) as { data: { id: string } }).data;
}

function Seeded({ patientId, empty, children }: { patientId: string; empty: boolean; children: (patientId: string) => ReactNode }) {
  const seeded = useQuery({
    queryKey: ['story', 'clinical-record', patientId, empty],
    queryFn: async () => (empty ? true : (await seedClinicalRecord(create, patientId), true)),
    staleTime: Infinity,
  });
  if (seeded.isError) return <p role="alert">The story's clinical record could not be set up.</p>;
  return seeded.data ? children(patientId) : <p>Setting up the story's clinical record…</p>;
}

export function WithClinicalRecord({
  lastName = 'Okafor',
  empty = false,
  children,
}: {
  lastName?: string;
  empty?: boolean;
  children: (patientId: string) => ReactNode;
}) {
  return (
    <WithPatient lastName={lastName}>
      {(patientId) => (
        <Seeded patientId={patientId} empty={empty}>
          {children}
        </Seeded>
      )}
    </WithPatient>
  );
}
