/**
 * `patientCompartment` on Cliniko's resources, keyed on the user's Cliniko patient id:
 *
 * - their own patient record by id (`/patients/<theirs>`); a list of patients, or anyone else's, is refused (404 for
 *   someone else's, exactly like a record that does not exist);
 * - records of a patient (appointments, medical alerts): a list under `/patients/<id>/…` only for their id (else
 *   404); any other list is confined to them with `q[]=patient_id:=<theirs>`, and a `patient_id` condition that is
 *   anything else is a 404; every record an answer holds is checked. Reads, updates, cancellations and archives by
 *   id are checked against the record (updates and cancellations read it first);
 * - writes may name no other patient anywhere in the body, and a booking (or an alert) must name them;
 * - available times and the next available time are open to any patient user: they are computed from schedules,
 *   name nobody, and are what a booking page is for;
 * - other records of no patient (businesses, practitioners, appointment types, settings, users) only when listed in
 *   `shared`, and read-only.
 */
import type { ClinikoResourceDefinition } from '@clinikapi/core';
import { allow, deny, type PolicyDecision, type PolicyRequest } from '../policy/policy.ts';
import { bodyPatients } from './patients.ts';
import { patientConditions } from './query.ts';

/** Open to every patient user: booking pages are built on them. */
const BOOKING_TIMES: ReadonlySet<string> = new Set(['available_times', 'next_available_time']);
const READS: ReadonlySet<string> = new Set(['read', 'search']);

export function clinikoCompartment(
  request: PolicyRequest<ClinikoResourceDefinition>,
  patientId: string,
  shared: ReadonlySet<string>,
): PolicyDecision {
  const { resource, interaction, query } = request;
  const compartment = { patientId };
  const patientIds = [patientId];

  const parentPatient = request.parents?.find((parent) => parent.resource === 'patients');
  if (parentPatient && parentPatient.id !== patientId) return deny('compartment:other-patient', 404);

  if (!READS.has(interaction)) {
    const named = bodyPatients(request.body);
    if (named.unverifiable) return deny('compartment:unverifiable-patient-reference');
    if ([...named.ids].some((id) => id !== patientId)) return deny('compartment:body-names-another-patient');
    if (interaction === 'create' && resource.patientLink === 'patient' && !named.ids.has(patientId))
      return deny('compartment:create-without-patient');
  }

  if (resource.patientLink === null) {
    if (BOOKING_TIMES.has(resource.path)) return allow({ reason: 'compartment:booking-times', patientIds });
    if (!shared.has(resource.path)) return deny('compartment:not-shared');
    if (READS.has(interaction)) return allow({ reason: 'compartment:shared-resource', compartment, patientIds });
    return deny('compartment:shared-resource-read-only');
  }

  if (resource.patientLink === 'self') {
    if (interaction === 'search') return deny('compartment:patient-search');
    if (interaction === 'create') return deny('compartment:patient-create');
    if (request.id !== patientId) return deny('compartment:other-patient', 404);
    return allow({ reason: 'compartment:own-patient', compartment, patientIds });
  }

  if (interaction === 'search' && !parentPatient) {
    const conditions = patientConditions(query);
    if (!conditions.onlyEquals || conditions.ids.some((id) => id !== patientId)) return deny('compartment:search-other-patient', 404);
    const confined = new URLSearchParams(query);
    if (conditions.ids.length === 0) confined.append('q[]', `patient_id:=${patientId}`);
    return allow({ reason: 'compartment:search-confined', query: confined, compartment, patientIds });
  }
  return allow({ reason: `compartment:${interaction}`, compartment, patientIds });
}
