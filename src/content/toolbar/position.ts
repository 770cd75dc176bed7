/**
 * Where to put a floating panel next to a text range so that it never covers the text: above the first
 * line when there is room, else below the last line, else (a selection taller than the viewport) pinned to
 * whichever viewport edge leaves more of the selection visible. Pure: viewport coordinates in, coordinates out.
 */

export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'above' | 'below' | 'edge';
}

const MARGIN = 6;

export function placePanel(
  rects: readonly Box[],
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
): Placement {
  const visible = rects.filter(r => r.right > r.left || r.bottom > r.top);
  const first = visible[0] ?? rects[0] ?? { top: 0, left: 0, right: 0, bottom: 0 };
  const last = visible[visible.length - 1] ?? first;
  const clampX = (centre: number) =>
    Math.max(MARGIN, Math.min(centre - size.width / 2, viewport.width - size.width - MARGIN));
  const above = first.top - gap - size.height;
  if (above >= MARGIN) return { top: above, left: clampX((first.left + first.right) / 2), side: 'above' };
  const below = last.bottom + gap;
  if (below + size.height <= viewport.height - MARGIN)
    return { top: below, left: clampX((last.left + last.right) / 2), side: 'below' };
  // Taller than the viewport: the top edge when the selection starts above it, else the bottom edge.
  const top = first.top < MARGIN ? MARGIN : viewport.height - size.height - MARGIN;
  return { top, left: clampX((first.left + first.right) / 2), side: 'edge' };
}

/** Plain boxes from a range's client rects (DOMRect objects do not spread). */
export function rangeBoxes(range: Range): Box[] {
  const out: Box[] = [];
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    out.push({ top: r.top, left: r.left, right: r.right, bottom: r.bottom });
  }
  if (!out.length) {
    const b = range.getBoundingClientRect();
    out.push({ top: b.top, left: b.left, right: b.right, bottom: b.bottom });
  }
  return out;
}
