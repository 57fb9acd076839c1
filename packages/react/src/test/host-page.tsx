/**
 * A hostile host page for stories that run in Chromium: the page's global stylesheet (`hostile-host.css`) in light
 * or dark, and the measurements that tell whether it reached into the widgets.
 */
import axe from 'axe-core';
import { useLayoutEffect, type ReactNode } from 'react';
import hostileCss from './hostile-host.css?inline';

export type HostScheme = 'light' | 'dark';

/** What `hostile-host.css` would do on a device set to `scheme`: its colour-scheme queries decided up front. */
export function hostPageCss(scheme: HostScheme): string {
  const always = '(min-width: 0px)';
  const never = '(max-width: 0px)';
  const css = hostileCss
    .replaceAll('(prefers-color-scheme: dark)', scheme === 'dark' ? always : never)
    .replaceAll('(prefers-color-scheme: light)', scheme === 'light' ? always : never);
  return scheme === 'dark' ? css.replaceAll('color-scheme: light dark', 'color-scheme: dark') : css;
}

/**
 * The page with nothing of the host's but its root font size: `rem` follows the app's choice by design, so the
 * widgets are compared against a page with the same root size and no other rule.
 */
const ROOT_SIZE_ONLY = ':root { font-size: 18px; }';

const STYLE_ID = 'hostile-host-page';

/** Mounts the host page's stylesheet and its app root (`#host-root`, which the stylesheet centres) around a story. */
export function HostPage({ scheme, children }: { readonly scheme: HostScheme; readonly children: ReactNode }): ReactNode {
  useLayoutEffect(() => {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = hostPageCss(scheme);
    document.head.append(style);
    return () => style.remove();
  }, [scheme]);
  return (
    <div id="host-root">
      <h1>Riverside Clinic</h1>
      <p>The app&apos;s own page, with its own global stylesheet.</p>
      {children}
    </div>
  );
}

/** Properties compared as they are. */
const EXACT = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'text-align',
  'font-family',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-transform',
  'text-decoration-line',
  'display',
  'color-scheme',
  'opacity',
] as const;
/** Lengths that scale with the root font size, compared in `rem`. */
const SCALED = [
  'font-size',
  'line-height',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'border-top-left-radius',
  'border-bottom-right-radius',
] as const;

function describeElement(element: Element): string {
  const text = element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 30);
  const classes = [...element.classList].join('.');
  return `<${element.localName}${classes ? `.${classes}` : ''}>${text ? ` "${text}"` : ''}`;
}

function measure(elements: readonly Element[]): string[][] {
  const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return elements.map((element) => {
    const style = getComputedStyle(element);
    const exact = EXACT.map((property) => style.getPropertyValue(property));
    const scaled = SCALED.map((property) => {
      const value = style.getPropertyValue(property);
      return value.endsWith('px') ? `${(parseFloat(value) / rootSize).toFixed(3)}rem` : value;
    });
    return [...exact, ...scaled];
  });
}

/**
 * Every element inside `roots` (and the roots themselves), measured under the hostile stylesheet and under a page
 * that only sets its root font size; returns what differs, one line per element and property. Empty when the host
 * page's rules reach nothing of the widgets.
 */
export function hostStyleDifferences(roots: readonly Element[]): string[] {
  const style = document.getElementById(STYLE_ID);
  if (!style) throw new Error('hostStyleDifferences needs the HostPage decorator');
  const hostile = style.textContent;
  const elements = roots.flatMap((root) => [root, ...root.querySelectorAll('*')]);
  const underHost = measure(elements);
  style.textContent = ROOT_SIZE_ONLY;
  const alone = measure(elements);
  style.textContent = hostile;
  const properties = [...EXACT, ...SCALED];
  return elements.flatMap((element, index) =>
    properties.flatMap((property, at) => {
      const host = underHost[index]?.[at];
      const own = alone[index]?.[at];
      return host === own ? [] : [`${describeElement(element)} ${property}: ${own} became ${host}`];
    }),
  );
}

/** axe's colour-contrast rule inside `roots` only: the host page's own text is not the widgets' business. */
export async function contrastViolations(roots: readonly Element[]): Promise<string[]> {
  const results = await axe.run(
    { include: [...roots] },
    {
      runOnly: { type: 'rule', values: ['color-contrast'] },
    },
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${node.target.join(' ')}: ${node.any[0]?.message ?? violation.help}`),
  );
}

/**
 * Runs `check` with every enabled `.ck-Button` in `roots` painted as Button.css's `:hover` rule paints it (its
 * `--ck-button-hover-*` variables), since a story cannot put a real pointer over each button.
 */
export async function whileButtonsHovered<T>(roots: readonly Element[], check: () => Promise<T>): Promise<T> {
  const buttons = roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>('.ck-Button:not([aria-disabled])')]);
  for (const button of buttons) {
    button.style.setProperty('transition', 'none');
    button.style.setProperty('background', 'var(--ck-button-hover-background)');
    button.style.setProperty('color', 'var(--ck-button-hover-foreground)');
  }
  try {
    return await check();
  } finally {
    for (const button of buttons) {
      for (const property of ['transition', 'background', 'color']) button.style.removeProperty(property);
    }
  }
}

/** Elements with text of their own, outside buttons (whose labels are centred on purpose), that are centred. */
export function centredText(roots: readonly Element[]): string[] {
  const elements = roots.flatMap((root) => [root, ...root.querySelectorAll('*')]);
  return elements
    .filter((element) => !element.closest('button, [role="tab"], .ck-visually-hidden'))
    .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()))
    .filter((element) => getComputedStyle(element).textAlign.includes('center'))
    .map(describeElement);
}
