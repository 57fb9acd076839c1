/** The people you can sign in as in the demo. A real app gets these from its identity provider. */
import type { ProxyUser } from '@clinikapi/proxy';

export interface DemoUser extends ProxyUser {
  readonly name: string;
  readonly roles: readonly string[];
  /** What the login screen says about the account. */
  readonly description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'user_grace_lin',
    name: 'Dr. Grace Lin',
    roles: ['clinician'],
    description: 'Clinician — full access to every patient record',
  },
  {
    id: 'user_sam_patel',
    name: 'Sam Patel',
    roles: ['frontDesk'],
    description: 'Front desk — patients and appointments',
  },
];

export function findDemoUser(id: unknown): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.id === id);
}
