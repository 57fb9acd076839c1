'use client';
/** The practitioners an appointment can be booked with, by name, for a picker. */
import type { Practitioner } from '@clinikapi/core';
import { usePractitioners } from '../../hooks/resources/practitioners.ts';

export interface PractitionerChoice {
  readonly id: string;
  /** "Dr. Ravi Shah"; the id when the record has no name. */
  readonly name: string;
}

export type PractitionerChoicesStatus = 'loading' | 'error' | 'ready';

/** A practitioner's name as written: prefix, given names, family name. */
export function practitionerName(practitioner: Practitioner): string {
  const name = practitioner.name?.find((entry) => entry.use === 'official') ?? practitioner.name?.[0];
  const text = name?.text ?? [...(name?.prefix ?? []), ...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
  return text || (practitioner.id ?? '');
}

/**
 * Active practitioners, sorted by name. The practitioner the app chose is always among them — by id alone when the
 * list cannot be loaded — so a failed lookup never silently drops the app's choice.
 */
export function usePractitionerChoices(chosenId: string | undefined): {
  readonly choices: readonly PractitionerChoice[];
  readonly status: PractitionerChoicesStatus;
} {
  const search = usePractitioners({ active: true, count: 100 });
  const choices = (search.data?.data ?? [])
    .filter((practitioner): practitioner is Practitioner & { id: string } => typeof practitioner.id === 'string')
    .map((practitioner) => ({ id: practitioner.id, name: practitionerName(practitioner) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (chosenId && !choices.some((choice) => choice.id === chosenId)) choices.unshift({ id: chosenId, name: chosenId });
  return { choices, status: search.isPending ? 'loading' : search.isError ? 'error' : 'ready' };
}
