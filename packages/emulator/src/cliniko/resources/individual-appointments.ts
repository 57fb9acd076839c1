/**
 * Individual appointments: `GET /individual_appointments` (cancelled and archived left out unless a `q[]` names
 * `cancelled_at`/`archived_at`), `/cancelled`, `/:id`, `/:id/conflicts`, `POST`, `PUT`/`PATCH /:id`,
 * `PATCH /:id/cancel` (204), `POST /:id/archive` (204), and the deprecated `DELETE /:id`, which archives.
 */
import type { Hono } from 'hono';
import { intervalOf, isTaken, occupancyOf } from '../availability/occupancy.ts';
import { readBody } from '../http/body.ts';
import { refOrNull } from '../http/links.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { StoredRecord } from '../store/types.ts';
import { utcDateTime } from '../time.ts';
import { appointmentFields, bookWithPolicy, cancellationDescription, cancellationFields } from './appointment-writes.ts';
import { jsonResponse, listResponse, noContent } from './listing.ts';
import { archive, createdResponse, findOr404, insertRecord, pathId, saveRecord } from './records.ts';

/** Patient names by id, for `patient_name` (it follows the patient's current name). */
export async function patientNames(scope: RequestScope): Promise<ReadonlyMap<string, string>> {
  const patients = await scope.store.list(scope.account.id, 'patients');
  return new Map(patients.map((patient) => [patient.id, `${String(patient.first_name)} ${String(patient.last_name)}`]));
}

export function presentIndividualAppointment(scope: RequestScope, appointment: StoredRecord, names: ReadonlyMap<string, string>): object {
  const { links } = scope;
  const path = `/individual_appointments/${appointment.id}`;
  return {
    id: appointment.id,
    starts_at: appointment.starts_at,
    ends_at: appointment.ends_at,
    patient_name: names.get(String(appointment.patient_id)) ?? '',
    notes: appointment.notes ?? null,
    has_patient_appointment_notes: false,
    did_not_arrive: appointment.did_not_arrive === true,
    patient_arrived: appointment.patient_arrived === true,
    email_reminder_sent: appointment.email_reminder_sent === true,
    sms_reminder_sent: appointment.sms_reminder_sent === true,
    booking_ip_address: appointment.booking_ip_address ?? null,
    online_booking_policy_accepted: appointment.online_booking_policy_accepted ?? null,
    invoice_status: appointment.invoice_status ?? null,
    treatment_note_status: appointment.treatment_note_status ?? null,
    repeat_rule: appointment.repeat_rule ?? {},
    repeats: null,
    telehealth_url: null,
    cancelled_at: appointment.cancelled_at ?? null,
    cancellation_reason: appointment.cancellation_reason ?? null,
    cancellation_reason_description: cancellationDescription(appointment.cancellation_reason),
    cancellation_note: appointment.cancellation_note ?? null,
    archived_at: appointment.archived_at ?? null,
    deleted_at: appointment.deleted_at ?? null,
    created_at: appointment.created_at,
    updated_at: appointment.updated_at,
    conflicts: links.ref(`${path}/conflicts`),
    appointment_type: refOrNull(links, 'appointment_types', appointment.appointment_type_id),
    business: refOrNull(links, 'businesses', appointment.business_id),
    practitioner: refOrNull(links, 'practitioners', appointment.practitioner_id),
    patient: refOrNull(links, 'patients', appointment.patient_id),
    attendees: links.ref(`${path}/attendees`),
    links: { self: links.url(path) },
  };
}

const APPOINTMENT_LIST = {
  plural: 'individual_appointments',
  filters: {
    ...COMMON_FIELDS,
    appointment_type_id: 'integer',
    business_id: 'integer',
    patient_id: 'integer',
    practitioner_id: 'integer',
    repeated_from_id: 'integer',
    archived_at: 'datetime',
    cancelled_at: 'datetime',
    deleted_at: 'datetime',
    starts_at: 'datetime',
    ends_at: 'datetime',
    did_not_arrive: 'boolean',
  },
  hiddenWhenSet: ['archived_at', 'cancelled_at'],
} as const;

/** Whether another appointment of the practitioner, or an unavailable block, overlaps this one. */
export async function hasConflicts(scope: RequestScope, appointment: StoredRecord): Promise<boolean> {
  const occupancy = await occupancyOf(scope.store, scope.account.id, String(appointment.practitioner_id));
  return isTaken(occupancy, intervalOf(appointment), appointment.id);
}

export function mountIndividualAppointments(app: Hono<ClinikoEnv>): void {
  for (const cancelledOnly of [false, true]) {
    app.get(cancelledOnly ? '/individual_appointments/cancelled' : '/individual_appointments', async (c) => {
      const { scope } = c.var;
      const all = await scope.store.list(scope.account.id, 'individual_appointments');
      const spec = cancelledOnly ? { ...APPOINTMENT_LIST, hiddenWhenSet: ['archived_at'] } : APPOINTMENT_LIST;
      const names = await patientNames(scope);
      return listResponse(c, spec, cancelledOnly ? all.filter((appointment) => appointment.cancelled_at) : all, (appointment) =>
        presentIndividualAppointment(scope, appointment, names),
      );
    });
  }
  app.get('/individual_appointments/:id', async (c) => {
    const { scope } = c.var;
    return jsonResponse(
      presentIndividualAppointment(scope, await findOr404(scope, 'individual_appointments', pathId(c)), await patientNames(scope)),
    );
  });
  app.get('/individual_appointments/:id/conflicts', async (c) => {
    const { scope } = c.var;
    const appointment = await findOr404(scope, 'individual_appointments', pathId(c));
    return jsonResponse({ conflicts: { exist: await hasConflicts(scope, appointment) } });
  });
  app.post('/individual_appointments', async (c) => {
    const { scope } = c.var;
    const fields = await appointmentFields(scope, await readBody(c.req.raw));
    const appointment = await bookWithPolicy(scope, fields, (writer) => insertRecord(writer, 'individual_appointments', fields));
    const self = scope.links.url(`/individual_appointments/${appointment.id}`);
    return createdResponse(self, presentIndividualAppointment(scope, appointment, await patientNames(scope)));
  });
  for (const method of ['put', 'patch'] as const) {
    app[method]('/individual_appointments/:id', async (c) => {
      const { scope } = c.var;
      const current = await findOr404(scope, 'individual_appointments', pathId(c));
      const fields = await appointmentFields(scope, await readBody(c.req.raw), current);
      const saved = await bookWithPolicy(
        scope,
        fields,
        (writer) => saveRecord(writer, 'individual_appointments', current, fields),
        current.id,
      );
      return jsonResponse(presentIndividualAppointment(scope, saved, await patientNames(scope)));
    });
  }
  app.patch('/individual_appointments/:id/cancel', async (c) => {
    const { scope } = c.var;
    const appointment = await findOr404(scope, 'individual_appointments', pathId(c));
    const cancellation = cancellationFields(await readBody(c.req.raw));
    // Cancelling again changes nothing: the first cancellation stands (our choice).
    if (!appointment.cancelled_at) {
      await saveRecord(scope, 'individual_appointments', appointment, {
        ...appointment,
        ...cancellation,
        cancelled_at: utcDateTime(scope.now),
      });
    }
    return noContent();
  });
  app.post('/individual_appointments/:id/archive', (c) => archive(c.var.scope, 'individual_appointments', pathId(c)));
  app.delete('/individual_appointments/:id', (c) => archive(c.var.scope, 'individual_appointments', pathId(c)));
}
