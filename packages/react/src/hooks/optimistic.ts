/**
 * The optimistic value of an update, where it can be computed safely: only when the request's shape is the
 * response's shape. That holds for patients (simplified fields in, PatientSummary out). The other widget resources
 * take simplified fields but answer FHIR, and a JSON Patch can fail its `test` op — for those the cache is updated
 * from the server's answer instead, which arrives a round trip later and is never wrong.
 */
import type { PatientSummary, ResourcePath } from '@clinikapi/core';

export function optimisticUpdate(path: ResourcePath, previous: unknown, changes: unknown): unknown {
  if (path !== 'patients' || previous === undefined || changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
    return undefined;
  }
  const current = previous as PatientSummary;
  const next = { ...current, ...(changes as Partial<PatientSummary>), id: current.id, meta: current.meta };
  if ('firstName' in changes || 'lastName' in changes) next.fullName = `${next.firstName} ${next.lastName}`.trim();
  return next;
}
