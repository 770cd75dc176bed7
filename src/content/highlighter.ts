/**
 * Draws highlights. Where the browser has the CSS Custom Highlight API (Chrome 105+, Firefox 140+) there is
 * one `Highlight` per style registered as `gleaner-<style>` in CSS.highlights, styled by content.css with
 * ::highlight(): the page's DOM is never modified. Elsewhere the fallback wraps the range's text nodes in
 * <gleaner-mark> elements that unwrap without a trace (the split text nodes are merged back).
 *
 * Contract: one drawn range per key; `set` replaces the key's previous drawing. `rangeOf` returns the range
 * used for hit-testing (live: it follows DOM edits as live ranges do).
 */
import { appendChild, insertBefore, removeChild } from './safe';

export type HighlightStyle = string;

export interface Highlighter {
  readonly native: boolean;
  set(key: string, range: Range, style: HighlightStyle): void;
  remove(key: string): void;
  /** Remove every key for which keep(key) is false (all keys without a filter). */
  clear(keep?: (key: string) => boolean): void;
  has(key: string): boolean;
  rangeOf(key: string): Range | null;
  styleOf(key: string): HighlightStyle | null;
  keys(): string[];
}

/** Called around our own DOM writes, so the page observer can drop the records they cause. */
export type MutationGuard = (write: () => void) => void;

export const HIGHLIGHT_PREFIX = 'gleaner-';
export const MARK_TAG = 'gleaner-mark';

interface HighlightCtor {
  new (...ranges: AbstractRange[]): Highlight;
}

export function createHighlighter(doc: Document, guard: MutationGuard = w => w()): Highlighter {
  const win = doc.defaultView as {
    Highlight?: HighlightCtor;
    CSS?: { highlights?: HighlightRegistry };
  } | null;
  const registry = win?.CSS?.highlights;
  if (registry && typeof win?.Highlight === 'function') return nativeHighlighter(registry, win.Highlight);
  return wrappingHighlighter(doc, guard);
}

/** Priority of a style: flash over colours over figure marks. */
/** The parts of a Highlighter that only read or empty its table of drawn keys, shared by both backends. */
function bookkeeping(
  drawn: Map<string, { range: Range; style: HighlightStyle }>,
  remove: (key: string) => void,
): Pick<Highlighter, 'remove' | 'clear' | 'has' | 'rangeOf' | 'styleOf' | 'keys'> {
  return {
    remove,
    clear(keep) {
      for (const key of [...drawn.keys()]) if (!keep?.(key)) remove(key);
    },
    has: key => drawn.has(key),
    rangeOf: key => drawn.get(key)?.range ?? null,
    styleOf: key => drawn.get(key)?.style ?? null,
    keys: () => [...drawn.keys()],
  };
}

function priorityOf(style: HighlightStyle): number {
  return style === 'flash' ? 3 : style === 'figure' ? 1 : 2;
}

function nativeHighlighter(registry: HighlightRegistry, Ctor: HighlightCtor): Highlighter {
  const drawn = new Map<string, { range: Range; style: HighlightStyle }>();
  const byStyle = new Map<HighlightStyle, Highlight>();

  const highlightFor = (style: HighlightStyle): Highlight => {
    const name = HIGHLIGHT_PREFIX + style;
    let h = byStyle.get(style);
    // Re-register when the page deleted our entry from the (shared, per-document) registry.
    if (!h) {
      h = new Ctor();
      h.priority = priorityOf(style);
      byStyle.set(style, h);
    }
    if (registry.get(name) !== h) registry.set(name, h);
    return h;
  };

  const remove = (key: string) => {
    const d = drawn.get(key);
    if (!d) return;
    drawn.delete(key);
    byStyle.get(d.style)?.delete(d.range);
  };

  return {
    native: true,
    set(key, range, style) {
      remove(key);
      drawn.set(key, { range, style });
      highlightFor(style).add(range);
    },
    ...bookkeeping(drawn, remove),
  };
}

interface Wrapped {
  range: Range;
  style: HighlightStyle;
  marks: HTMLElement[];
}

