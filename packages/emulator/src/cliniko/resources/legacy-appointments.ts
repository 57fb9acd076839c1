/**
 * The legacy `/appointments` resource, read-only: taken out of the docs in 2018 but still what the `appointments`
 * links of patients, practitioners and businesses point at. It shows the same individual appointments under the old
 * names (`appointment_start`, `appointment_end`, `cancellation_time`). Routes: `GET /appointments`,
 * `/appointments/cancelled`, `/appointments/:id`, `/appointments/:id/conflicts`, and `GET /{patients,practitioners,
 * businesses}/:id/appointments` (each also `/cancelled`).
 */
import type { Context, Hono } from 'hono';
import { refOrNull } from '../http/links.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { COMMON_FIELDS } from '../query/fields.ts';
import type { ResourceName, StoredRecord } from '../store/types.ts';
import { hasConflicts, patientNames } from './individual-appointments.ts';
import { jsonResponse, listResponse } from './listing.ts';
import { findOr404, pathId } from './records.ts';

function presentLegacy(scope: RequestScope, appointment: StoredRecord, names: ReadonlyMap<string, string>): object {
  const { links } = scope;
  const path = `/appointments/${appointment.id}`;
  return {
    id: appointment.id,
    appointment_start: appointment.starts_at,
    appointment_end: appointment.ends_at,
    patient_name: names.get(String(appointment.patient_id)) ?? '',
    notes: appointment.notes ?? null,
    did_not_arrive: appointment.did_not_arrive === true,
    patient_arrived: appointment.patient_arrived === true,
    email_reminder_sent: appointment.email_reminder_sent === true,
    sms_reminder_sent: appointment.sms_reminder_sent === true,
    repeat_rule: appointment.repeat_rule ?? {},
    cancellation_time: appointment.cancelled_at ?? null,
    cancellation_reason: appointment.cancellation_reason ?? null,
    cancellation_note: appointment.cancellation_note ?? null,
    deleted_at: appointment.deleted_at ?? null,
    created_at: appointment.created_at,
    updated_at: appointment.updated_at,
    appointment_type: refOrNull(links, 'appointment_types', appointment.appointment_type_id),
    business: refOrNull(links, 'businesses', appointment.business_id),
    practitioner: refOrNull(links, 'practitioners', appointment.practitioner_id),
    patient: refOrNull(links, 'patients', appointment.patient_id),
    appointment_repeated_from: null,
    conflicts: links.ref(`${path}/conflicts`),
    invoices: links.ref(`${path}/invoices`),
    repeats: links.ref(`/appointments?q=repeated_from_appointment_id%3A%3D${appointment.id}`),
    links: { self: links.url(path) },
  };
}

const LIST = {
  plural: 'appointments',
  filters: {
    ...COMMON_FIELDS,
    appointment_start: { type: 'datetime', source: 'starts_at' },
    appointment_end: { type: 'datetime', source: 'ends_at' },
    appointment_type_id: 'integer',
    business_id: 'integer',
    patient_id: 'integer',
    practitioner_id: 'integer',
  },
  hiddenWhenSet: ['archived_at', 'cancelled_at'],
} as const;

/** Mounts `path` and `path/cancelled`, listing the appointments whose `parentField` is the path's parent. */
function mountLists(app: Hono<ClinikoEnv>, path: string, parent?: readonly [ResourceName, string]): void {
  for (const cancelledOnly of [false, true]) {
    app.get(cancelledOnly ? `${path}/cancelled` : path, async (c: Context<ClinikoEnv>) => {
      const { scope } = c.var;
      let appointments = await scope.store.list(scope.account.id, 'individual_appointments');
      if (parent) {
        const owner = await findOr404(scope, parent[0], pathId(c));
        appointments = appointments.filter((appointment) => appointment[parent[1]] === owner.id);
      }
      if (cancelledOnly) appointments = appointments.filter((appointment) => appointment.cancelled_at);
      const names = await patientNames(scope);
      const spec = cancelledOnly ? { ...LIST, hiddenWhenSet: ['archived_at'] } : LIST;
      return listResponse(c, spec, appointments, (appointment) => presentLegacy(scope, appointment, names));
    });
  }
}

export function mountLegacyAppointments(app: Hono<ClinikoEnv>): void {
  mountLists(app, '/appointments');
  mountLists(app, '/patients/:id/appointments', ['patients', 'patient_id']);
  mountLists(app, '/practitioners/:id/appointments', ['practitioners', 'practitioner_id']);
  mountLists(app, '/businesses/:id/appointments', ['businesses', 'business_id']);
  app.get('/appointments/:id', async (c) => {
    const { scope } = c.var;
    return jsonResponse(presentLegacy(scope, await findOr404(scope, 'individual_appointments', pathId(c)), await patientNames(scope)));
  });
  app.get('/appointments/:id/conflicts', async (c) => {
    const { scope } = c.var;
    const appointment = await findOr404(scope, 'individual_appointments', pathId(c));
    return jsonResponse({ conflicts: { exist: await hasConflicts(scope, appointment) } });
  });
}
