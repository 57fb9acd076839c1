/**
 * What each widget costs an app's bundle (`npm run bench -- react`). For every widget `@clinikapi/react` exports at
 * the time it runs (read from `src/index.ts`, so widgets appear as they land), an app entry that imports only that
 * widget is bundled as an app's production build would — Vite (Rolldown), minified, tree-shaken — with react,
 * react-dom and @tanstack/react-query left out (the app has them), and gzipped. It prints, per widget:
 *
 *  - alone: the widget's whole cost when it is the only one an app uses (data layer, shared UI, zod, react-hook-form);
 *  - own: the widget's own folder in the bundle, unminified — the part no other widget shares;
 *  - tree-shakes: whether importing it pulls in any other widget's folder (a failure fails the bench);
 *
 * then the whole set, every widget at once, and the ten widgets of issue 6 together, each against the 60 kB min+gz
 * target, and where the whole set's shared bytes go. Code loaded only on demand (the `proxyUrl="demo"` chunk) is
 * not counted: an app never downloads it unless it asks.
 *
 * Why Vite: it is what this repo builds with and what many apps use. (While core's schemas were classic zod, esbuild
 * kept the whole of zod behind its `export * as z`, ≈ 93 kB min+gz for one schema against ≈ 25 kB with Rolldown;
 * with `zod/mini` both keep only what is used, ≈ 10.7 kB for the observation schema.) The sources are bundled
 * (through the `@clinikapi/source` condition): `dist` is the same modules one file per module, unminified, and
 * bundling the sources keeps the figures current without a build step.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

const PACKAGE = join(import.meta.dirname, '..');
const INDEX = join(PACKAGE, 'src/index.ts');
const COMPONENTS = join(PACKAGE, 'src/components');
const PEERS = /^(react|react-dom|@tanstack\/react-query)(\/|$)/;
const TARGET_KB = 60;

/** Widgets are the components the root exports under their folder's name (`VitalsWidget` from `VitalsWidget/`). */
function exportedWidgets(): string[] {
  const source = readFileSync(INDEX, 'utf8');
  const widgets = new Set<string>();
  for (const match of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/components\/([A-Za-z0-9]+)\/index\.ts'/g)) {
    const names = (match[1] as string).split(',').map((name) => name.trim());
    if (names.includes(match[2] as string)) widgets.add(match[2] as string);
  }
  return [...widgets].sort();
}

/** The parts of Rolldown's output chunks this bench reads. */
interface Chunk {
  readonly type: 'chunk';
  readonly fileName: string;
  readonly code: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly modules: Readonly<Record<string, { readonly renderedLength: number }>>;
}

interface Bundle {
  /** min+gz of the entry and every chunk it imports statically. */
  readonly gzip: number;
  readonly minified: number;
  /** Rendered (unminified) bytes per module id, over the same chunks. */
  readonly modules: ReadonlyMap<string, number>;
}

async function bundle(names: readonly string[], workDir: string): Promise<Bundle> {
  const entry = join(workDir, 'entry.ts');
  writeFileSync(entry, `export { ${names.join(', ')} } from ${JSON.stringify(INDEX)};\n`);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: PACKAGE,
    resolve: { conditions: ['@clinikapi/source', ...defaultClientConditions] },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'entry' },
      // Vite's library mode leaves whitespace in ES output (to keep pure annotations for the app's own build); an app's
      // production build minifies it away, so the bench asks Rolldown for the full minification an app gets.
      rolldownOptions: { external: (id) => PEERS.test(id), output: { minify: true }, onLog() {} },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as unknown as { output: (Chunk | { type: 'asset' })[] }[];
  const chunks = new Map(
    outputs.flatMap((output) =>
      output.output.filter((file): file is Chunk => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
    ),
  );
  // The entry and what it imports statically: what a page that renders the widget downloads.
  const loaded = new Set<Chunk>();
  const visit = (chunk: Chunk | undefined) => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    chunk.imports.forEach((name) => visit(chunks.get(name)));
  };
  [...chunks.values()].filter((chunk) => chunk.isEntry).forEach(visit);
  const modules = new Map<string, number>();
  let gzip = 0;
  let minified = 0;
  for (const chunk of loaded) {
    gzip += gzipSync(chunk.code, { level: 9 }).length;
    minified += Buffer.byteLength(chunk.code);
    for (const [id, module] of Object.entries(chunk.modules)) modules.set(id, (modules.get(id) ?? 0) + module.renderedLength);
  }
  return { gzip, minified, modules };
}

/** Rendered bytes per widget folder. */
function folderBytes(modules: ReadonlyMap<string, number>): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const [id, length] of modules) {
    const inside = relative(COMPONENTS, id.replace(/\?.*$/, ''));
    if (inside.startsWith('..') || length === 0) continue;
    const folder = inside.split(/[\\/]/)[0] as string;
    bytes.set(folder, (bytes.get(folder) ?? 0) + length);
  }
  return bytes;
}

