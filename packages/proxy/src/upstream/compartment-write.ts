/**
 * An update or delete inside a patient compartment: the record is read first and must be the patient's (else 404,
 * as for a record that does not exist); an update that is a JSON Patch is applied to that record here, and the record
 * it would produce must still be theirs alone and name no patient the record did not name before. The write is then
 * pinned to the version checked (`If-Match`), so nothing can change hands in between.
 */
import { JsonPatchError, applyJsonPatch, parseJsonPatch, type ResourceDefinition } from '@clinikapi/core';
import type { ApiCall } from '../call.ts';
import { ProxyError } from '../errors.ts';
import { namedPatients, withinCompartment } from '../policy/patient-references.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The record a JSON Patch (an array) would leave behind. An object PATCH is a merge of the path's simplified fields
 * on every path — its FHIR result needs the API's own mapping — so the policy checks its fields instead (core's
 * reference fields): `undefined`.
 */
function patchedRecord(call: ApiCall, record: Record<string, unknown>): unknown {
  if (!Array.isArray(call.body)) return undefined;
  try {
    return applyJsonPatch(record, parseJsonPatch(call.body));
  } catch (error) {
    if (!(error instanceof JsonPatchError)) throw error;
    throw error.kind === 'conflict'
      ? new ProxyError('CONFLICT', 'The JSON Patch cannot be applied to the current version of the resource', {
          reason: 'compartment:patch-does-not-apply',
        })
      : new ProxyError('BAD_REQUEST', 'The JSON Patch document is malformed', { reason: 'compartment:patch-malformed' });
  }
}

/**
 * Checks the record an update or delete targets (`data` of the read answer) and what the update would make of it.
 * Throws the 404 for a record that is not the patient's, and a 403 for a write that would make it someone else's.
 */
export function checkCompartmentWrite(call: ApiCall, definition: ResourceDefinition, record: unknown, patientId: string): void {
  if (!isObject(record) || !withinCompartment(record, definition, patientId)) {
    throw new ProxyError('NOT_FOUND', 'Resource not found', { reason: 'compartment:record-of-another-patient' });
  }
  if (call.interaction !== 'update') return;
  const after = patchedRecord(call, record);
  if (after === undefined) return;
  // Only what the write brings in counts: a reference someone else already put in the record is not the patient's doing.
  const before = namedPatients(record);
  const named = namedPatients(after);
  const introduced = [...named.ids].filter((id) => id !== patientId && !before.ids.has(id));
  if (!withinCompartment(after, definition, patientId) || (named.unverifiable && !before.unverifiable) || introduced.length > 0) {
    throw new ProxyError('FORBIDDEN', 'You do not have access to this', { reason: 'compartment:write-would-leave-compartment' });
  }
}