/** The text nodes a range covers, split so that each one lies wholly inside it. */
function coveredTextNodes(doc: Document, range: Range, splits: WeakSet<Text>): Text[] {
  if (range.collapsed) return [];
  let { startContainer, startOffset, endContainer, endOffset } = range;
  if (endContainer.nodeType === 3 && endOffset > 0 && endOffset < (endContainer as Text).length) {
    const rest = (endContainer as Text).splitText(endOffset);
    splits.add(rest);
    splits.add(endContainer as Text);
  }
  if (startContainer.nodeType === 3 && startOffset > 0 && startOffset < (startContainer as Text).length) {
    const tail = (startContainer as Text).splitText(startOffset);
    splits.add(tail);
    splits.add(startContainer as Text);
    if (endContainer === startContainer) {
      endContainer = tail;
      endOffset = tail.length;
    }
    startContainer = tail;
    startOffset = 0;
  }
  const r = doc.createRange();
  r.setStart(startContainer, startOffset);
  r.setEnd(endContainer, endOffset);
  const root = r.commonAncestorContainer;
  const out: Text[] = [];
  if (root.nodeType === 3) {
    if (r.startOffset < r.endOffset || startContainer !== endContainer) out.push(root as Text);
    return out;
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!r.intersectsNode(t)) continue;
    if (t === startContainer && startOffset >= t.length) continue;
    if (t === endContainer && endOffset === 0) continue;
    if (!t.data.length) continue;
    // Text inside <script>/<style> and our own UI is not drawn.
    const parent = t.parentElement;
    if (!parent || parent.closest('script, style, noscript, textarea')) continue;
    out.push(t);
  }
  return out;
}

function wrappingHighlighter(doc: Document, guard: MutationGuard): Highlighter {
  const drawn = new Map<string, Wrapped>();
  // Text nodes that exist only because we split them; merged back on removal.
  const splits = new WeakSet<Text>();

  /** Unwrap the marks; `merge` re-joins the text nodes we split (skipped when redrawing at once, since
   * merging moves the boundaries of live ranges that point into the split nodes). */
  const unwrap = (w: Wrapped, merge: boolean) => {
    for (const mark of w.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      const children = [...mark.childNodes];
      for (const child of children) insertBefore(parent, child, mark);
      removeChild(parent, mark);
      if (merge) for (const child of children) if (child.nodeType === 3) mergeSplit(child as Text);
    }
  };

  /** Merge a text node with neighbours that were split off it by us (and not since edited away). */
  const mergeSplit = (t: Text) => {
    if (!t.parentNode) return;
    let next = t.nextSibling;
    while (next && next.nodeType === 3 && (splits.has(next as Text) || splits.has(t))) {
      t.appendData((next as Text).data);
      removeChild(t.parentNode, next);
      next = t.nextSibling;
    }
    const prev = t.previousSibling;
    if (prev && prev.nodeType === 3 && (splits.has(prev as Text) || splits.has(t))) {
      (prev as Text).appendData(t.data);
      removeChild(t.parentNode, t);
      mergeSplit(prev as Text);
    }
  };

  const remove = (key: string, merge = true) => {
    const w = drawn.get(key);
    if (!w) return;
    drawn.delete(key);
    guard(() => unwrap(w, merge));
  };

  return {
    native: false,
    set(key, range, style) {
      const prev = drawn.get(key);
      // Same text, new style (a colour change): restyle the marks in place; unwrapping would merge the text
      // nodes the caller's live range points into and collapse it.
      if (prev && (range === prev.range || sameSpan(range, prev.range))) {
        guard(() => {
          for (const mark of prev.marks) mark.setAttribute('data-gleaner', style);
        });
        prev.style = style;
        return;
      }
      remove(key, false);
      guard(() => {
        let texts: Text[];
        try {
          texts = coveredTextNodes(doc, range, splits);
        } catch {
          texts = []; // a range the page invalidated under us: nothing to draw
        }
        const marks: HTMLElement[] = [];
        for (const t of texts) {
          const mark = doc.createElement(MARK_TAG);
          mark.setAttribute('data-gleaner', style);
          insertBefore(t.parentNode!, mark, t);
          appendChild(mark, t);
          marks.push(mark);
        }
        const first = texts[0];
        const last = texts[texts.length - 1];
        const r = doc.createRange();
        if (first && last) {
          r.setStart(first, 0);
          r.setEnd(last, last.length);
        }
        drawn.set(key, { range: first ? r : range, style, marks });
      });
    },
    ...bookkeeping(drawn, key => remove(key)),
  };
}

function sameSpan(a: Range, b: Range): boolean {
  try {
    // Overlapping with the same text: the same span (boundaries may sit on either side of a split point).
    return (
      a.toString() === b.toString() &&
      a.compareBoundaryPoints(Range.START_TO_END, b) > 0 &&
      a.compareBoundaryPoints(Range.END_TO_START, b) < 0
    );
  } catch {
    return false;
  }
}
