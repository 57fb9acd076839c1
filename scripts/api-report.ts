/**
 * The public surface of every published entry point, as API Extractor reports it from the built declarations
 * (run after `npm run build`): one `packages/<package>/api/<entry>.api.md` per `types` entry in a package's
 * `exports`, checked in, so every change to what users can import is a diff a reviewer sees.
 *
 *   node scripts/api-report.ts            fails, printing the diff, when a built entry differs from its report
 *   node scripts/api-report.ts --update   rewrites the reports from the built entries
 *
 * It also checks what a report cannot show: no module renames an export (`export { a as b }`: a public name is its
 * name at the source), the root of @clinikapi/react re-exports every name of `@clinikapi/react/hooks` (the root
 * lists them from that entry, as there is no `export *`; this keeps the list whole), and no public signature mentions
 * a type its entry does not export (`ae-forgotten-export`: users could not name it; docs/decisions/0221). `npm test`
 * runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  ExtractorMessageCategory,
  type ExtractorMessage,
} from '@microsoft/api-extractor';
import ts, { type Program } from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const PACKAGES = ['core', 'emulator', 'proxy', 'react'] as const;
const update = process.argv.includes('--update');

interface Entry {
  readonly packageName: string;
  readonly packageDir: string;
  /** The subpath users import (`.`, `./hooks`), and the report's name (`index`, `hooks`). */
  readonly subpath: string;
  readonly reportName: string;
  readonly declarations: string;
}

/** Every entry point of a package that has types, read from its `exports` so a new subpath gets a report. */
function entriesOf(name: (typeof PACKAGES)[number]): Entry[] {
  const packageDir = join(ROOT, 'packages', name);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string' || !target.types) return [];
    const reportName = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '-');
    return [{ packageName: manifest.name, packageDir, subpath, reportName, declarations: join(packageDir, target.types) }];
  });
}

const entries = PACKAGES.flatMap(entriesOf);
const missing = entries.filter((entry) => !existsSync(entry.declarations));
if (missing.length > 0) {
  console.error(
    `✘ no declarations at ${missing.map((entry) => relative(ROOT, entry.declarations)).join(', ')}: run \`npm run build\` first`,
  );
  process.exit(1);
}

/**
 * The forgotten exports still allowed, by entry: `MessageOverrides` is `Partial<typeof defaultMessages>` section by
 * section, and naming it from `hooks` or `cliniko` would put the widget string catalogue's type on entries budgeted
 * to carry no widget strings; the root exports it. The list only shrinks: an entry listed here that no longer needs
 * it fails too, so it is taken off.
 */
const ALLOWED_FORGOTTEN: Readonly<Record<string, readonly string[]>> = {
  '@clinikapi/react/hooks': ['MessageOverrides'],
  '@clinikapi/react/cliniko': ['MessageOverrides'],
};

/** The symbols a report says the surface uses but its entry does not export. */
const forgottenIn = (report: string): string[] =>
  [...new Set([...report.matchAll(/\(ae-forgotten-export\) The symbol "([^"]+)"/g)].map((match) => match[1] ?? ''))].sort();

/** Where an entry's report is checked in. */
const reportPath = (entry: Entry): string => join(entry.packageDir, 'api', `${entry.reportName}.api.md`);

const scratch = mkdtempSync(join(tmpdir(), 'clinik-api-report-'));

function configFor(entry: Entry): ExtractorConfig {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: entry.packageDir,
      mainEntryPointFilePath: entry.declarations,
      compiler: {
        // The built declarations keep `.ts` import paths; nothing here emits.
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2023',
            lib: ['es2023', 'dom', 'dom.iterable'],
            module: 'esnext',
            moduleResolution: 'bundler',
            allowImportingTsExtensions: true,
            jsx: 'react-jsx',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            types: ['node'],
          },
          files: entries.map((each) => each.declarations),
        },
      },
      apiReport: {
        enabled: true,
        // API Extractor writes its report to scratch only: this script compares and writes the normalised text.
        reportFolder: builtDir(entry),
        reportTempFolder: builtDir(entry),
        reportFileName: entry.reportName,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        // The report is about the surface, not about documentation style: a type the surface uses but no entry
        // exports is worth a line in the report (a reviewer sees it); release tags and missing docs are not.
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None },
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(entry.packageDir, 'package.json'),
  });
}

