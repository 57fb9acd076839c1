/**
 * How sure a run is of its median. On a small, shared machine one round can be 15% off the next, so a median of
 * eight rounds that lands a little above a target says little by itself. This gives the distribution-free
 * confidence interval of a median from order statistics: whatever the rounds' distribution, the true median lies
 * between the k-th smallest and the k-th largest round with probability 1 − 2·P(Binomial(n, ½) < k). The widest
 * such pair reaching the wanted confidence is returned, with the confidence it actually has.
 */

export interface MedianInterval {
  readonly median: number;
  readonly low: number;
  readonly high: number;
  /** What the interval really covers; below the asked level when there are too few rounds (fewer than 5 for 90%). */
  readonly confidence: number;
}

/** P(Binomial(n, ½) ≤ k), exactly for the small n of a bench. */
function binomialAtMost(n: number, k: number): number {
  let term = 0.5 ** n;
  let sum = term;
  for (let i = 1; i <= k; i += 1) {
    term = (term * (n - i + 1)) / i;
    sum += term;
  }
  return sum;
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

function middleOf(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function median(values: readonly number[]): number {
  return middleOf(ascending(values));
}

export function medianInterval(values: readonly number[], level = 0.9): MedianInterval {
  if (values.length === 0) throw new RangeError('medianInterval needs at least one value');
  const sorted = ascending(values);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  // k = 1 is the full range; each step inwards narrows the interval and lowers its confidence.
  let k = 1;
  while (k + 1 <= middle && 1 - 2 * binomialAtMost(n, k) >= level) k += 1;
  return {
    median: middleOf(sorted),
    low: sorted[k - 1] as number,
    high: sorted[n - k] as number,
    confidence: 1 - 2 * binomialAtMost(n, k - 1),
  };
}

export type Verdict = 'met' | 'NOT met' | 'not decided by this run';

/**
 * Met when the whole interval is on the target's side, not met when all of it is on the other, else undecided — and
 * undecided whenever the interval is less sure than `minConfidence` (too few rounds).
 */
export function verdict(interval: MedianInterval, target: number, better: 'higher' | 'lower', minConfidence = 0.9): Verdict {
  const { low, high } = interval;
  if (interval.confidence < minConfidence) return 'not decided by this run';
  if (better === 'higher' ? low >= target : high <= target) return 'met';
  if (better === 'higher' ? high < target : low > target) return 'NOT met';
  return 'not decided by this run';
}
