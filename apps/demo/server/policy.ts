/**
 * Who may do what, decided by the proxy on every call — not by the UI. Patients reach their own record and nothing
 * else: the proxy confines every read, search and write of theirs to their own patient compartment.
 */
import { allOf, grants, patientCompartment, roles } from '@clinikapi/proxy';

export const demoPolicy = roles({
  clinician: '*',
  frontDesk: ['patients:read', 'patients:create', 'patients:update', 'appointments:*', 'practitioners:read'],
  patient: allOf(
    grants(['*:read', 'appointments:create', 'consents:create', 'consents:update', 'intakes:create', 'intakes:update']),
    // Practitioners are shared so a patient can book with one; nothing else of no patient is theirs to read.
    patientCompartment({ patientId: (user) => user.patientId as string, shared: ['practitioners'] }),
  ),
});
