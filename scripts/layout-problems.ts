/**
 * What is wrong with a page's layout as it is drawn now, measured in the browser from bounding boxes: the page wider
 * than the window (a phone scrolls sideways), and interactive controls — or a label and a control — drawn over one
 * another (one hides the other, or a click lands on the wrong one). Used by the Storybook tests (every story, at
 * every width and theme) and the demo's end-to-end layout test (every screen).
 *
 * Self-contained on purpose: the demo's test hands it to the page (`page.evaluate(layoutProblems)`), so it may use
 * nothing from outside its own body.
 */
export function layoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > window.innerWidth + 1) {
    // Name what sticks out: the innermost elements past the window's right edge (their parents only hold them).
    const past = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 1,
    );
    const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other))).slice(0, 3);
    const named = innermost.map(
      (element) =>
        `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)}px)`,
    );
    problems.push(`the page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window: ${named.join(', ')}`);
  }

  const CONTROLS = [
    'button',
    'a[href]',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[role="button"]',
    '[role="tab"]',
    '[role="radio"]',
    '[role="checkbox"]',
    '[tabindex="0"]',
    'label',
  ].join(', ');

  /** The part of an element the user can see: its box, cut by every ancestor that clips its content. */
  /**
   * The parts of an element the user can see: its boxes (one per line for an inline label that wraps), each cut by
   * every ancestor that clips its content.
   */
  const shownBoxes = (element: Element): DOMRect[] => {
    const style = getComputedStyle(element);
    // Hidden, or shut out by an open modal dialog (which hides everything else from the user with aria-hidden).
    if (style.visibility === 'hidden' || Number(style.opacity) === 0 || element.closest('[hidden], [inert], [aria-hidden="true"]'))
      return [];
    const clips: DOMRect[] = [];
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const clip = getComputedStyle(parent);
      if (clip.overflowX !== 'visible' || clip.overflowY !== 'visible' || clip.clipPath !== 'none' || clip.clip !== 'auto')
        clips.push(parent.getBoundingClientRect());
    }
    const boxes: DOMRect[] = [];
    for (const box of element.getClientRects()) {
      let { left, top, right, bottom } = box;
      for (const limit of clips) {
        left = Math.max(left, limit.left);
        top = Math.max(top, limit.top);
        right = Math.min(right, limit.right);
        bottom = Math.min(bottom, limit.bottom);
      }
      // Under 2 px either way: visually hidden (a screen-reader-only label, a native radio behind a styled one).
      if (right - left >= 2 && bottom - top >= 2) boxes.push(new DOMRect(left, top, right - left, bottom - top));
    }
    return boxes;
  };

  const describe = (element: Element): string => {
    const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const field =
      element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement
        ? element.labels?.[0]?.textContent?.trim()
        : '';
    const widget = element.closest('[class*="ck-root"]')?.className.match(/ck-([A-Z]\w+)/)?.[1];
    return `${widget ? `${widget} ` : ''}${element.tagName.toLowerCase()}${field ? ` "${field.slice(0, 40)}"` : name ? ` "${name}"` : ''}`;
  };

  const shown: { element: Element; boxes: DOMRect[] }[] = [];
  for (const element of document.querySelectorAll(CONTROLS)) {
    const boxes = shownBoxes(element);
    if (boxes.length > 0) shown.push({ element, boxes });
  }
  /** The largest overlap of two lists of boxes, as [width, height]; a shared border (1 px) is none. */
  const overlap = (first: DOMRect[], second: DOMRect[]): [number, number] | undefined => {
    for (const a of first) {
      for (const b of second) {
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (width > 1 && height > 1) return [width, height];
      }
    }
    return undefined;
  };
  for (let i = 0; i < shown.length; i += 1) {
    const a = shown[i] as { element: Element; boxes: DOMRect[] };
    for (let j = i + 1; j < shown.length; j += 1) {
      const b = shown[j] as { element: Element; boxes: DOMRect[] };
      // A control inside another (an input in its label, a link in a summary) is one thing to the user.
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      // Two labels side by side share no click; a label over a control is the problem.
      if (a.element.tagName === 'LABEL' && b.element.tagName === 'LABEL') continue;
      const found = overlap(a.boxes, b.boxes);
      if (found)
        problems.push(`${describe(a.element)} overlaps ${describe(b.element)} by ${Math.round(found[0])}×${Math.round(found[1])} px`);
    }
  }
  return problems;
}
