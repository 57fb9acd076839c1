/**
 * Inside the repo every `@clinikapi/*` import resolves to sources (`@clinikapi/source`), so a fresh clone runs with
 * nothing built. An export whose only target is `dist/` breaks that for whoever imports it — as `./styles.css` once
 * broke `npm start`. Checked for every export of every package, against the files in the checkout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_CONDITION } from '../source-conditions.ts';

const PACKAGES_DIR = resolve(import.meta.dirname, '..', '..', 'packages');

type ExportTarget = string | { readonly [condition: string]: ExportTarget };

const packages = readdirSync(PACKAGES_DIR).map((name) => {
  const manifest = JSON.parse(readFileSync(join(PACKAGES_DIR, name, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, ExportTarget>;
  };
  return { dir: join(PACKAGES_DIR, name), manifest };
});

const exportsOf = packages.flatMap(({ dir, manifest }) =>
  Object.entries(manifest.exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => ({ label: `${manifest.name}${subpath.slice(1)}`, dir, target })),
);

describe('every package export resolves to a source file without a build', () => {
  it('covers every package', () => {
    expect(packages.map(({ manifest }) => manifest.name).sort()).toEqual([
      '@clinikapi/core',
      '@clinikapi/emulator',
      '@clinikapi/proxy',
      '@clinikapi/react',
    ]);
  });

  it.each(exportsOf.map((entry) => [entry.label, entry] as const))('%s', (_label, { dir, target }) => {
    const source = typeof target === 'object' ? target[SOURCE_CONDITION] : undefined;
    expect(typeof source, `the "${SOURCE_CONDITION}" condition`).toBe('string');
    expect(source as string).toMatch(/^\.\/src\//);
    expect(existsSync(join(dir, source as string)), `${source} exists`).toBe(true);
  });
});
