'use client';
/**
 * Keyboard operation of a virtualised grid of rows, the WAI-ARIA grid way with row focus: one row is in the tab
 * order (roving tabindex); arrows, Page Up/Down, Home/End (and Ctrl+Home/End) move it, Enter or Space chooses it.
 * The focused row is always kept rendered by the virtualiser (see `withActiveRow`), so focus is never lost to
 * virtualisation, and moving to a row scrolls it into view first, then focuses it.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useFocusEffect } from '../../headless/focus.ts';

export interface GridNavigation {
  /** Index of the row in the tab order. */
  readonly activeIndex: number;
  readonly setActiveIndex: (index: number) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export interface UseGridNavigationOptions {
  readonly count: number;
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Rows a Page Up/Down moves. */
  readonly pageRows: number;
  readonly onChoose: (index: number) => void;
  /** Asked when End reaches the last loaded row: there may be more to load. */
  readonly onReachEnd: () => void;
  /** Finds a rendered row element by index. */
  readonly rowElement: (index: number) => HTMLElement | null;
  /**
   * Told the new active row the moment it changes, before React renders it. A virtualiser's range extractor that
   * keeps the active row rendered should read it from here: the virtualiser is made before this hook, so
   * `activeIndex` reaches it one render late — the jumped-to row would miss the render that moves focus to it, and
   * the row losing focus could leave the DOM before the new one arrives.
   */
  readonly onActiveIndexChange?: (index: number) => void;
}

export function useGridNavigation(options: UseGridNavigationOptions): GridNavigation {
  const { count, virtualizer, pageRows, onChoose, onReachEnd, rowElement, onActiveIndexChange } = options;
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(count - 1, 0));
  const pendingFocus = useRef(false);

  // After a move, the row may only now be rendered: focus it in the commit that renders it, not a frame later.
  useFocusEffect(() => {
    if (!pendingFocus.current) return;
    const element = rowElement(activeIndex);
    if (element) {
      pendingFocus.current = false;
      element.focus({ preventScroll: true });
    }
  });

  const setActiveIndex = (index: number) => {
    onActiveIndexChange?.(index);
    setActive(index);
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, count - 1));
    setActiveIndex(next);
    pendingFocus.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (next === count - 1) onReachEnd();
  };

  return {
    activeIndex,
    setActiveIndex,
    onKeyDown: (event) => {
      if (count === 0 || !(event.target as HTMLElement).matches('[role="row"][data-index]')) return;
      const keys: Record<string, () => void> = {
        ArrowDown: () => moveTo(activeIndex + 1),
        ArrowUp: () => moveTo(activeIndex - 1),
        PageDown: () => moveTo(activeIndex + pageRows),
        PageUp: () => moveTo(activeIndex - pageRows),
        Home: () => moveTo(0),
        End: () => moveTo(count - 1),
        Enter: () => onChoose(activeIndex),
        ' ': () => onChoose(activeIndex),
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    },
  };
}

/** A range extractor that always renders the focused row too, wherever the list is scrolled. */
export function withActiveRow(range: readonly number[], activeIndex: number, count: number): number[] {
  if (activeIndex >= count || range.includes(activeIndex)) return [...range];
  return [...range, activeIndex].sort((a, b) => a - b);
}
