/**
 * The stylesheet's promise: it cannot restyle the host page, and `unstyled` drops it. Every rule matches only inside
 * a widget root — an element with `ck-root`, which an `unstyled` widget does not get. The sources are unlayered, so
 * `styles.css` holds against the host page's element rules; the build wraps the same rules in `@layer clinikapi` as
 * `styles.layer.css` (docs/decisions/0069-widget-styles-and-the-host-page.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { wrapInLayer } from '../../../../scripts/layered-stylesheet.ts';

const SRC = join(import.meta.dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // The test folder holds a hostile host page's stylesheet, which is not the library's.
    if (entry.isDirectory()) return entry.name === 'test' ? [] : cssFiles(path);
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
      // layer.css is the layered entry: the whole entry again, imported into a layer.
      if (file.endsWith('index.css') || file.endsWith('ui.css') || file.endsWith('styles/layer.css')) continue;
      const name = relative(SRC, file).split('/').at(-1) as string;
      expect(entry, `${relative(SRC, file)} is not imported`).toContain(name);
    }
  });

  it.each(files.filter((file) => !file.endsWith('index.css') && !file.endsWith('ui.css')).map((file) => [relative(SRC, file), file]))(
    '%s: every rule is unlayered and scoped to a widget root',
    (_name, file) => {
      const problems: string[] = [];
      const css = postcss.parse(readFileSync(file, 'utf8'));
      css.walkAtRules('layer', (layer) => {
        problems.push(`in @layer ${layer.params}: the build layers the whole stylesheet, once`);
      });
      css.walkRules((rule) => {
        if (isKeyframe(rule)) return;
        for (const selector of rule.selectors) {
          if (!SCOPED.test(selector.trim()) && !UTILITIES.has(selector.trim())) problems.push(`unscoped: ${selector}`);
        }
      });
      expect(problems).toEqual([]);
    },
  );

  it('has a layered variant with every rule inside @layer clinikapi, keyframes and media queries included', () => {
    const whole = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const layered = postcss.parse(wrapInLayer(whole, 'clinikapi'));
    let rules = 0;
    const outside: string[] = [];
    layered.walkRules((rule) => {
      rules += 1;
      if (!insideLayer(rule, 'clinikapi')) outside.push(rule.selector);
    });
    expect(outside).toEqual([]);
    expect(rules).toBeGreaterThan(100);
    expect(rules).toBe(countRules(whole));
    expect(layered.nodes).toHaveLength(1);
  });
});

function isKeyframe(rule: postcss.Rule): boolean {
  return rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name);
}

function insideLayer(rule: postcss.Rule, name: string): boolean {
  for (let node = rule.parent; node; node = node.parent as typeof node) {
    if (node.type === 'atrule' && (node as postcss.AtRule).name === 'layer' && (node as postcss.AtRule).params === name) return true;
  }
  return false;
}

function countRules(css: string): number {
  let count = 0;
  postcss.parse(css).walkRules(() => {
    count += 1;
  });
  return count;
}
