/**
 * The rendered text of a DOM subtree, and a map between offsets in it and DOM points.
 *
 * The text model (used identically by describe and anchor, so selectors round-trip):
 * - text of Text nodes, in document order;
 * - every run of whitespace (ASCII whitespace, NBSP and the Unicode space separators) becomes one ' ';
 * - `<br>` and the boundaries of block elements (p, div, li, h1-h6, td, ...) count as whitespace;
 * - soft hyphens, zero-width spaces and BOMs are invisible and dropped;
 * - content of script/style/noscript/template/head/title/textarea/select/iframe/object and of elements with the
 *   `hidden` attribute is excluded;
 * - leading whitespace is dropped (the text never starts with ' ').
 * Block-ness is decided by tag name, not computed style: deterministic, equal in jsdom and browsers, and free
 * of layout; a page that turns a `<span>` into a block only loses a space, which fuzzy matching absorbs.
 *
 * The map is a list of runs: each run is a stretch of rendered characters that come one-to-one from
 * consecutive characters of one Text node (a collapsed whitespace run contributes its first character), or a
 * synthetic space from a block boundary (node -1). Lookups are binary searches over the runs.
 */

import { Builder } from './text-builder';

export { isElementExcluded, isSpaceCode, normalizeText } from './text-model';

export interface SlicedBuildOptions {
  /** True when the current slice has run long enough. */
  shouldYield: () => boolean;
  /** Gives the page a turn (e.g. scheduler.yield or a macrotask). */
  yieldFn: () => Promise<void>;
  /** True when root's subtree changed since the build started. */
  stale?: () => boolean;
}

