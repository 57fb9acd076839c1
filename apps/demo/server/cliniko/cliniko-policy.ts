/**
 * Who may do what on the demo's Cliniko, decided by the proxy on every call. Front desk books for anyone and reads
 * the day; a patient reaches only their own patient record and appointments (the patient compartment, keyed on their
 * Cliniko patient id), and the clinic's directory and free times, which a booking page needs.
 */
import { allOf, grants, patientCompartment, roles } from '@clinikapi/proxy';

const DIRECTORY = ['businesses:read', 'practitioners:read', 'appointment_types:read', 'available_times:read', 'next_available_time:read'];

export const clinikoDemoPolicy = roles({
  clinician: '*',
  frontDesk: [
    'patients:read',
    'patients:create',
    'patients:update',
    'individual_appointments:*',
    'appointments:read',
    'medical_alerts:read',
    'users:read',
    ...DIRECTORY,
  ],
  patient: allOf(
    grants([
      'patients:read',
      'individual_appointments:read',
      'individual_appointments:create',
      'individual_appointments:cancel',
      'appointments:read',
      'medical_alerts:read',
      ...DIRECTORY,
    ]),
    patientCompartment({ patientId: (user) => user.patientId as string, shared: ['businesses', 'practitioners', 'appointment_types'] }),
  ),
});
