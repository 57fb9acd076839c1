/** How many upstream calls a call costs: the budget is charged for all of them before the first is made. */
import type { ApiCall } from '../call.ts';
import type { ApiDialect } from '../dialect.ts';

/**
 * ClinikAPI's rule: forwarding `call` reads the record first when it is an update or delete inside a patient
 * compartment of a record that links to its patient (rather than being the Patient itself); the write is checked
 * against it and pinned to the version read.
 */
export function needsPreflight(call: ApiCall, compartment: { readonly patientId: string } | undefined): boolean {
  const patientLinked = call.resource.patientLink !== null && call.resource.patientLink !== 'self';
  return compartment !== undefined && patientLinked && (call.interaction === 'update' || call.interaction === 'delete');
}

/** 2 when the call needs a preflight read (by its API's rule: `dialect.preflight`, which forward.ts follows), else 1. */
export function upstreamCallCount(
  call: ApiCall,
  compartment: { readonly patientId: string } | undefined,
  dialect: Pick<ApiDialect, 'preflight'>,
): number {
  return dialect.preflight(call, compartment) ? 2 : 1;
}
