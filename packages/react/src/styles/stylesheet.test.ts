/**
 * The stylesheet's promise: it cannot restyle the host page, and `unstyled` drops it. Every rule sits in the
 * `clinikapi` cascade layer (so any rule of the app wins) and matches only inside a widget root — an element with
 * `ck-root`, which an `unstyled` widget does not get.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return path.endsWith('.css') ? [path] : [];
  });
}

/** `.ck-root …`, `:where(.ck-root) …`, or a widget root's own class scoped on itself: `.ck-PatientList:where(.ck-root) …`. */
const SCOPED = /^(?:\.ck-root\b|:where\(\.ck-root\)|\.ck-[A-Z][A-Za-z]*:where\(\.ck-root\))/;
/** Hides text visually but not from assistive tech, which an unstyled widget still needs. */
const UTILITIES = new Set(['.ck-visually-hidden']);

describe('the stylesheet', () => {
  const files = cssFiles(SRC);

  it('is imported whole by the stylesheet entry', () => {
    const entry = readFileSync(join(SRC, 'styles', 'index.css'), 'utf8') + readFileSync(join(SRC, 'ui', 'ui.css'), 'utf8');
    for (const file of files) {
      if (file.endsWith('index.css') || file.endsWith('ui.css')) continue;
      const name = relative(SRC, file).split('/').at(-1) as string;
      expect(entry, `${relative(SRC, file)} is not imported`).toContain(name);
    }
  });

  it.each(files.filter((file) => !file.endsWith('index.css') && !file.endsWith('ui.css')).map((file) => [relative(SRC, file), file]))(
    '%s: every rule is layered and scoped to a widget root',
    (_name, file) => {
      const problems: string[] = [];
      postcss.parse(readFileSync(file, 'utf8')).walkRules((rule) => {
        if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return;
        let layered = false;
        for (let node = rule.parent; node; node = node.parent as typeof node) {
          if (node.type === 'atrule' && (node as postcss.AtRule).name === 'layer' && (node as postcss.AtRule).params === 'clinikapi') layered = true;
        }
        if (!layered) problems.push(`not in @layer clinikapi: ${rule.selector}`);
        for (const selector of rule.selectors) {
          if (!SCOPED.test(selector.trim()) && !UTILITIES.has(selector.trim())) problems.push(`unscoped: ${selector}`);
        }
      });
      expect(problems).toEqual([]);
    },
  );
});
