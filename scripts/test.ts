/**
 * `npm test`: every check a change must pass, in one command, the same locally and in CI. Static checks and builds
 * count as one test each; Vitest's projects contribute their own tests. Ends with the plain summary line
 * `N passed, N failed` that CI reads, and exits non-zero if anything failed.
 *
 * `npm test -- --project react` runs only that Vitest project (and skips the static checks). Without it, the
 * `outside` project (a fresh clone, a stranger's app) runs last, on its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

const STATIC_CHECKS: readonly Step[] = [
  { name: 'lint', command: 'eslint', args: ['--max-warnings', '0', '.'] },
  // Layout is Prettier's (.prettierrc.json); `npx prettier --write .` fixes what this finds.
  { name: 'format', command: 'prettier', args: ['--check', '.'] },
  { name: 'typecheck', command: 'tsc', args: ['-b'] },
  { name: 'package manifests', command: 'node', args: ['scripts/check-packages.ts', 'manifests'] },
  { name: 'decision records', command: 'node', args: ['scripts/decisions/records.ts', '--check'] },
  { name: 'build packages', command: 'npm', args: ['run', 'build', '--silent'] },
  // On the packages just built: see scripts/check-packages.ts.
  { name: 'publint', command: 'node', args: ['scripts/check-packages.ts', 'publint'] },
  { name: 'are the types wrong', command: 'node', args: ['scripts/check-packages.ts', 'types'] },
  { name: 'size budgets', command: 'node', args: ['scripts/check-packages.ts', 'size'] },
  // Every entry's public surface against its checked-in report: see scripts/api-report.ts.
  { name: 'API reports', command: 'node', args: ['scripts/api-report.ts'] },
];

const vitestArgs = process.argv.slice(2);
const onlySomeProjects = vitestArgs.includes('--project');
let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(step: Step): boolean {
  const started = performance.now();
  console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', shell: false });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${step.name} (${seconds} s)`);
  return ok;
}

if (!onlySomeProjects) {
  for (const step of STATIC_CHECKS) {
    if (run(step)) passed += 1;
    else {
      failed += 1;
      failures.push(step.name);
    }
  }
}

/** Runs Vitest with `args` and adds what its JSON report counts to the totals. */
function runVitest(name: string, args: readonly string[]): void {
  const reportDir = mkdtempSync(join(tmpdir(), 'clinik-test-report-'));
  const reportFile = join(reportDir, 'vitest.json');
  const vitestOk = run({
    name,
    command: 'vitest',
    args: ['run', '--config', 'vitest.workspace.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...args],
  });
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
      testResults: { name: string; status: string; message?: string }[];
    };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load has no tests to count; count it, so a broken suite can never look green.
    const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.message);
    failed += brokenFiles.length;
    failures.push(...brokenFiles.map((file) => `could not run ${file.name}`));
    if (report.numPendingTests + report.numTodoTests > 0) {
      failed += report.numPendingTests + report.numTodoTests;
      failures.push(`${report.numPendingTests + report.numTodoTests} skipped or todo tests in ${name} (none are allowed)`);
    }
    if (!vitestOk && report.numFailedTests === 0 && brokenFiles.length === 0) {
      failed += 1;
      failures.push(`${name} exited with an error`);
    }
  } catch {
    failed += 1;
    failures.push(`${name} produced no report`);
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

if (onlySomeProjects) runVitest('vitest', vitestArgs);
else {
  // The outside-in suites install from the registry, start servers and a browser: run alone, after the rest, so
  // they neither slow the other suites nor are slowed by them.
  runVitest('vitest', ['--project', '!outside', ...vitestArgs]);
  runVitest('vitest: outside-in', ['--project', 'outside', ...vitestArgs]);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
