/**
 * Colour contrast in every theme, for every story. The a11y addon runs all of axe on a story as it is drawn; a
 * theme changes only colours (CSS variables under `data-theme`), so this re-runs axe's colour rules with the story's
 * widgets switched to each theme on that theme's backdrop. Runs only under the Storybook tests, like `layout-check.ts`.
 */
import axe from 'axe-core';
import { LAYOUT_THEMES } from './layout-check.ts';
import { THEME_BACKDROPS } from './themes.tsx';

/** The axe rules whose outcome depends on colours alone. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Storybook's own elements, never part of a story (as the a11y addon leaves them out). */
const STORYBOOK_CHROME = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

const transitionsSettled = () => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));

/** Each colour problem of the page's widgets in each theme, prefixed with the theme. */
export async function contrastProblemsInThemes(canvas: HTMLElement): Promise<string[]> {
  if (!(globalThis as { __vitest_browser__?: unknown }).__vitest_browser__) return [];
  // A widget's theme is its `data-theme`, on its root and on its portals; unstyled widgets have none to switch.
  const roots = [...document.querySelectorAll<HTMLElement>('.ck-root[data-theme]')];
  if (roots.length === 0) return [];
  const drawn = roots.map((root) => root.dataset.theme);
  const canvasStyle = canvas.getAttribute('style');
  const problems: string[] = [];
  try {
    for (const theme of LAYOUT_THEMES) {
      for (const root of roots) root.dataset.theme = theme;
      canvas.removeAttribute('style');
      Object.assign(canvas.style, THEME_BACKDROPS[theme]);
      await transitionsSettled();
      const results = await axe.run({ include: document.body, exclude: STORYBOOK_CHROME }, { runOnly: COLOUR_RULES });
      for (const violation of results.violations) {
        problems.push(...violation.nodes.map((node) => `${theme}: ${violation.id} at ${node.target.join(' ')}`));
      }
    }
  } finally {
    roots.forEach((root, index) => {
      root.dataset.theme = drawn[index];
    });
    if (canvasStyle === null) canvas.removeAttribute('style');
    else canvas.setAttribute('style', canvasStyle);
  }
  return problems;
}
