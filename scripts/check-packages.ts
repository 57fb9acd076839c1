/**
 * What a published package must get right, checked on the built packages (run after `npm run build`):
 *
 *   node scripts/check-packages.ts publint   package.json fields and files agree (publint)
 *   node scripts/check-packages.ts types     types resolve for ESM consumers (@arethetypeswrong/cli, esm-only)
 *   node scripts/check-packages.ts size      @clinikapi/react's size budgets (size-limit, packages/react/.size-limit.js),
 *                                            its stylesheet's budget, and importing one hook pulls in no widget code
 *
 * and on the sources (no build needed):
 *
 *   node scripts/check-packages.ts manifests      each manifest's metadata, and every internal dependency pinned to
 *                                                 the version that package has in the workspace (the pins Changesets
 *                                                 keeps in step: `.changeset/config.json`)
 *   node scripts/check-packages.ts publish-ready  `manifests`, and also the public addresses (`repository`, `homepage`,
 *                                                 `bugs`) a published package needs; each package's `prepublishOnly`
 *
 * `npm test` runs each but `publish-ready` as one static check. Exits non-zero when anything fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { checkManifests, type WorkspaceManifest } from './package-manifests.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PACKAGES = ['core', 'emulator', 'proxy', 'react'] as const;
/** Entry points that are not JavaScript, so have no types to check. */
const NON_CODE_ENTRYPOINTS: Partial<Record<(typeof PACKAGES)[number], string[]>> = { react: ['./styles.css', './styles.layer.css'] };
const PEERS = /^(react|react-dom|@tanstack\/react-query)(\/|$)/;

function run(command: string, args: readonly string[], cwd = ROOT): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd, stdio: 'inherit', shell: false }).status === 0;
}

function publint(): boolean {
  return PACKAGES.map((name) => run('publint', [join('packages', name)])).every(Boolean);
}

function types(): boolean {
  return PACKAGES.map((name) => {
    const excluded = NON_CODE_ENTRYPOINTS[name] ?? [];
    return run('attw', [
      '--pack',
      join('packages', name),
      '--profile',
      'esm-only',
      '--format',
      'ascii',
      ...(excluded.length > 0 ? ['--exclude-entrypoints', ...excluded] : []),
    ]);
  }).every(Boolean);
}

/** The modules a bundler keeps for `import { usePatient } from '@clinikapi/react'`: none may be a widget's. */
async function oneHookPullsNoWidget(): Promise<boolean> {
  const dist = join(ROOT, 'packages/react/dist');
  const dir = mkdtempSync(join(tmpdir(), 'clinik-one-hook-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(
      entry,
      `import { usePatient } from ${JSON.stringify(`./${relative(dir, join(dist, 'index.js'))}`)};\nconsole.log(usePatient);\n`,
    );
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: { write: false, minify: false, rolldownOptions: { input: entry, external: (id) => PEERS.test(id), onLog() {} } },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const modules = outputs.flatMap((output) =>
      'output' in output ? output.output.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : [])) : [],
    );
    const fromDist = modules.filter((id) => id.startsWith(dist)).map((id) => relative(dist, id));
    const widgetCode = fromDist.filter((id) => /^(components|ui|styles)\//.test(id) || id.endsWith('.css'));
    console.log(`import { usePatient }: ${fromDist.length} modules (${fromDist.join(', ')})`);
    if (fromDist.length === 0) console.log('✘ the bundle is empty: is packages/react built?');
    if (widgetCode.length > 0) console.log(`✘ widget code in a hook import: ${widgetCode.join(', ')}`);
    return fromDist.length > 0 && widgetCode.length === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * styles.css as an app's production build ships it: minified by Vite, gzipped. 7.23 kB (6.83 kB while it was layered,
 * before the host-page guards of docs/decisions/0069-widget-styles-and-the-host-page.md), 7.69 kB with the Cliniko
 * widgets' rules (choices drawn as chips and cards, a day's type colours, the booking summary); ~3% headroom, as the
 * JS budgets.
 */
const STYLESHEET_BUDGET_BYTES = 7_900;

async function stylesheetWithinBudget(): Promise<boolean> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: join(ROOT, 'packages/react'),
    build: { write: false, cssMinify: true, rolldownOptions: { input: join(ROOT, 'packages/react/dist/styles.css') } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const css = outputs
    .flatMap((output) => ('output' in output ? output.output : []))
    .find((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
  if (css?.type !== 'asset') {
    console.log('✘ no stylesheet: is packages/react built?');
    return false;
  }
  const bytes = gzipSync(css.source).length;
  const ok = bytes <= STYLESHEET_BUDGET_BYTES;
  console.log(`${ok ? '✔' : '✘'} @clinikapi/react/styles.css, minified and gzipped: ${bytes} B (budget ${STYLESHEET_BUDGET_BYTES} B)`);
  return ok;
}

async function size(): Promise<boolean> {
  const budgets = run('size-limit', [], join(ROOT, 'packages/react'));
  const stylesheet = await stylesheetWithinBudget();
  const noWidget = await oneHookPullsNoWidget();
  return budgets && stylesheet && noWidget;
}

/** Every workspace's manifest (the root's `workspaces`), the private demo included: its pins must keep step too. */
function workspaceManifests(): WorkspaceManifest[] {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  const { workspaces } = read('package.json') as { workspaces: string[] };
  return workspaces.map((dir) => ({ dir, manifest: read(join(dir, 'package.json')) as WorkspaceManifest['manifest'] }));
}

function manifests(forPublish: boolean): boolean {
  const { problems, notes } = checkManifests(workspaceManifests(), { forPublish });
  for (const note of notes) console.log(`• ${note}`);
  for (const problem of problems) console.log(`✘ ${problem}`);
  if (problems.length === 0) console.log(`✔ package manifests${forPublish ? ', ready to publish' : ''}`);
  return problems.length === 0;
}

const checks: Record<string, () => boolean | Promise<boolean>> = {
  publint,
  types,
  size,
  manifests: () => manifests(false),
  'publish-ready': () => manifests(true),
};
const requested = process.argv[2];
const check = requested ? checks[requested] : undefined;
if (!check) {
  console.error(`usage: node scripts/check-packages.ts ${Object.keys(checks).join('|')}`);
  process.exit(2);
}
process.exit((await check()) ? 0 : 1);
