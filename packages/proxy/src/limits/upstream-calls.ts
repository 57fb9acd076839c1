/** How many upstream calls a call costs: the budget is charged for all of them before the first is made. */
import type { ApiCall } from '../call.ts';

/**
 * True when forwarding `call` reads the record first: an update or delete inside a patient compartment, of a record
 * that links to its patient (rather than being the Patient itself), is checked and pinned to the version read.
 */
export function needsPreflight(call: ApiCall, compartment: { readonly patientId: string } | undefined): boolean {
  const patientLinked = call.resource.patientLink !== null && call.resource.patientLink !== 'self';
  return compartment !== undefined && patientLinked && (call.interaction === 'update' || call.interaction === 'delete');
}

/** 2 when the call needs a preflight read, else 1. */
export function upstreamCallCount(call: ApiCall, compartment: { readonly patientId: string } | undefined): number {
  return needsPreflight(call, compartment) ? 2 : 1;
}
