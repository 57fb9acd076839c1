/** Timing helpers shared by the benchmark scripts: run, collect, and print percentiles. */

export interface Summary {
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

const percentile = (sorted: readonly number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Times `work` `runs` times (after `warmup` untimed runs), in milliseconds. */
export async function timeEach(runs: number, warmup: number, work: (index: number) => Promise<unknown>): Promise<Summary> {
  for (let index = 0; index < warmup; index++) await work(index);
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await work(index);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

const ms = (value: number): string => `${value < 1 ? value.toFixed(4) : value.toFixed(2)} ms`;

export function report(label: string, summary: Summary, target?: { p50: number }): void {
  const verdict = target ? (summary.p50 <= target.p50 ? `  ✓ target p50 ≤ ${ms(target.p50)}` : `  ✗ target p50 ≤ ${ms(target.p50)}`) : '';
  console.log(
    `${label.padEnd(52)} p50 ${ms(summary.p50).padStart(11)}  p95 ${ms(summary.p95).padStart(11)}  p99 ${ms(summary.p99).padStart(11)}  (${summary.runs} runs)${verdict}`,
  );
}
