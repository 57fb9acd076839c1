/**
 * What a call will spend is charged before it is sent — a patient's writes, then the key's upstream budget — and the
 * call goes on only when every count stays within its limit. A refusal is a 429 with `Retry-After`; its reason
 * (`budget:role-share`, `limit:patient-writes`, ...) goes to the audit record.
 */
import type { ApiCall } from '../call.ts';
import type { ApiDialect } from '../dialect.ts';
import { ProxyError } from '../errors.ts';
import type { ProxyUser } from '../request-context.ts';
import type { PreparedKey } from '../upstream/api-key.ts';
import { chargeAll, type Charge, type Refusal } from './charge.ts';
import type { PatientWrites } from './patient-writes.ts';
import type { UpstreamBudget } from './upstream-budget.ts';
import { upstreamCallCount } from './upstream-calls.ts';

/** Charges what an approved call will spend; throws the 429 when a count would go over. */
export type Spend = (
  call: ApiCall,
  user: ProxyUser,
  key: PreparedKey,
  compartment: { readonly patientId: string } | undefined,
) => Promise<void>;

function refused(refusal: Refusal): ProxyError {
  return new ProxyError('RATE_LIMITED', 'Too many requests; try again later', {
    headers: { 'retry-after': String(refusal.retryAfterSeconds) },
    reason: refusal.reason,
  });
}

/** The spending check, or `undefined` when neither limit is configured. */
export function createSpend(writes: PatientWrites | undefined, budget: UpstreamBudget | undefined, dialect: ApiDialect): Spend | undefined {
  if (!writes && !budget) return undefined;
  return async (call, user, key, compartment) => {
    const charges: Charge[] = [];
    if (writes && compartment && call.interaction !== 'read' && call.interaction !== 'search') {
      charges.push(...writes.charges(user.id, call.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(call.body))));
    }
    if (budget) charges.push(...budget.charges(user, key.fingerprint, upstreamCallCount(call, compartment, dialect)));
    if (charges.length === 0) return;
    const refusal = await chargeAll(charges);
    if (refusal) throw refused(refusal);
  };
}
