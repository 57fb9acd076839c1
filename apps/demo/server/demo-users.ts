/** The people you can sign in as in the demo. A real app gets these from its identity provider. */
import type { ProxyUser } from '@clinikapi/proxy';

export type DemoRole = 'clinician' | 'frontDesk' | 'patient';

export interface DemoUser extends ProxyUser {
  readonly name: string;
  readonly roles: readonly [DemoRole];
  /** What the login screen says about the account. */
  readonly description: string;
  /** For patients: their own Patient record, the only one the proxy lets them reach. */
  readonly patientId?: string;
  /** For clinicians: the Practitioner record that stands for them (author, prescriber, recorder). */
  readonly practitionerId?: string;
}

/** A portal account, before its Patient id is known (ids are created when the demo data is seeded). */
interface PortalAccount {
  readonly id: string;
  readonly lastName: string;
  readonly name: string;
}

export const PORTAL_ACCOUNTS: readonly PortalAccount[] = [
  { id: 'user_amara_okafor', lastName: 'Okafor', name: 'Amara Okafor' },
  { id: 'user_benjamin_hartley', lastName: 'Hartley', name: 'Benjamin Hartley' },
];

const STAFF: readonly DemoUser[] = [
  { id: 'user_grace_lin', name: 'Dr. Grace Lin', roles: ['clinician'], description: 'Clinician — every patient record' },
  { id: 'user_sam_patel', name: 'Sam Patel', roles: ['frontDesk'], description: 'Front desk — patients and appointments' },
];

export interface DemoUsers {
  readonly all: readonly DemoUser[];
  find(id: unknown): DemoUser | undefined;
}

/** The demo's users, with each portal account linked to its Patient record. */
export function demoUsers(
  portalPatientIds: Readonly<Record<string, string>>,
  practitionerIds: Readonly<Record<string, string>>,
): DemoUsers {
  const patients = PORTAL_ACCOUNTS.flatMap((account): DemoUser[] => {
    const patientId = portalPatientIds[account.id];
    return patientId
      ? [{ id: account.id, name: account.name, roles: ['patient'], description: 'Patient — only their own record', patientId }]
      : [];
  });
  const staff = STAFF.map((user) => {
    const practitionerId = practitionerIds[user.id];
    return practitionerId ? { ...user, practitionerId } : user;
  });
  const all = [...staff, ...patients];
  return { all, find: (id) => all.find((user) => user.id === id) };
}
