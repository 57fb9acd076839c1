/**
 * Size budgets of the built package, checked by `npm test` (scripts/check-packages.ts). Sizes are minified and
 * gzipped, without react, react-dom and @tanstack/react-query: peer dependencies the app already has.
 *
 * The target for the hooks entry is 6 kB; it measures 5.98 kB (every module once) and 6.47 kB (every export by
 * name), down from 6.16 and 6.64 kB. The first limit is the target itself, so the entry cannot drift back over it;
 * the others hold today's numbers with about 3% headroom, so growth is a decision, not an accident;
 * docs/decisions/0019-hooks-entry-size.md says what the bytes buy.
 */
import { readFileSync } from 'node:fs';

const peers = ['react', 'react-dom', '@tanstack/react-query'];
const hooksEntry = 'dist/entries/hooks.js';
const source = readFileSync(new URL(hooksEntry, import.meta.url), 'utf8');
const exported = /export \{([^}]*)\};?\s*$/.exec(source);
if (!exported) throw new Error(`${hooksEntry}: no export list found; build the package first`);
const names = exported[1]
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
// One name from each module the entry re-exports: all of the entry's code, without naming 170 bindings.
const oneFromEachModule = [...source.matchAll(/^import \{\s*([\w$]+)/gm)].map((match) => match[1]);

// The Cliniko entry holds hooks and widgets; its data layer is what it imports from outside `cliniko/widgets/`.
const clinikoEntry = 'dist/entries/cliniko.js';
const clinikoImports = [...readFileSync(new URL(clinikoEntry, import.meta.url), 'utf8').matchAll(/^import \{([^}]*)\} from "([^"]+)"/gm)]
  .filter((match) => !match[2].includes('/cliniko/widgets/'))
  .map((match) =>
    match[1]
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
const clinikoDataLayer = clinikoImports.map((names) => names[0]);
const clinikoDataNames = clinikoImports.flat();

const check = (name, path, imported, limit) => ({
  name,
  path,
  import: { [path]: `{ ${imported.join(', ')} }` },
  ignore: peers,
  entry: ['index'],
  gzip: true,
  limit,
});

export default [
  check(`@clinikapi/react/hooks, all of its code (each of its ${oneFromEachModule.length} modules)`, hooksEntry, oneFromEachModule, '6 kB'),
  check(`@clinikapi/react/hooks, every one of its ${names.length} exports by name`, hooksEntry, names, '6.65 kB'),
  check(
    'what a patient screen imports: provider, errors, the patient hooks and record, two observation hooks',
    hooksEntry,
    [
      'ClinikProvider',
      'ClinikApiError',
      'usePatient',
      'usePatients',
      'useInfinitePatients',
      'useCreatePatient',
      'useUpdatePatient',
      'useDeletePatient',
      'usePatientRecord',
      'useObservations',
      'useCreateObservation',
    ],
    '6 kB',
  ),
  check(
    'one hook from the package root: { ClinikProvider, usePatient } (no widget code)',
    'dist/index.js',
    ['ClinikProvider', 'usePatient'],
    '3.35 kB',
  ),
  // Issue 7: recharts lives in the charts entry, which VitalsChart imports lazily; the record viewers carry none of it.
  {
    name: '@clinikapi/react/charts: VitalsTrendChart with recharts (VitalsChart loads it lazily, on first draw)',
    path: 'dist/entries/charts.js',
    import: { 'dist/entries/charts.js': '{ VitalsTrendChart }' },
    ignore: peers,
    gzip: true,
    limit: '108 kB',
  },
  check(
    'the record viewers without charts: PatientHeader, MedicationList, EncounterTimeline, LabResults',
    'dist/index.js',
    ['PatientHeader', 'MedicationList', 'EncounterTimeline', 'LabResults'],
    '16 kB',
  ),
  // A form widget: the core schema it validates with (zod/mini, only the parts used) and react-hook-form. Was 49.3 kB
  // while core's schemas were classic zod, which kept nearly all of zod; 32.7 kB before the user's access (no form
  // they cannot send, terminal 403s, learning from them) and the shared validation wording, 34.17 kB since.
  check('one form widget: VitalsWidget (its core schema on zod/mini, react-hook-form)', 'dist/index.js', ['VitalsWidget'], '35.2 kB'),
  // The Cliniko issue: the hooks entry ≤ 6 kB, OnlineBooking alone ≤ 35 kB (docs/decisions/0191-budgets.md).
  check(
    `@clinikapi/react/cliniko data layer, all of its code (each of its ${clinikoDataLayer.length} modules)`,
    clinikoEntry,
    clinikoDataLayer,
    '6 kB',
  ),
  check(
    `@clinikapi/react/cliniko data layer, every one of its ${clinikoDataNames.length} exports by name`,
    clinikoEntry,
    clinikoDataNames,
    '6 kB',
  ),
  check('OnlineBooking alone (Cliniko online booking, its hooks and the shared widget parts)', clinikoEntry, ['OnlineBooking'], '35 kB'),
  check('AppointmentsDay alone (a Cliniko day)', clinikoEntry, ['AppointmentsDay'], '7.95 kB'),
  check('ClinikoPatientSearch alone (virtualised, with @tanstack/virtual-core)', clinikoEntry, ['ClinikoPatientSearch'], '18.2 kB'),
  // 4.14 kB with five patients of its own; 5.0 kB since it serves the demo clinic's 20 (`@clinikapi/core`
  // `DEMO_PATIENTS`, the emulator's seed too): one cast for every demo, paid only by apps that run proxyUrl="demo".
  {
    name: 'demo mode: its data and handler, a separate chunk loaded only for proxyUrl="demo"',
    path: 'dist/demo/demo-server.js',
    import: { 'dist/demo/demo-server.js': '{ createDemoServer }' },
    ignore: peers,
    gzip: true,
    limit: '5.15 kB',
  },
];
