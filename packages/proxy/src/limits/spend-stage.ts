/**
 * The stage between authorization and the upstream: what the call will spend is charged — a patient's writes, then
 * the key's upstream budget — and the call goes on only when every count stays within its limit. A refusal is a 429
 * with `Retry-After`; its reason (`budget:role-share`, `limit:patient-writes`, ...) goes to the audit record.
 */
import type { RequestHandler } from 'express';
import type { ApiDialect } from '../dialect.ts';
import { ProxyError } from '../errors.ts';
import { getState } from '../request-context.ts';
import { whenSettled } from '../settle.ts';
import { chargeAll, type Charge, type Refusal } from './charge.ts';
import type { PatientWrites } from './patient-writes.ts';
import type { UpstreamBudget } from './upstream-budget.ts';
import { upstreamCallCount } from './upstream-calls.ts';

function refused(refusal: Refusal): ProxyError {
  return new ProxyError('RATE_LIMITED', 'Too many requests; try again later', {
    headers: { 'retry-after': String(refusal.retryAfterSeconds) },
    reason: refusal.reason,
  });
}

/** The stage, or `undefined` when neither limit is configured. */
export function spendStage(writes: PatientWrites | undefined, budget: UpstreamBudget | undefined, dialect: ApiDialect): RequestHandler | undefined {
  if (!writes && !budget) return undefined;
  return (req, _res, next) => {
    const state = getState(req);
    const { call, user, key, compartment } = state;
    if (!call || !user || !key) throw new ProxyError('INTERNAL_ERROR', 'The proxy stages ran out of order', { reason: 'internal:stage-order' });
    const charges: Charge[] = [];
    if (writes && compartment && call.interaction !== 'read' && call.interaction !== 'search') {
      charges.push(...writes.charges(user.id, call.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(call.body))));
    }
    if (budget) charges.push(...budget.charges(user, key.fingerprint, upstreamCallCount(call, compartment, dialect)));
    if (charges.length === 0) return next();
    return whenSettled(chargeAll(charges), (refusal) => {
      if (refusal) throw refused(refusal);
      next();
    });
  };
}
