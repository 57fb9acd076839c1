/**
 * Colour contrast in every theme, for every story. The a11y addon runs all of axe on a story as it is drawn; a
 * theme changes only colours (CSS variables under `data-theme`), so this re-runs axe's colour rules on the story's
 * widgets switched to each theme, on what that theme is shown on. Runs only under the Storybook tests, like
 * `layout-check.ts`.
 */
import axe from 'axe-core';
import { LAYOUT_THEMES } from './layout-check.ts';
import { DARK_BACKDROP_COLOUR, GLASS_BACKDROP_COLOURS } from './themes.tsx';

/** The axe rules whose outcome depends on colours alone. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The backgrounds each theme is checked on. axe cannot see through a gradient (it reports such text as undecided,
 * not failing), so glass is checked over each colour of its gradient as a plain background instead.
 */
const CHECKED_BACKDROPS: Readonly<Record<(typeof LAYOUT_THEMES)[number], readonly (string | undefined)[]>> = {
  light: [undefined],
  dark: [DARK_BACKDROP_COLOUR],
  glassmorphism: GLASS_BACKDROP_COLOURS,
};

/** Colours a theme switch sets off in a CSS transition, settled (a spinner's endless animation is left alone). */
const transitionsSettled = () =>
  Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition)
      .map((transition) => transition.finished.catch(() => undefined)),
  );

/** Each colour problem of the page's widgets in each theme, prefixed with the theme. */
export async function contrastProblemsInThemes(canvas: HTMLElement): Promise<string[]> {
  if (!(globalThis as { __vitest_browser__?: unknown }).__vitest_browser__) return [];
  // A widget's theme is its `data-theme`, on its root and on its portals; unstyled widgets have none to switch.
  const roots = [...document.querySelectorAll<HTMLElement>('.ck-root[data-theme]')];
  if (roots.length === 0) return [];
  // Only our widgets' colours: a story's own page around them (a host page, a caption) is not drawn by a theme.
  const outermost = roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
  const drawn = roots.map((root) => root.dataset.theme);
  const canvasStyle = canvas.getAttribute('style');
  const problems: string[] = [];
  try {
    for (const theme of LAYOUT_THEMES) {
      for (const root of roots) root.dataset.theme = theme;
      for (const backdrop of CHECKED_BACKDROPS[theme]) {
        canvas.removeAttribute('style');
        if (backdrop) canvas.style.background = backdrop;
        await transitionsSettled();
        const results = await axe.run({ include: outermost }, { runOnly: COLOUR_RULES });
        const where = backdrop ? `${theme} on ${backdrop}` : theme;
        for (const violation of results.violations) {
          problems.push(...violation.nodes.map((node) => `${where}: ${violation.id} at ${node.target.join(' ')}`));
        }
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
