/**
 * PatientList with 10,000 patients already loaded (100 pages of 100 in the query cache, as after scrolling to the
 * end): how long its first render takes, how many row elements it puts in the page, and how fast it follows a jump
 * of the scroll position and the arrow keys. The data is prepared before the clock starts: what is timed is the
 * widget's own work.
 */
import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PatientList } from '../../src/components/PatientList/PatientList.tsx';
import { syntheticPage } from '../../src/components/PatientList/synthetic-patients.ts';
import { ClinikProvider } from '../../src/provider/ClinikProvider.tsx';
import { resourceQueries } from '../../src/queries/resource-queries.ts';
import '../../src/styles/index.css';
import { nextPaint, summarise, until } from './bench-page.ts';

const TOTAL = 10_000;
const PAGE_SIZE = 100;
const ROW_HEIGHT = 44;
const RUNS = 25;

/** No request may leave the page: everything is in the cache, fresh forever. */
const noNetwork = (() => new Promise<Response>(() => undefined)) as typeof fetch;

function loadedClient(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const pages = [];
  const pageParams: (string | undefined)[] = [];
  let cursor: string | null = null;
  do {
    const page = syntheticPage(TOTAL, cursor, PAGE_SIZE);
    pages.push(page);
    pageParams.push(cursor ?? undefined);
    cursor = page.cursor ?? null;
  } while (cursor);
  client.setQueryData(resourceQueries('patients').infiniteSearch({ count: PAGE_SIZE }).queryKey, { pages, pageParams });
  return client;
}

const rowElements = (container: HTMLElement) => container.querySelectorAll('[role="row"][data-index]').length;

async function mountOnce(client: QueryClient) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const started = performance.now();
  flushSync(() =>
    root.render(
      <ClinikProvider proxyUrl="/api/clinik" fetch={noNetwork} queryClient={client}>
        <PatientList pageSize={PAGE_SIZE} rowHeight={ROW_HEIGHT} searchDelayMs={0} onSelect={() => undefined} />
      </ClinikProvider>,
    ),
  );
  const committed = performance.now() - started;
  await nextPaint();
  const painted = performance.now() - started;
  return { container, root, committed, painted };
}

async function run() {
  const committed: number[] = [];
  const painted: number[] = [];
  let rows = 0;
  let shown = '';
  for (let index = 0; index < RUNS; index += 1) {
    const mounted = await mountOnce(loadedClient());
    committed.push(mounted.committed);
    painted.push(mounted.painted);
    rows = Math.max(rows, rowElements(mounted.container));
    shown = mounted.container.querySelector('[role="status"]')?.textContent ?? '';
    mounted.root.unmount();
    mounted.container.remove();
  }

  // Scroll jumps and keys on one mounted list.
  const { container, root } = await mountOnce(loadedClient());
  const grid = container.querySelector<HTMLElement>('[role="grid"]') as HTMLElement;
  const jumps: number[] = [];
  let maxRowsWhileScrolling = 0;
  for (let jump = 0; jump < 40; jump += 1) {
    const target = (jump * 2_473) % TOTAL;
    const started = performance.now();
    grid.scrollTop = target * ROW_HEIGHT;
    await until(() => grid.querySelector(`[role="row"][data-index="${target}"]`) !== null);
    jumps.push(performance.now() - started);
    maxRowsWhileScrolling = Math.max(maxRowsWhileScrolling, rowElements(container));
  }

  grid.scrollTop = 0;
  await until(() => grid.querySelector('[role="row"][data-index="0"]') !== null);
  (grid.querySelector('[role="row"][data-index="0"]') as HTMLElement).focus();
  const keys: number[] = [];
  const press = async (key: string, expected: number) => {
    const started = performance.now();
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await until(() => (document.activeElement as HTMLElement | null)?.dataset.index === String(expected));
    return performance.now() - started;
  };
  for (let step = 1; step <= 60; step += 1) keys.push(await press('ArrowDown', step));
  const end = await press('End', TOTAL - 1);
  const home = await press('Home', 0);
  maxRowsWhileScrolling = Math.max(maxRowsWhileScrolling, rowElements(container));
  root.unmount();

  return {
    patients: TOTAL,
    status: shown,
    firstRenderCommit: summarise(committed),
    firstRenderToPaint: summarise(painted),
    rowElements: rows,
    rowElementsWhileScrolling: maxRowsWhileScrolling,
    domNodes: document.getElementsByTagName('*').length,
    scrollJumpToRows: summarise(jumps),
    arrowKeyToFocus: summarise(keys),
    endKeyToFocus: end,
    homeKeyToFocus: home,
  };
}

window.runBench = run;
