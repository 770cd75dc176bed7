/**
 * Performance marks read by bench/popup.bench.ts (cheap, always on). "First meaningful paint" is the
 * first frame after the popup shows real content: the "This page" header, the library's first rows,
 * or a final empty/error state. `gleaner:fmp-commit` is the DOM commit, `gleaner:fmp` the task after
 * the next animation frame (that frame has been painted by then).
 */
let firstPaintMarked = false;

/** performance.mark, where it exists (not in every test DOM). */
export function mark(name: string, detail?: string): void {
  try {
    performance.mark(name, { detail });
  } catch {
    // No User Timing here: the marks are only for measuring.
  }
}

export function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return fn();
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function markFirstPaint(what: string): void {
  if (firstPaintMarked) return;
  firstPaintMarked = true;
  mark('gleaner:fmp-commit', what);
  afterNextPaint(() => mark('gleaner:fmp', what));
}

const once = new Set<string>();

/** A mark set the first time only, after the next paint (e.g. the library's fresh rows). */
export function markOnce(name: string): void {
  if (once.has(name)) return;
  once.add(name);
  afterNextPaint(() => mark(name));
}

export function markSearchResults(query: string): void {
  mark('gleaner:search-commit', query);
  afterNextPaint(() => mark('gleaner:search-painted', query));
}
