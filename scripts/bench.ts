/**
 * `npm run bench`: runs every benchmark file (`packages/*\/bench/*.ts`, `apps/*\/bench/*.ts`) one after another, each
 * in its own Node process so one cannot warm or starve another. Each file prints its own figures, measured side by
 * side in that one run; this script only runs them and reports which failed.
 *
 * `npm run bench -- proxy` runs only files whose path contains "proxy".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const filter = process.argv[2];
const files = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(group, name, 'bench')))
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) => readdirSync(join(root, dir)).filter((file) => file.endsWith('.bench.ts')).map((file) => join(dir, file)))
  .filter((file) => !filter || file.includes(filter))
  .sort();

if (files.length === 0) {
  console.log('No benchmark files matched.');
  process.exit(1);
}

const failed: string[] = [];
for (const file of files) {
  console.log(`\n━━ ${file}`);
  const result = spawnSync(process.execPath, ['--conditions=@clinikapi/source', '--expose-gc', join(root, file)], {
    stdio: 'inherit',
    cwd: root,
  });
  if (result.status !== 0) failed.push(file);
}
console.log(failed.length === 0 ? `\nAll ${files.length} benchmarks ran.` : `\nFailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
