/**
 * The one Vite library-mode setup every package builds with: ES modules only, nothing from `dependencies`,
 * `peerDependencies` or Node's built-ins bundled, readable output (consumers minify), entries kept as separate files
 * so that importing one entry never pulls in another.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

interface PackageManifest {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface LibraryOptions {
  /** Output name → source file, relative to the package folder. */
  readonly entries: Record<string, string>;
  /** Extra Vite plugins (React for the widgets). */
  readonly plugins?: Plugin[];
  /** Name of the emitted stylesheet, when the library has CSS. */
  readonly cssFileName?: string;
  /**
   * Emit one file per source module. Keeps each module's `'use client'` directive where React Server Components
   * expect it, and lets bundlers drop every widget an app does not import.
   */
  readonly preserveModules?: boolean;
}

export function defineLibraryConfig(packageDir: string, options: LibraryOptions): UserConfig {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
  const externalNames = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
  const isExternal = (id: string): boolean =>
    id.startsWith('node:') || builtinModules.includes(id) || externalNames.some((name) => id === name || id.startsWith(`${name}/`));

  return {
    root: packageDir,
    plugins: options.plugins ?? [],
    // The production JSX runtime whatever NODE_ENV the build runs under (Vite takes a set NODE_ENV as given, and
    // under `test` or `development` it emits `jsxDEV` calls, which a consumer's production React does not have).
    oxc: { jsx: { development: false } },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      target: 'es2023',
      lib: {
        entry: Object.fromEntries(Object.entries(options.entries).map(([name, file]) => [name, join(packageDir, file)])),
        formats: ['es'],
        ...(options.cssFileName ? { cssFileName: options.cssFileName } : {}),
      },
      rolldownOptions: {
        external: isExternal,
        onLog(level, log, handler) {
          // With preserveModules each file keeps its own 'use client'; the bundler's warning is about merged files.
          if (options.preserveModules && log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
        output: options.preserveModules
          ? { preserveModules: true, preserveModulesRoot: join(packageDir, 'src'), entryFileNames: '[name].js' }
          : { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}
