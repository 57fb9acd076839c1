/** The Node versions the packages declare, and whether everything they install agrees. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import semver from 'semver';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

function readManifest(packageDir: string): Manifest {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
}

/** The one `engines.node` range every package declares; throws when one declares none or they disagree. */
export function declaredNodeRange(packageDirs: readonly string[]): string {
  const ranges = new Set(packageDirs.map((dir) => readManifest(dir).engines?.node ?? `none in ${dir}`));
  const [range, ...others] = [...ranges];
  if (range === undefined || others.length > 0 || !semver.validRange(range)) {
    throw new Error(`the packages must declare one engines.node range; found ${[...ranges].join(' · ')}`);
  }
  return range;
}

export function lowestVersion(range: string): string {
  const lowest = semver.minVersion(range);
  if (!lowest) throw new Error(`no version satisfies ${range}`);
  return lowest.version;
}

/** Where Node would load `name` from, starting at `fromDir`. */
function installedDir(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every installed package reachable from `roots` (dependencies and installed peers) whose own `engines.node` does not
 * accept every version of `range`: `name@version wants <its range>` lines.
 */
export function enginesDisagreeing(appDir: string, roots: readonly string[], range: string): string[] {
  const seen = new Set<string>();
  const disagreeing: string[] = [];
  const queue = roots.map((name) => installedDir(appDir, name)).filter((dir) => dir !== undefined);
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    const manifest = readManifest(dir);
    const wants = manifest.engines?.node;
    if (wants && !semver.subset(range, wants, { includePrerelease: false }))
      disagreeing.push(`${manifest.name}@${manifest.version} wants ${wants}`);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      const found = installedDir(dir, name);
      if (found) queue.push(found);
    }
  }
  return disagreeing;
}
