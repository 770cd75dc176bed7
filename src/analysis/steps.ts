/**
 * Resumable work: the analysis steps are generators that `yield` at safe points (between pipeline
 * steps, every few hundred elements of a DOM walk). A yield is only an offer to pause; the driver
 * decides. `runToEnd` never pauses (analyze(), the CLI, the benchmarks), `runSliced` pauses whenever
 * a slice has run for `sliceMs`, so the same code serves both and gives the same result.
 *
 * Time budgets count WORK time, not time spent paused: the steps read the clock through a `WorkClock`
 * whose `now()` stops while the driver is paused. A page that keeps the main thread busy therefore
 * cannot make the analysis give up, and a sliced run gives up at the same point of the work as an
 * unsliced one would on the same machine.
 */

/** Work that may pause at each `yield`; its return value is the result. */
export type Steps<T> = Generator<void, T, void>;

/** A clock for budgets (milliseconds, performance.now() origin), stopped while the work is paused. */
export interface WorkClock {
  now(): number;
}

const wallNow = (): number => performance.now();

/** The wall clock: right when nothing pauses (runToEnd). */
export const WALL_CLOCK: WorkClock = { now: wallNow };

/** Runs `steps` to the end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Pause once a slice has run this long (ms, default 8: a frame's worth, far under a 50 ms long task). */
  sliceMs?: number;
  /** How to pause: resolves when the page has had its turn (the content script: a new task). */
  yield?: () => Promise<void>;
  /** Stops the work at the next pause: runSliced rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Wall clock (tests inject a fake one). */
  now?: () => number;
}

/** A pause of one macrotask where the environment has one: setImmediate (Node), else setTimeout. */
export function defaultYield(): Promise<void> {
  const si = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise(resolve => (si ? si(resolve) : setTimeout(resolve, 0)));
}

/** A work clock driven by runSliced: the wall clock minus the time spent paused. */
export class PausingClock implements WorkClock {
  private paused = 0;
  constructor(private readonly wall: () => number = wallNow) {}
  now(): number {
    return this.wall() - this.paused;
  }
  addPause(ms: number): void {
    this.paused += ms;
  }
}

export interface SliceStats {
  /** Pauses taken. */
  yields: number;
  /** Longest stretch of work between two pauses (ms, wall clock). */
  longestSliceMs: number;
}

/**
 * Runs `steps`, pausing through `opts.yield` whenever `sliceMs` have passed since the last pause.
 * `clock` (when given) is told about each pause so that budgets count work time only. Exceptions from
 * the steps propagate; an aborted signal rejects at the next pause.
 */
export async function runSliced<T>(
  steps: Steps<T>,
  opts: SliceOptions = {},
  clock?: PausingClock,
  stats?: SliceStats,
): Promise<T> {
  const sliceMs = opts.sliceMs ?? 8;
  const pause = opts.yield ?? defaultYield;
  const now = opts.now ?? wallNow;
  let sliceStart = now();
  try {
    for (;;) {
      const r = steps.next();
      if (r.done) {
        if (stats) stats.longestSliceMs = Math.max(stats.longestSliceMs, now() - sliceStart);
        return r.value;
      }
      const t = now();
      if (t - sliceStart < sliceMs) continue;
      if (stats) {
        stats.longestSliceMs = Math.max(stats.longestSliceMs, t - sliceStart);
        stats.yields++;
      }
      opts.signal?.throwIfAborted();
      await pause();
      opts.signal?.throwIfAborted();
      sliceStart = now();
      clock?.addPause(sliceStart - t);
    }
  } finally {
    // Abandoned at a pause (abort): run the steps' finally blocks (they release observers).
    steps.return(undefined as T);
  }
}
