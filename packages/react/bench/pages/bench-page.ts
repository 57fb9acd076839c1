/** What a bench page shares: waiting for frames and conditions, and summarising timings. */

/** Resolves after the browser has had a chance to paint what was just committed. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves once `check()` holds, looking after every DOM change (and every frame, for focus and scroll). */
export function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const started = performance.now();
    const observer = new MutationObserver(() => test());
    let frame = 0;
    const test = () => {
      if (check()) {
        observer.disconnect();
        cancelAnimationFrame(frame);
        resolve();
      } else if (performance.now() - started > timeoutMs) {
        observer.disconnect();
        reject(new Error('bench: condition not reached in time'));
      } else frame = requestAnimationFrame(test);
    };
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    frame = requestAnimationFrame(test);
  });
}

export interface Summary {
  readonly runs: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { runs: sorted.length, min: sorted[0] as number, median: at(0.5), p95: at(0.95), max: sorted.at(-1) as number };
}

declare global {
  interface Window {
    /** Set by each page once it is ready: runs the page's measurements and answers its figures. */
    runBench?: () => Promise<unknown>;
  }
}