/** Rendered bytes per dependency (npm package, or `@clinikapi/core`), largest first. */
function dependencyBytes(modules: ReadonlyMap<string, number>): [string, number][] {
  const bytes = new Map<string, number>();
  for (const [id, length] of modules) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? (id.includes('/packages/core/') ? '@clinikapi/core' : undefined);
    if (name) bytes.set(name, (bytes.get(name) ?? 0) + length);
  }
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/**
 * Widgets built from others on purpose — the dashboard is the viewers plus its own sections — and what they may
 * pull in. Anything else a widget drags along is a tree-shaking failure.
 */
const COMPOSED_OF: Readonly<Record<string, readonly string[]>> = {
  PatientDashboard: [
    'PatientHeader',
    'MedicationList',
    'EncounterTimeline',
    'LabResults',
    'VitalsChart',
    'AppointmentScheduler',
    'PatientRecord',
  ],
};

/** The clinical widgets of issue 6, whose text set the 60 kB target; measured together as well as with the rest. */
const ISSUE_6_WIDGETS = [
  'VitalsWidget',
  'LabResultsWidget',
  'PrescriptionForm',
  'PrescriptionWidget',
  'ConditionTracker',
  'AllergyRecorder',
  'ImmunizationLogger',
  'CarePlanBuilder',
  'GoalSetter',
  'NoteEditor',
];

const widgets = exportedWidgets();
if (widgets.length === 0) {
  console.log('No widgets exported from src/index.ts.');
  process.exit(1);
}

const workDir = mkdtempSync(join(tmpdir(), 'clinik-widget-bundles-'));
try {
  const rows: { widget: string; alone: number; own: number; strays: string[] }[] = [];
  for (const widget of widgets) {
    const alone = await bundle([widget], workDir);
    const folders = folderBytes(alone.modules);
    const allowed = COMPOSED_OF[widget] ?? [];
    const strays = [...folders.keys()].filter((folder) => folder !== widget && widgets.includes(folder) && !allowed.includes(folder));
    rows.push({ widget, alone: alone.gzip, own: folders.get(widget) ?? 0, strays });
  }
  const everything = await bundle(widgets, workDir);
  const issue6 = ISSUE_6_WIDGETS.filter((widget) => widgets.includes(widget));
  const issue6Bundle = issue6.length > 0 ? await bundle(issue6, workDir) : undefined;

  console.log(`Widget bundle cost: Vite production build, min+gz, without react, react-dom and @tanstack/react-query\n`);
  const width = Math.max(...widgets.map((widget) => widget.length), 'widget'.length);
  console.log(`${'widget'.padEnd(width)}  ${'alone kB'.padStart(8)}  ${'own kB (unminified)'.padStart(19)}  tree-shakes`);
  for (const row of rows) {
    const shakes = row.strays.length === 0 ? 'yes' : `NO: pulls in ${row.strays.join(', ')}`;
    console.log(`${row.widget.padEnd(width)}  ${kb(row.alone).padStart(8)}  ${kb(row.own).padStart(19)}  ${shakes}`);
  }

  console.log(`\nWhere the whole set's bytes go (unminified):`);
  const own = [...folderBytes(everything.modules).values()].reduce((sum, bytes) => sum + bytes, 0);
  const largest = dependencyBytes(everything.modules).slice(0, 6);
  const nameWidth = Math.max(...largest.map(([name]) => name.length), 'widget folders'.length);
  for (const [name, bytes] of largest) console.log(`  ${name.padEnd(nameWidth)}  ${kb(bytes).padStart(7)} kB`);
  console.log(`  ${'widget folders'.padEnd(nameWidth)}  ${kb(own).padStart(7)} kB`);

  const againstTarget = (gzip: number) =>
    `target ≤ ${TARGET_KB} kB: ${gzip <= TARGET_KB * 1000 ? 'met' : `NOT met, ${kb(gzip - TARGET_KB * 1000)} kB over`}`;
  const total = everything.gzip;
  console.log(
    `\nThe whole set, all ${widgets.length} widgets: ${kb(total)} kB min+gz (${kb(everything.minified)} kB min); ${againstTarget(total)}`,
  );
  if (issue6Bundle) {
    console.log(
      `The ${issue6.length} issue-6 widgets together: ${kb(issue6Bundle.gzip)} kB min+gz (${kb(issue6Bundle.minified)} kB min); ` +
        againstTarget(issue6Bundle.gzip),
    );
  }

  // Tree-shaking is a property the package promises, so a widget that drags another in fails the bench; the size
  // target is a figure to report, as the other benches report theirs.
  const notShaking = rows.filter((row) => row.strays.length > 0);
  if (notShaking.length > 0) {
    console.log(`✘ ${notShaking.map((row) => row.widget).join(', ')} pull in another widget's code.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