/** Where API Extractor leaves an entry's new report. */
const builtDir = (entry: Entry): string => join(scratch, relative(ROOT, entry.packageDir));

/**
 * The report without what changes from build to build while the surface stays the same. The members of an inferred
 * literal object (`ZodMiniEnum<{ VR: "VR"; TX: "TX"; … }>`) are printed in the compiler's internal type order, which
 * depends on where else the same literal was first met ("TX" is also a US state in the demo cast) and so on the
 * order a build happened to check files in: such runs of lines are sorted. A union of string literals written out
 * inline (`category?: "ICU" | "VR" | "TX" | …`) is printed in that same order: its literals are sorted too (a fresh
 * clone's build and an incremental one put "TX" in two places). A warning's line and column in the source move with
 * every edit above it: only the file is kept.
 */
function normaliseReport(text: string): string {
  const lines = text.replace(/^(\/\/ [^\s:]+):\d+:\d+ - /gm, '$1 - ').split('\n');
  // `VR: "VR";` or `"on-hold": "on-hold";`: a member whose key is its own value.
  const literalMember = (line: string | undefined): boolean => {
    const match = /^\s+("?)([^":]+)\1: "([^"]+)";$/.exec(line ?? '');
    return match !== null && match[2] === match[3];
  };
  for (let start = 0; start < lines.length; start += 1) {
    if (!literalMember(lines[start])) continue;
    let end = start;
    while (end < lines.length && literalMember(lines[end])) end += 1;
    lines.splice(start, end - start, ...lines.slice(start, end).sort());
    start = end;
  }
  return lines.join('\n').replace(/"[^"\\\n]*"(?: \| "[^"\\\n]*")+/g, (union) => (union.match(/"[^"\\\n]*"/g) ?? []).sort().join(' | '));
}

/** Prints how the built entry differs from its checked-in report. */
function printDiff(entry: Entry, built: string): void {
  const checkedIn = reportPath(entry);
  spawnSync('git', ['--no-pager', 'diff', '--no-index', '--no-color', existsSync(checkedIn) ? checkedIn : '/dev/null', built], {
    stdio: 'inherit',
  });
}

/** Names a module exports, by the compiler that read the declarations (types included). */
function exportedNames(program: Program, file: string): Set<string> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbol = source ? checker.getSymbolAtLocation(source) : undefined;
  return new Set(symbol ? checker.getExportsOfModule(symbol).map((each) => each.name) : []);
}

/** Every name in an `export { … }` of a declaration file, with the module it re-exports from (if any). */
function exportSpecifiers(file: ts.SourceFile): { from: string | undefined; specifier: ts.ExportSpecifier }[] {
  return file.statements.flatMap((statement) => {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return [];
    const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    return statement.exportClause.elements.map((specifier) => ({ from, specifier }));
  });
}

