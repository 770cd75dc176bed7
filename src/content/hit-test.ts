/**
 * Which drawn highlights are under a point. The Custom Highlight API adds no elements to click on, so a
 * click is mapped to a caret position (caretPositionFromPoint, or caretRangeFromPoint in older Chrome) and
 * tested against the ranges; the ranges' client rects then confirm the point is really on the text (the
 * caret snaps to the nearest text even when the click lands in a margin).
 */

export interface Caret {
  node: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretFromPoint(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDoc;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      if (p?.offsetNode) return { node: p.offsetNode, offset: p.offset };
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      if (r) return { node: r.startContainer, offset: r.startOffset };
    }
  } catch {
    // Some pages (e.g. with odd shadow trees) make these throw; no hit then.
  }
  return null;
}

/** Slack in CSS pixels around the text's line boxes. */
const SLACK = 2;

function rectsContain(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - SLACK && x <= r.right + SLACK && y >= r.top - SLACK && y <= r.bottom + SLACK)
      return true;
  }
  return false;
}

function containsCaret(range: Range, caret: Caret): boolean {
  try {
    return range.isPointInRange(caret.node, caret.offset);
  } catch {
    return false; // a different document or a doctype node
  }
}

/**
 * Keys of the ranges under (x, y), the shortest range first (the most specific highlight wins). The caret
 * test is cheap and runs first; only candidates get their rects measured.
 */
export function hitTest(
  entries: Iterable<readonly [string, Range]>,
  caret: Caret | null,
  x: number,
  y: number,
): string[] {
  const hits: { key: string; len: number }[] = [];
  for (const [key, range] of entries) {
    if (range.collapsed) continue;
    if (caret && !containsCaret(range, caret)) continue;
    if (!rectsContain(range, x, y)) continue;
    hits.push({ key, len: range.toString().length });
  }
  hits.sort((a, b) => a.len - b.len);
  return hits.map(h => h.key);
}
