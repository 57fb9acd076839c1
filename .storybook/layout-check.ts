/**
 * Every story, once its `play` has left it in the state it shows, is measured at 320, 375, 768 and 1280 px wide in
 * the light, dark and glass themes: no horizontal scrolling, no control drawn over another (`layoutProblems`). Runs
 * only under the Storybook tests (Vitest's browser mode, which can resize the page); in Storybook itself it does
 * nothing.
 */
import { layoutProblems } from '../scripts/layout-problems.ts';

export const LAYOUT_WIDTHS = [320, 375, 768, 1280] as const;
export const LAYOUT_THEMES = ['light', 'dark', 'glassmorphism'] as const;

/** Where Storybook's test runner leaves the page (its default viewport). */
const DEFAULT_VIEWPORT = { width: 1200, height: 900 };

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The layout problems of the page at every width and theme, each prefixed with where it was seen. */
export async function layoutProblemsEverywhere(): Promise<string[]> {
  if (!(globalThis as { __vitest_browser__?: unknown }).__vitest_browser__) return [];
  const { page } = await import('@vitest/browser/context');
  const problems: string[] = [];
  // A widget's theme is its `data-theme` (the stylesheet does the rest), on its root and on its portals.
  const roots = [...document.querySelectorAll<HTMLElement>('.ck-root[data-theme]')];
  const themes = roots.map((root) => root.dataset.theme);
  try {
    for (const width of LAYOUT_WIDTHS) {
      await page.viewport(width, DEFAULT_VIEWPORT.height);
      await nextFrame();
      for (const theme of LAYOUT_THEMES) {
        for (const root of roots) root.dataset.theme = theme;
        problems.push(...layoutProblems().map((problem) => `${width}px, ${theme}: ${problem}`));
      }
    }
  } finally {
    roots.forEach((root, index) => {
      root.dataset.theme = themes[index];
    });
    await page.viewport(DEFAULT_VIEWPORT.width, DEFAULT_VIEWPORT.height);
  }
  // The same problem at several widths or themes is one problem to fix: say each once, with where it shows.
  return [...new Set(problems)];
}
