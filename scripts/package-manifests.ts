/**
 * What the workspace manifests must say, as plain data in, problems out (`scripts/check-packages.ts manifests`).
 *
 * Internal dependencies are pinned to the exact version the other package has in the workspace: the packages are
 * released together, and Changesets rewrites these pins on every `changeset version` (`updateInternalDependencies`),
 * so a pin that differs was edited by hand — and npm would fetch that version from the registry instead of linking
 * the workspace.
 *
 * The public addresses (`repository`, `homepage`, `bugs`) are not known yet: the repository has no public home. They
 * are checked when present and required only before a publish (`forPublish`), so nobody publishes a guessed URL.
 */

export interface WorkspaceManifest {
  /** The workspace folder, as the root `workspaces` lists it (`packages/core`). */
  readonly dir: string;
  readonly manifest: {
    readonly name: string;
    readonly version: string;
    readonly private?: boolean;
    readonly description?: string;
    readonly license?: string;
    readonly engines?: { readonly node?: string };
    readonly repository?: unknown;
    readonly homepage?: unknown;
    readonly bugs?: unknown;
    readonly dependencies?: Readonly<Record<string, string>>;
    readonly devDependencies?: Readonly<Record<string, string>>;
    readonly peerDependencies?: Readonly<Record<string, string>>;
    readonly optionalDependencies?: Readonly<Record<string, string>>;
  };
}

export interface ManifestReport {
  /** Each one fails the check. */
  readonly problems: string[];
  /** Said, not failed: what a publish will still need. */
  readonly notes: string[];
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

const isHttpsUrl = (value: unknown): boolean => typeof value === 'string' && /^https:\/\/[^/\s]+\.[^/\s]+/.test(value);

/** `repository`, `homepage` and `bugs` of one published package: present ones must be well formed. */
function publicAddressProblems({ dir, manifest }: WorkspaceManifest, forPublish: boolean): { problems: string[]; missing: string[] } {
  const problems: string[] = [];
  const missing: string[] = [];
  const { repository, homepage, bugs } = manifest;
  if (repository === undefined) missing.push('repository');
  else {
    const repo = repository as { type?: unknown; url?: unknown; directory?: unknown };
    if (repo.type !== 'git' || typeof repo.url !== 'string' || !/^git\+https:\/\//.test(repo.url))
      problems.push(`${manifest.name}: repository must be { "type": "git", "url": "git+https://…", "directory": "${dir}" }`);
    if (repo.directory !== dir) problems.push(`${manifest.name}: repository.directory must be "${dir}"`);
  }
  if (homepage === undefined) missing.push('homepage');
  else if (!isHttpsUrl(homepage)) problems.push(`${manifest.name}: homepage must be an https URL`);
  if (bugs === undefined) missing.push('bugs');
  else if (!isHttpsUrl((bugs as { url?: unknown }).url ?? bugs)) {
    problems.push(`${manifest.name}: bugs must be an https URL (or { "url" })`);
  }
  if (forPublish && missing.length > 0) {
    problems.push(`${manifest.name}: ${missing.join(', ')} missing — required before publishing (CONTRIBUTING.md, "Releasing")`);
  }
  return { problems, missing };
}

export function checkManifests(workspaces: readonly WorkspaceManifest[], { forPublish }: { forPublish: boolean }): ManifestReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const versions = new Map(workspaces.map(({ manifest }) => [manifest.name, manifest.version]));
  const published = workspaces.filter(({ manifest }) => manifest.private !== true);

  for (const workspace of published) {
    const { manifest } = workspace;
    for (const field of ['description', 'license'] as const) {
      if (typeof manifest[field] !== 'string' || manifest[field] === '') problems.push(`${manifest.name}: no ${field}`);
    }
    if (!manifest.engines?.node) problems.push(`${manifest.name}: no engines.node`);
    const addresses = publicAddressProblems(workspace, forPublish);
    problems.push(...addresses.problems);
    if (!forPublish && addresses.missing.length > 0) {
      notes.push(`${manifest.name}: ${addresses.missing.join(', ')} not set yet (needed before publishing)`);
    }
  }

  // One supported Node range for everything a user installs together.
  const engines = new Set(published.map(({ manifest }) => manifest.engines?.node));
  if (engines.size > 1) problems.push(`engines.node differs between packages: ${[...engines].join(' / ')}`);

  for (const { manifest } of workspaces) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const version = versions.get(name);
        if (version !== undefined && range !== version) {
          problems.push(
            `${manifest.name}: ${field}["${name}"] is "${range}", but ${name} is ${version} in the workspace ` +
              '(Changesets keeps these pins: run `changeset version`, never edit them by hand)',
          );
        }
      }
    }
  }
  return { problems, notes };
}
