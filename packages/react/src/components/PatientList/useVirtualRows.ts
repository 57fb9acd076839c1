/**
 * The scrolling grid of patients that PatientList and ClinikoPatientSearch both draw: rows virtualised under a sticky
 * header, the keyboard's active row always rendered, and the next page asked for once the rendered rows reach the
 * last loaded one. The widgets keep their own columns and words; this is the part of the grid that is the same.
 */
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Virtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import { useGridNavigation, withActiveRow, type GridNavigation } from './useGridNavigation.ts';

/** Height of the grid's sticky header row, in pixels: the rows scroll under it. */
export const GRID_HEADER_HEIGHT = 40;
/** Rows rendered beyond the visible ones, each way: scrolling shows them at once, and the next page loads early. */
const OVERSCAN = 8;

export interface UseVirtualRowsOptions<Row extends { readonly id: string }> {
  /** The rows loaded so far. */
  readonly rows: readonly Row[];
  /** Height of the scrolling list in pixels. */
  readonly height: number;
  /** Height of one row in pixels (rows are this tall, so 10,000 of them scroll without measuring). */
  readonly rowHeight: number;
  /** Called with the row chosen by Enter or a click. */
  readonly onSelect?: ((row: Row) => void) | undefined;
  /** Asks for the next page (a no-op when there is none or one is on its way). */
  readonly loadMore: () => void;
}

export interface VirtualRows {
  /** The scrolling element. */
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** The rows to render now. */
  readonly items: readonly VirtualItem[];
  readonly navigation: GridNavigation;
  /** Hands the row at `index` to `onSelect` (a click; Enter does it through the navigation). */
  choose(index: number): void;
}

export function useVirtualRows<Row extends { readonly id: string }>(options: UseVirtualRowsOptions<Row>): VirtualRows {
  const { rows, height, rowHeight, onSelect, loadMore } = options;
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeRef = useRef(0);

  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render; nothing here memoises it
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    scrollMargin: GRID_HEADER_HEIGHT,
    scrollPaddingStart: GRID_HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    // Where nothing can be measured (server rendering, tests without layout), the list is as tall as it is told.
    initialRect: { width: 0, height },
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { width: rect.width, height })),
    rangeExtractor: (range) => withActiveRow(defaultRangeExtractor(range), activeRef.current, rows.length),
  });
  const items = virtualizer.getVirtualItems();

  const choose = (index: number) => {
    const row = rows[index];
    if (row) onSelect?.(row);
  };
  const navigation = useGridNavigation({
    count: rows.length,
    virtualizer,
    pageRows: Math.max(1, Math.floor((height - GRID_HEADER_HEIGHT) / rowHeight) - 1),
    onChoose: choose,
    onReachEnd: loadMore,
    rowElement: (index) => scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`) ?? null,
    // A move reaches the range extractor before the render that shows it (see UseGridNavigationOptions).
    onActiveIndexChange: (index) => {
      activeRef.current = index;
    },
  });
  // Also clamped to the rows there are, when the list shrinks.
  activeRef.current = navigation.activeIndex;

  // Infinite scroll: once the rendered rows (which run OVERSCAN past the visible ones) reach the last loaded row.
  const lastRendered = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (rows.length > 0 && lastRendered >= rows.length - 1) loadMore();
  }, [lastRendered, rows.length, loadMore]);

  return { scrollRef, virtualizer, items, navigation, choose };
}
