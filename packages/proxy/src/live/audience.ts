/**
 * May this user learn that this record changed? Decided exactly as showing them such a record in an answer is: the
 * policy's decision about the type (`purpose: 'include'`; the hub keeps it per stream and type), and where it
 * confines the user to a compartment, the record must be that patient's — by the same one-patient rule as a read.
 * What they are told names only the patients they may know of: all of them, or their own.
 */
import type { ResourceDefinition } from '@clinikapi/core';
import type { PolicyDecision } from '../policy/policy.ts';
import type { LiveChange } from './change.ts';

/** The patient ids to tell the user, or false: they are not told at all. */
export type Verdict = readonly string[] | false;

/** What a user whose policy decided `decision` for the changed record's type is told: the patients, or false. */
export function verdictOf(decision: PolicyDecision, definition: ResourceDefinition, change: LiveChange): Verdict {
  if (decision.effect === 'deny') return false;
  const patients = change.patients;
  if (!decision.compartment) return patients ?? [];
  // A record of no patient that the policy lets them read (a shared resource).
  if (definition.patientLink === null) return [];
  const own = decision.compartment.patientId;
  return patients?.includes(own) ? [own] : false;
}
