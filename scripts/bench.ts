/**
 * `npm run bench`: runs every benchmark file (`packages/*\/bench/*.ts`, `apps/*\/bench/*.ts`) one after another, each
 * in its own Node process so one cannot warm or starve another. Each file prints its own figures, measured side by
 * side in that one run; this script runs them, reports which failed, and writes the figures each file records
 * (`recordBenchFigure`) to docs/decisions/bench-results.json, dated today, for the decision records
 * (`node scripts/decisions/records.ts` then puts them in the records). A failed file's figures are not kept.
 *
 * `npm run bench -- proxy` runs only files whose path contains "proxy".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_FIGURES_ENV, saveBenchFigures } from './bench-results.ts';

const root = join(import.meta.dirname, '..');
const filter = process.argv[2];
const files = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(group, name, 'bench')))
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith('.bench.ts'))
      .map((file) => join(dir, file)),
  )
  .filter((file) => !filter || file.includes(filter))
  .sort();

if (files.length === 0) {
  console.log('No benchmark files matched.');
  process.exit(1);
}

const failed: string[] = [];
const figuresDir = mkdtempSync(join(tmpdir(), 'clinik-bench-figures-'));
const today = new Date().toISOString().slice(0, 10);
let figures = 0;
try {
  for (const file of files) {
    console.log(`\n━━ ${file}`);
    const collected = join(figuresDir, `${files.indexOf(file)}.jsonl`);
    const result = spawnSync(process.execPath, ['--conditions=@clinikapi/source', '--expose-gc', join(root, file)], {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, [BENCH_FIGURES_ENV]: collected },
    });
    if (result.status !== 0) failed.push(file);
    else figures += saveBenchFigures(collected, file, today);
  }
} finally {
  rmSync(figuresDir, { recursive: true, force: true });
}
if (figures > 0) console.log(`\n${figures} figures written to docs/decisions/bench-results.json: run node scripts/decisions/records.ts`);
console.log(failed.length === 0 ? `\nAll ${files.length} benchmarks ran.` : `\nFailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
