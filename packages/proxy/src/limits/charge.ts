/**
 * Charges a request to several counts at once — its user's share, its role's share, the key's budget, a patient's
 * writes — and lets it through only when every one stays within its limit. A refused request gives back what it
 * took everywhere: the counts say what reached the upstream, so refusals of one user never spend anyone else's share.
 */
import type { MaybePromise } from '../maybe-promise.ts';
import type { WindowCount, WindowCounter } from './window-counter.ts';

export interface Charge {
  readonly counter: WindowCounter;
  readonly key: string;
  readonly amount: number;
  readonly limit: number;
  readonly windowMs: number;
  /** Why the request is refused when this charge goes over its limit, for the audit record (`budget:key`). */
  readonly reason: string;
}

export interface Refusal {
  readonly reason: string;
  /** Until the refusing count's window ends, at least 1. */
  readonly retryAfterSeconds: number;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

function giveBack(charge: Charge): void {
  try {
    const answer = charge.counter.add(charge.key, -charge.amount, charge.windowMs);
    // Nobody waits for a give-back; a failing store only leaves the count a little high until its window ends.
    if (isThenable(answer)) Promise.resolve(answer).catch(() => undefined);
  } catch {
    // As above.
  }
}

function settle(charges: readonly Charge[], counts: readonly WindowCount[]): Refusal | undefined {
  const over = charges.findIndex((charge, index) => (counts[index] as WindowCount).total > charge.limit);
  if (over < 0) return undefined;
  charges.forEach(giveBack);
  const refusing = charges[over] as Charge;
  return {
    reason: refusing.reason,
    retryAfterSeconds: Math.max(1, Math.ceil(((counts[over] as WindowCount).resetAt - Date.now()) / 1000)),
  };
}

/**
 * Adds every charge (in parallel, one round trip to a shared store); answers the refusal of the first charge in list
 * order that went over its limit, or `undefined`. In-memory counters answer synchronously, without a promise. When a
 * store fails, what was taken is given back and the failure is passed on.
 */
export function chargeAll(charges: readonly Charge[]): MaybePromise<Refusal | undefined> {
  const answers = charges.map((charge) => charge.counter.add(charge.key, charge.amount, charge.windowMs));
  if (!answers.some(isThenable)) return settle(charges, answers as WindowCount[]);
  return Promise.allSettled(answers).then((results) => {
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      results.forEach((result, index) => result.status === 'fulfilled' && giveBack(charges[index] as Charge));
      throw failed.reason;
    }
    return settle(
      charges,
      results.map((result) => (result as PromiseFulfilledResult<WindowCount>).value),
    );
  });
}
