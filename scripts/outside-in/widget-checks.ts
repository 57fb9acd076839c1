/**
 * What a host page's own CSS must not do to the widgets, measured in the page as it is. Each check looks only inside
 * widget roots (`.ck-root`): the host page is the stranger's business.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's `color-contrast` rule inside every widget root: `rule: selector (foreground on background, ratio)` lines. */
export async function contrastViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    interface AxeNode {
      target: string[];
      any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[];
    }
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { nodes: AxeNode[] }[] }> } })
      .axe;
    const result = await axe.run({ include: [['.ck-root']] }, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => {
        const data = node.any[0]?.data;
        return `${node.target.join(' ')} (${data?.fgColor} on ${data?.bgColor}, ${data?.contrastRatio})`;
      }),
    );
  });
}

/**
 * Text the host page centres: elements inside a widget whose text is centred only because of what they inherit
 * from outside the widget. Found by giving each widget root's parent `text-align: start` and seeing whose computed
 * alignment changes — so the widgets' own centring (an empty state, a button's label) is never counted.
 */
export async function textCentredByHost(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element): string =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const withText = [...document.querySelectorAll('.ck-root, .ck-root *')].filter((element) =>
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''),
    );
    const before = withText.map((element) => getComputedStyle(element).textAlign);
    const hosts = [
      ...new Set([...document.querySelectorAll('.ck-root')].map((root) => root.parentElement).filter((host) => host !== null)),
    ];
    const saved = hosts.map((host) => host.style.textAlign);
    for (const host of hosts) host.style.textAlign = 'start';
    const after = withText.map((element) => getComputedStyle(element).textAlign);
    hosts.forEach((host, index) => (host.style.textAlign = saved[index] ?? ''));
    return withText.filter((_element, index) => before[index] === 'center' && after[index] !== 'center').map(describe);
  });
}

/** How each visible widget button variant looks: `variant → background | text colour | border colour` (one per variant). */
export async function buttonLooks(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const looks: Record<string, Set<string>> = {};
    for (const button of document.querySelectorAll<HTMLElement>('.ck-root .ck-Button')) {
      if (button.getClientRects().length === 0) continue;
      const variant = [...button.classList].find((name) => name.startsWith('ck-Button--'))?.slice('ck-Button--'.length) ?? 'none';
      const style = getComputedStyle(button);
      (looks[variant] ??= new Set()).add(`${style.backgroundColor} | ${style.color} | ${style.borderTopColor}`);
    }
    return Object.fromEntries(Object.entries(looks).map(([variant, set]) => [variant, [...set]]));
  });
}

/** Pairs of variants that look the same: a primary action that cannot be told from a secondary one. */
export function indistinctVariants(looks: Record<string, string[]>): string[] {
  const variants = Object.keys(looks).sort();
  const clashes: string[] = [];
  for (const [index, first] of variants.entries()) {
    for (const second of variants.slice(index + 1)) {
      const shared = (looks[first] ?? []).filter((look) => (looks[second] ?? []).includes(look));
      if (shared.length > 0) clashes.push(`${first} and ${second} both look ${shared.join(', ')}`);
    }
  }
  return clashes;
}
