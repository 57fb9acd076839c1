/** Two consents on file for a story's patient: a signed privacy notice, and a research consent awaiting signature. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { toBase64 } from '../packages/react/src/components/ConsentManager/signature.ts';
import { STORY_PROXY_URL } from './emulator.ts';

async function seedConsents(patientId: string): Promise<true> {
  const post = (body: unknown) =>
    fetch(`${STORY_PROXY_URL}/consents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post({
    patientId,
    status: 'active',
    scope: 'patient-privacy',
    category: 'hipaa-notice',
    policyRule: 'hipaa-auth',
    dateTime: '2025-01-10T10:00:00Z',
    sourceAttachment: { contentType: 'text/plain', data: toBase64('Amara Okafor'), title: 'Typed' },
  });
  await post({
    patientId,
    status: 'proposed',
    scope: 'research',
    category: 'research',
    policyUri: 'https://example.org/studies/42',
    dateTime: '2025-02-01T10:00:00Z',
  });
  return true;
}

/** Seeds the story's fresh emulator once (its own QueryClient remembers), then renders. */
export function WithConsents({ patientId, children }: { patientId: string; children: ReactNode }) {
  const seeded = useQuery({ queryKey: ['story', 'consents', patientId], queryFn: () => seedConsents(patientId), staleTime: Infinity });
  if (seeded.isError) return <p role="alert">The story's consents could not be set up.</p>;
  return seeded.data ? children : <p>Setting up the story's consents…</p>;
}
