/**
 * The bench figures the decision records quote, as data: `docs/decisions/bench-results.json`, one entry per figure id.
 *
 * A bench file calls `recordBenchFigure(id, figure)` for each figure a record shows; `npm run bench` (scripts/bench.ts)
 * collects them and writes them to the results file with the date and the bench file that measured them, keeping
 * the figures no bench measured this time. `node scripts/decisions/records.ts` then writes them into the records.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_RESULTS_FILE = join(import.meta.dirname, '../docs/decisions/bench-results.json');
/** Set by scripts/bench.ts for each bench file: where that file's figures are appended, one JSON line each. */
export const BENCH_FIGURES_ENV = 'CLINIKAPI_BENCH_FIGURES';

export interface BenchFigure {
  /** The median across rounds; left out when the figure is a range of whole runs (`low`–`high`). */
  readonly median?: number;
  /** The median's interval (median-interval.ts), or the range of the runs when there is no median. */
  readonly low?: number;
  readonly high?: number;
  /** Written right after the number: `%`, `×`, ` ms`, ` kB`. */
  readonly unit: string;
  /** Decimal places shown. */
  readonly digits: number;
  /** Rounds (or runs) the figure comes from. */
  readonly rounds?: number;
}

export interface BenchResult extends BenchFigure {
  /** The day it was measured, YYYY-MM-DD. */
  readonly measured: string;
  /** The bench file that measures it. */
  readonly source: string;
}

export type BenchResults = Record<string, BenchResult>;

/** Called by a bench file: outside `npm run bench` (no collecting file) it does nothing. */
export function recordBenchFigure(id: string, figure: BenchFigure): void {
  const file = process.env[BENCH_FIGURES_ENV];
  if (!file) return;
  const { median, low, high, unit, digits, rounds } = figure;
  // Two places more than shown: enough to round again, short enough to read in a diff.
  const kept = (value: number | undefined) => (value === undefined ? undefined : Number(value.toFixed(digits + 2)));
  appendFileSync(file, `${JSON.stringify({ id, median: kept(median), low: kept(low), high: kept(high), unit, digits, rounds })}\n`);
}

export function readBenchResults(file = BENCH_RESULTS_FILE): BenchResults {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : {};
}

/** Merges one bench file's collected figures into the results file, ids sorted so diffs stay small. */
export function saveBenchFigures(collected: string, source: string, measured: string, file = BENCH_RESULTS_FILE): number {
  if (!existsSync(collected)) return 0;
  const results = readBenchResults(file);
  const lines = readFileSync(collected, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const { id, ...figure } = JSON.parse(line) as BenchFigure & { id: string };
    results[id] = { ...figure, measured, source };
  }
  const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return lines.length;
}

/** How a record shows a figure: `72.5% (interval 69.4–81.3%)`, `16.8 ms`, or a range of runs `862–1,101 events/s`. */
export function formatFigure({ median, low, high, unit, digits }: BenchFigure): string {
  const number = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const range = low !== undefined && high !== undefined ? `${number(low)}–${number(high)}${unit}` : undefined;
  if (median === undefined) {
    if (!range) throw new Error('a figure needs a median or a range');
    return range;
  }
  return range ? `${number(median)}${unit} (interval ${range})` : `${number(median)}${unit}`;
}
