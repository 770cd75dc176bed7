/**
 * A Hypothesis-style anchoring baseline (hypothesis/client@9d28950, src/annotator/anchoring: text-quote and
 * match-quote), reimplemented from the notes in ../shared/notes/anchors.md §2 for comparison only:
 * - describe: quote = root.textContent sliced at the range's offsets, 32 characters of prefix and suffix, and
 *   the start offset as position;
 * - anchor: recompute root.textContent (no index reuse, no position fast path), take every exact indexOf hit,
 *   else approx-string-match with maxErrors = min(256, quote.length / 2); score each candidate
 *   (50 quote + 20 prefix + 20 suffix + 2 position) / 92 and return the best, with no minimum score;
 * - map offsets back to a Range by walking the text nodes (TextRange.fromOffsets).
 * Pure DOM so it runs in jsdom and in the browser bundle.
 */
import search from 'approx-string-match';

export interface BaselineSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
}

function textNodes(root: Node): Text[] {
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const it = doc.createNodeIterator(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = it.nextNode(); n; n = it.nextNode()) out.push(n as Text);
  return out;
}

function offsetIn(root: Node, container: Node, offset: number): number {
  // TextRange.relativeTo: length of the text before the point.
  let total = 0;
  if (container.nodeType === 3) {
    for (const t of textNodes(root)) {
      if (t === container) return total + offset;
      total += t.data.length;
    }
    return total;
  }
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  for (const t of textNodes(root)) {
    if (t === container) return total + offset;
    if (point.comparePoint(t, 0) >= 0) return total;
    total += t.data.length;
  }
  return total;
}

export function baselineDescribe(root: Node, range: Range): BaselineSelector | null {
  const text = root.textContent ?? '';
  const start = offsetIn(root, range.startContainer, range.startOffset);
  const end = offsetIn(root, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, Math.min(text.length, end + 32)),
    start,
  };
}

function hypSearch(
  text: string,
  str: string,
  maxErrors: number,
): { start: number; end: number; errors: number }[] {
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1)) {
    exact.push({ start: i, end: i + str.length, errors: 0 });
  }
  if (exact.length > 0) return exact;
  return search(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return matches.length > 0 ? 1 - (matches[0] as { errors: number }).errors / str.length : 0;
}

export function baselineMatchQuote(
  text: string,
  quote: string,
  ctx: { prefix?: string; suffix?: string; hint?: number },
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = hypSearch(text, quote, maxErrors);
  if (matches.length === 0) return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = ctx.prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - ctx.prefix.length), m.start), ctx.prefix)
      : 1;
    const suffixScore = ctx.suffix
      ? textMatchScore(text.slice(m.end, m.end + ctx.suffix.length), ctx.suffix)
      : 1;
    const posScore = typeof ctx.hint === 'number' ? 1 - Math.abs(m.start - ctx.hint) / text.length : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

export function baselineAnchor(root: Node, sel: BaselineSelector): Range | null {
  const text = root.textContent ?? '';
  const m = baselineMatchQuote(text, sel.exact, { prefix: sel.prefix, suffix: sel.suffix, hint: sel.start });
  if (!m) return null;
  // TextRange.fromOffsets: walk the text nodes to the two offsets.
  const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
  const range = doc.createRange();
  let total = 0;
  let startSet = false;
  for (const t of textNodes(root)) {
    const len = t.data.length;
    if (!startSet && m.start <= total + len) {
      range.setStart(t, m.start - total);
      startSet = true;
    }
    if (startSet && m.end <= total + len) {
      range.setEnd(t, m.end - total);
      return range;
    }
    total += len;
  }
  return null;
}