/** A DOM point inside a Text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

export class TextIndex {
  readonly root: Node;
  /** The rendered text. */
  readonly text: string;
  private readonly runOut: Int32Array;
  private readonly runRaw: Int32Array;
  private readonly runNode: Int32Array;
  private readonly nodes: Text[];
  /** Per node: first run index, end run index (exclusive), rendered offset where the node starts. */
  private readonly nodeFirstRun: Int32Array;
  private readonly nodeEndRun: Int32Array;
  private readonly nodeOut: Int32Array;
  private readonly nodeIds: Map<Text, number>;
  /** Ascending offsets of the spaces that stand for a block boundary or <br> (see isBreak). */
  private readonly breaks: Int32Array;

  private constructor(root: Node, b: Builder) {
    this.root = root;
    this.text = b.parts.join('');
    this.runOut = Int32Array.from(b.runOut);
    this.runRaw = Int32Array.from(b.runRaw);
    this.runNode = Int32Array.from(b.runNode);
    this.nodes = b.nodes;
    this.nodeFirstRun = Int32Array.from(b.nodeFirstRun);
    this.nodeEndRun = Int32Array.from(b.nodeEndRun);
    this.nodeOut = Int32Array.from(b.nodeOut);
    this.nodeIds = b.nodeIds;
    this.breaks = Int32Array.from(b.breaks);
  }

  /** One walk of root. O(size of the subtree). */
  static build(root: Node): TextIndex {
    const b = new Builder(root);
    b.run();
    return new TextIndex(root, b);
  }

  /**
   * The same walk cut into slices, so a long page never blocks its main thread for the whole build: after
   * WALK_CHECK units of work (nodes and text; text-builder.ts) `o.shouldYield()` is asked, and when it says so the walk awaits `o.yieldFn()`.
   * After each pause `o.stale()` is asked; when the subtree changed meanwhile the half-built index is
   * discarded and null is returned (the caller starts again or builds synchronously). The result equals
   * build(root) on the same DOM.
   */
  static async buildSliced(root: Node, o: SlicedBuildOptions): Promise<TextIndex | null> {
    const b = new Builder(root);
    while (!b.run(o.shouldYield)) {
      await o.yieldFn();
      if (o.stale?.()) return null;
    }
    return new TextIndex(root, b);
  }

  /** The run containing rendered offset `off` (0 <= off < text.length). */
  private runAt(off: number): number {
    let lo = 0;
    let hi = this.runOut.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.runOut[mid] as number) <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private runEnd(r: number): number {
    return r + 1 < this.runOut.length ? (this.runOut[r + 1] as number) : this.text.length;
  }

  /**
   * The DOM point before rendered character `off` (for a range start). Synthetic spaces have no DOM point;
   * they resolve to the next real character. Null at or past the end.
   */
  pointBefore(off: number): TextPoint | null {
    if (off < 0) off = 0;
    if (off >= this.text.length) return null;
    for (let r = this.runAt(off); r < this.runOut.length; r++) {
      const n = this.runNode[r] as number;
      if (n < 0) continue;
      const start = Math.max(off, this.runOut[r] as number);
      return {
        node: this.nodes[n] as Text,
        offset: (this.runRaw[r] as number) + start - (this.runOut[r] as number),
      };
    }
    return null;
  }

  /** The DOM point after rendered character `off - 1` (for a range end). Null at or before the start. */
  pointAfter(off: number): TextPoint | null {
    if (off > this.text.length) off = this.text.length;
    if (off <= 0) return null;
    for (let r = this.runAt(off - 1); r >= 0; r--) {
      const n = this.runNode[r] as number;
      if (n < 0) continue;
      const last = Math.min(off, this.runEnd(r)) - 1;
      return {
        node: this.nodes[n] as Text,
        offset: (this.runRaw[r] as number) + last - (this.runOut[r] as number) + 1,
      };
    }
    return null;
  }

  /**
   * The number of rendered characters before a DOM point (container, offset), or null when the point is not
   * inside root. Points inside excluded content resolve to the next rendered character.
   */
  offsetOf(container: Node, offset: number): number | null {
    if (container !== this.root && !this.root.contains(container)) return null;
    if (container.nodeType === 3) {
      const id = this.nodeIds.get(container as Text);
      if (id !== undefined) return this.offsetInNode(id, offset);
      return this.offsetOfNextText(container, true);
    }
    const child = container.childNodes[offset];
    if (child) return this.offsetOfNextText(child, false);
    return this.offsetOfNextText(container, true);
  }

  private offsetInNode(id: number, raw: number): number {
    const end = this.nodeEndRun[id] as number;
    for (let r = this.nodeFirstRun[id] as number; r < end; r++) {
      const runRaw = this.runRaw[r] as number;
      if (raw <= runRaw) return this.runOut[r] as number;
      const len = this.runEnd(r) - (this.runOut[r] as number);
      if (raw < runRaw + len) return (this.runOut[r] as number) + raw - runRaw;
    }
    return end > (this.nodeFirstRun[id] as number) ? this.runEnd(end - 1) : (this.nodeOut[id] as number);
  }

  /** Rendered offset of the first indexed Text node at or after `from` (or after its subtree if `skip`). */
  private offsetOfNextText(from: Node, skip: boolean): number {
    let n: Node | null = skip ? nextOutside(from, this.root) : from;
    while (n) {
      if (n.nodeType === 3) {
        const id = this.nodeIds.get(n as Text);
        if (id !== undefined) return this.nodeOut[id] as number;
      }
      n = nextInOrder(n, this.root);
    }
    return this.text.length;
  }

  /**
   * True when the rendered character at `off` is the space standing for a block boundary or <br>: the
   * synthetic one, or the page's own whitespace that the boundary collapsed into ("text\n</p>"). The ends of
   * the text count as boundaries.
   */
  isBreak(off: number): boolean {
    if (off < 0 || off >= this.text.length) return off === this.text.length || off === -1;
    const b = this.breaks;
    let lo = 0;
    let hi = b.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = b[mid] as number;
      if (v === off) return true;
      if (v < off) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** A live Range over rendered [start, end), trimmed so it starts and ends on non-space text. */
  rangeFor(start: number, end: number): Range | null {
    const t = this.text;
    while (start < end && t.charCodeAt(start) === 32) start++;
    while (end > start && t.charCodeAt(end - 1) === 32) end--;
    if (start >= end) return null;
    const a = this.pointBefore(start);
    const b = this.pointAfter(end);
    if (!a || !b) return null;
    const doc = this.root.nodeType === 9 ? (this.root as Document) : this.root.ownerDocument;
    if (!doc) return null;
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  /** Rendered [start, end) of a range, or null when either end lies outside root. */
  spanOf(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    return { start, end: Math.max(start, end) };
  }
}

function nextInOrder(n: Node, root: Node): Node | null {
  if (n.firstChild) return n.firstChild;
  return nextOutside(n, root);
}

function nextOutside(n: Node, root: Node): Node | null {
  let cur: Node | null = n;
  while (cur && cur !== root) {
    if (cur.nextSibling) return cur.nextSibling;
    cur = cur.parentNode;
  }
  return null;
}
