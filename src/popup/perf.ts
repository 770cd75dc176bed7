/**
 * Performance marks read by bench/popup.bench.ts (cheap, always on). "First meaningful paint" is the
 * first frame after the popup shows real content: the "This page" header, the library's first rows,
 * or a final empty/error state. `gleaner:fmp-commit` is the DOM commit, `gleaner:fmp` the task after
 * the next animation frame (that frame has been painted by then).
 */
let firstPaintMarked = false;

export function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return fn();
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function markFirstPaint(what: string): void {
  if (firstPaintMarked) return;
  firstPaintMarked = true;
  performance.mark('gleaner:fmp-commit', { detail: what });
  afterNextPaint(() => performance.mark('gleaner:fmp', { detail: what }));
}

export function markSearchResults(query: string): void {
  performance.mark('gleaner:search-commit', { detail: query });
  afterNextPaint(() => performance.mark('gleaner:search-painted', { detail: query }));
}
