/**
 * Time-slicing and debouncing, with the clock and the yield injectable so unit tests can drive them.
 */

export interface SliceOptions {
  /** Yield to the page after this many milliseconds of work (default 8). */
  sliceMs?: number;
  now?: () => number;
  yieldFn?: () => Promise<void>;
  signal?: AbortSignal;
}

export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return sched.yield();
  return new Promise(resolve => setTimeout(resolve, 0));
}

const defaultNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Runs work(item, i) for each item, yielding to the event loop whenever a slice has run for sliceMs, so a
 * page with hundreds of highlights stays responsive while they anchor. Stops early when signal aborts.
 * Returns the number of yields (for tests and metrics).
 */
export async function forEachSliced<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  opts: SliceOptions = {},
): Promise<number> {
  const sliceMs = opts.sliceMs ?? 8;
  const now = opts.now ?? defaultNow;
  const yieldFn = opts.yieldFn ?? yieldToPage;
  let yields = 0;
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (opts.signal?.aborted) return yields;
    if (now() - sliceStart >= sliceMs) {
      await yieldFn();
      yields++;
      if (opts.signal?.aborted) return yields;
      sliceStart = now();
    }
    work(items[i]!, i);
  }
  return yields;
}

export interface Debounced {
  (): void;
  cancel(): void;
  /** Run now if a call is pending. */
  flush(): void;
}

/** Trailing-edge debounce; `maxWaitMs` bounds the delay under a continuous stream of calls. */
export function debounce(fn: () => void, waitMs: number, maxWaitMs = waitMs * 4): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstCall = 0;
  const run = () => {
    timer = null;
    firstCall = 0;
    fn();
  };
  const d = (() => {
    const t = Date.now();
    if (!firstCall) firstCall = t;
    if (timer !== null) clearTimeout(timer);
    const wait = Math.max(0, Math.min(waitMs, firstCall + maxWaitMs - t));
    timer = setTimeout(run, wait);
  }) as Debounced;
  d.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstCall = 0;
  };
  d.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    run();
  };
  return d;
}

/** Run fn when the page is idle (bounded by timeoutMs), so startup work never competes with the page's. */
export function whenIdle(fn: () => void, timeoutMs = 2000): void {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  if (typeof ric === 'function') ric(fn, { timeout: timeoutMs });
  else setTimeout(fn, 50);
}
