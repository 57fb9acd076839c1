#!/usr/bin/env node
// The `clinikapi-emulator` command. Installed from the registry it runs the build in dist/. In this repository —
// the package is a workspace, not inside node_modules — it runs the TypeScript sources, so it works straight after
// `npm install` and never runs a stale build: on a Node that strips types, in this process; on an older one (the
// system's, when the bin is called directly), in the Node 24 the repository pins in node_modules/.bin.
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const packageDir = dirname(dirname(realpathSync(fileURLToPath(import.meta.url))));
const sources = join(packageDir, 'src', 'node', 'cli.ts');
/** How the workspace's packages resolve each other to their sources (see CONTRIBUTING.md). */
const SOURCE_CONDITION = '@clinikapi/source';

if (packageDir.split(sep).includes('node_modules') || !existsSync(sources)) {
  const { runCli } = await import('../dist/cli.js');
  await runCli(args);
} else if (process.features.typescript && typeof module.registerHooks === 'function') {
  module.registerHooks({
    resolve: (specifier, context, nextResolve) =>
      nextResolve(specifier, { ...context, conditions: [...context.conditions, SOURCE_CONDITION] }),
  });
  const { runCli } = await import(pathToFileURL(sources).href);
  await runCli(args);
} else {
  runWithPinnedNode();
}

/** Runs the sources in the nearest node_modules/.bin/node, passing signals on and exiting as it exits. */
function runWithPinnedNode() {
  let node;
  for (let dir = packageDir; !node; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', 'node');
    if (existsSync(candidate)) node = candidate;
    else if (dirname(dir) === dir) break;
  }
  if (!node) {
    console.error(
      `clinikapi-emulator: running from the sources needs Node 22.18 or later (this is ${process.version}); ` +
        'run `npm install` in the repository (it pins Node 24), or `npm run build` in packages/emulator.',
    );
    process.exit(1);
  }
  const child = spawn(node, [`--conditions=${SOURCE_CONDITION}`, sources, ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
}
