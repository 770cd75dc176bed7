/**
 * Time-slicing and debouncing, with the clock and the yield injectable so unit tests can drive them.
 */

export interface SliceOptions {
  /** Yield to the page after this many milliseconds of work (default 8). */
  sliceMs?: number;
  now?: () => number;
  yieldFn?: () => Promise<void>;
  signal?: AbortSignal;
  /** Continue an existing slice (sliceClock) instead of starting a new one; then sliceMs/now/yieldFn are its. */
  clock?: SliceClock;
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
  const clock = opts.clock ?? sliceClock(opts);
  for (let i = 0; i < items.length; i++) {
    if (opts.signal?.aborted) return clock.yields();
    if (clock.due()) {
      await clock.pause();
      if (opts.signal?.aborted) return clock.yields();
    }
    work(items[i]!, i);
  }
  return clock.yields();
}

export interface SliceClock {
  /** True when the current slice has run for sliceMs. */
  due(): boolean;
  /** Yields to the page and starts a new slice. */
  pause(): Promise<void>;
  /** Yields so far. */
  yields(): number;
}

/**
 * The slice bookkeeping of forEachSliced for work that is not a list (e.g. the text-index walk, which asks
 * due() every few hundred nodes): one clock can be shared by consecutive phases, so the index build and the
 * anchoring that follows split one budget instead of each starting a fresh slice.
 */
export function sliceClock(opts: SliceOptions = {}): SliceClock {
  const sliceMs = opts.sliceMs ?? 8;
  const now = opts.now ?? defaultNow;
  const yieldFn = opts.yieldFn ?? yieldToPage;
  let yields = 0;
  let sliceStart = now();
  return {
    due: () => now() - sliceStart >= sliceMs,
    pause: async () => {
      await yieldFn();
      yields++;
      sliceStart = now();
    },
    yields: () => yields,
  };
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