const started = performance.now();
let ok = true;
try {
  // One program for every entry: the packages' declarations import each other, and parsing them once is most
  // of the cost.
  const first = entries[0];
  if (!first) throw new Error('no entry points found');
  const compilerState = CompilerState.create(configFor(first));
  for (const entry of entries) {
    mkdirSync(join(entry.packageDir, 'api'), { recursive: true });
    const label = `${entry.packageName}${entry.subpath.slice(1)}`;
    const result = Extractor.invoke(configFor(entry), {
      localBuild: true,
      compilerState,
      messageCallback: (message: ExtractorMessage) => {
        // API Extractor's own "you changed the API" notes are replaced by the diff below.
        if (message.category === ExtractorMessageCategory.Console) message.handled = true;
      },
    });
    const builtReport = join(builtDir(entry), `${entry.reportName}.api.md`);
    if (!result.succeeded || !existsSync(builtReport)) {
      ok = false;
      console.log(`✘ ${label}: API Extractor failed (${result.errorCount} errors)`);
      continue;
    }
    const normalised = normaliseReport(readFileSync(builtReport, 'utf8'));
    const allowed = ALLOWED_FORGOTTEN[label] ?? [];
    const forgotten = forgottenIn(normalised);
    for (const symbol of forgotten.filter((each) => !allowed.includes(each))) {
      ok = false;
      console.log(
        `✘ ${label}: its public API mentions ${symbol}, which it does not export — export it from ${label} or keep it out of the signature`,
      );
    }
    for (const symbol of allowed.filter((each) => !forgotten.includes(each))) {
      ok = false;
      console.log(`✘ ${label}: ${symbol} is no longer a forgotten export — take it off ALLOWED_FORGOTTEN in scripts/api-report.ts`);
    }
    writeFileSync(builtReport, normalised);
    const checkedIn = existsSync(reportPath(entry)) ? readFileSync(reportPath(entry), 'utf8') : undefined;
    if (normalised === checkedIn) console.log(`✔ ${label}`);
    else if (update) {
      writeFileSync(reportPath(entry), normalised);
      console.log(`✎ ${label}: report updated`);
    } else {
      ok = false;
      console.log(`✘ ${label}: the public API differs from ${relative(ROOT, reportPath(entry))}`);
      printDiff(entry, builtReport);
    }
  }

  const program = compilerState.program as Program;
  // A public name is the name in its source: an `export { a as b }` in a barrel would hide where `b` is defined.
  for (const file of program.getSourceFiles()) {
    if (!PACKAGES.some((name) => file.fileName.startsWith(join(ROOT, 'packages', name, 'dist')))) continue;
    for (const { specifier } of exportSpecifiers(file).filter((each) => each.specifier.propertyName)) {
      ok = false;
      console.log(
        `✘ ${relative(ROOT, file.fileName)} renames ${specifier.propertyName?.getText(file)} as ${specifier.name.text}: rename it at its source`,
      );
    }
  }

  // The root of @clinikapi/react re-lists the hooks entry's names (named exports only): none may be left out.
  const reactEntries = entries.filter((entry) => entry.packageName === '@clinikapi/react');
  const rootEntry = reactEntries.find((entry) => entry.subpath === '.');
  const hooksEntry = reactEntries.find((entry) => entry.subpath === './hooks');
  const rootFile = rootEntry && program.getSourceFile(rootEntry.declarations);
  if (rootFile && hooksEntry) {
    const hooksModule = `./${relative(dirname(rootFile.fileName), hooksEntry.declarations).replace(/\.d\.ts$/, '.ts')}`;
    const fromHooks = new Set(
      exportSpecifiers(rootFile)
        .filter((each) => each.from === hooksModule)
        .map((each) => each.specifier.name.text),
    );
    const leftOut = [...exportedNames(program, hooksEntry.declarations)].filter((name) => !fromHooks.has(name));
    if (leftOut.length > 0) {
      ok = false;
      console.log(`✘ @clinikapi/react does not re-export from ${hooksModule}: ${leftOut.join(', ')}`);
    }
  }

  // A report whose entry point is gone (or renamed) would keep describing an API nobody can import.
  const expected = new Set(entries.map(reportPath));
  const stale = PACKAGES.flatMap((name) => {
    const apiDir = join(ROOT, 'packages', name, 'api');
    return existsSync(apiDir)
      ? readdirSync(apiDir)
          .map((file) => join(apiDir, file))
          .filter((file) => !expected.has(file))
      : [];
  });
  for (const file of stale) {
    if (update) rmSync(file);
    else ok = false;
    console.log(`${update ? '✎ removed' : '✘ no entry point for'} ${relative(ROOT, file)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`API reports: ${entries.length} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!ok && !update) console.log('If the change is intended, run `node scripts/api-report.ts --update` and commit the reports.');
process.exit(ok ? 0 : 1);
