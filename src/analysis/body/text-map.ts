/**
 * Offsets in the extracted text -> live DOM positions. Each segment is a 1:1 run of text
 * characters taken from one Text node; separators added between blocks map to nothing, and a
 * collapsed whitespace run maps to its first real whitespace character.
 */
import type { TextMap } from '../types';

export class SegmentTextMap implements TextMap {
  private readonly starts: number[] = [];
  private readonly lens: number[] = [];
  private readonly nodes: Text[] = [];
  private readonly offsets: number[] = [];

  constructor(private readonly doc: Document) {}

  /** Appends a run; merges with the previous one when it continues it in the same node. */
  add(textStart: number, node: Text, nodeOffset: number, len: number): void {
    const k = this.nodes.length - 1;
    if (
      k >= 0 &&
      this.nodes[k] === node &&
      this.starts[k]! + this.lens[k]! === textStart &&
      this.offsets[k]! + this.lens[k]! === nodeOffset
    ) {
      this.lens[k]! += len;
      return;
    }
    this.starts.push(textStart);
    this.lens.push(len);
    this.nodes.push(node);
    this.offsets.push(nodeOffset);
  }

  get size(): number {
    return this.nodes.length;
  }

  /** Shifts the segments from index `from` on by `delta` (used when a paragraph is committed). */
  shift(from: number, delta: number): void {
    for (let k = from; k < this.starts.length; k++) this.starts[k]! += delta;
  }

  /** Drops the segments from index `from` on (a paragraph that was discarded). */
  truncate(from: number): void {
    this.starts.length = from;
    this.lens.length = from;
    this.nodes.length = from;
    this.offsets.length = from;
  }

  /** First segment whose end is past `pos`. */
  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! + this.lens[mid]! > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  toRange(start: number, end: number): Range | null {
    if (!(start < end) || this.nodes.length === 0) return null;
    const a = this.firstEndingAfter(start);
    // Last segment starting before `end`.
    const b = this.firstEndingAfter(end - 1);
    const last = b < this.starts.length && this.starts[b]! < end ? b : b - 1;
    if (a >= this.starts.length || last < a) return null;
    try {
      const range = this.doc.createRange();
      const sOff = this.offsets[a]! + Math.max(0, start - this.starts[a]!);
      const eOff = this.offsets[last]! + Math.min(this.lens[last]!, end - this.starts[last]!);
      range.setStart(this.nodes[a]!, Math.min(sOff, this.nodes[a]!.length));
      range.setEnd(this.nodes[last]!, Math.min(eOff, this.nodes[last]!.length));
      return range;
    } catch {
      // The page changed the node since extraction.
      return null;
    }
  }
}

/** A TextMap for pages with no main text. */
export const EMPTY_TEXT_MAP: TextMap = { toRange: () => null };
