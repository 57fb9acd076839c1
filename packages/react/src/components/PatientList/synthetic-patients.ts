/**
 * A clinic of any size, made up on the spot: for the virtualisation tests, the stories and the bench, which need
 * 10,000 patients without creating 10,000 records. Deterministic: patient `n` is always the same person.
 */
import type { PatientSummary } from '@clinikapi/core';

const FIRST = [
  'Amara',
  'Ben',
  'Chen',
  'Daniela',
  'Elijah',
  'Fatima',
  'Gabriel',
  'Hannah',
  'Isaac',
  'Joanna',
  'Kenji',
  'Leila',
  'Marcus',
  'Nadia',
  'Oliver',
  'Priya',
  'Quinn',
  'Rosa',
  'Samuel',
  'Tova',
];
const LAST = [
  'Adeyemi',
  'Bennett',
  'Brooks',
  'Delgado',
  'Feldman',
  'Haddad',
  'Hartley',
  'Johnson',
  'Kowalski',
  'Lindqvist',
  'Mensah',
  'Moreau',
  'Okafor',
  'Petrova',
  'Raman',
  'Ruiz',
  'Tanaka',
  'Wei',
];
const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** Patient number `n` (0-based), named so that numbering order is name order. */
export function syntheticPatient(n: number): PatientSummary {
  const last = LAST[Math.floor((n * LAST.length) / 1e6) % LAST.length] as string;
  const first = FIRST[n % FIRST.length] as string;
  const lastName = `${last}-${String(n).padStart(5, '0')}`;
  const year = 1940 + (n % 80);
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    fullName: `${first} ${lastName}`,
    firstName: first,
    lastName,
    gender: GENDERS[n % GENDERS.length],
    birthDate: `${year}-${month}-${day}`,
    email: `patient${n}@example.org`,
    active: true,
    meta: { versionId: '1', lastUpdated: '2025-01-01T00:00:00Z' },
  };
}

/** One page of a `GET /patients` answer over `total` synthetic patients; the cursor is the next offset. */
export function syntheticPage(total: number, cursor: string | null, count: number) {
  const offset = cursor ? Number(cursor) : 0;
  const end = Math.min(offset + count, total);
  const data = Array.from({ length: Math.max(0, end - offset) }, (_, index) => syntheticPatient(offset + index));
  return { data, total, hasMore: end < total, ...(end < total ? { cursor: String(end) } : {}) };
}
