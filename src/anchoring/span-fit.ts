import { editDistance } from './edit-distance';
import { TIGHT_GAP } from './score';
import type { Candidate, QuoteContext, ScoredCandidate } from './score';

/**
 * Fitting a candidate span to the page: Myers returns the cheapest span, which knows nothing of words, blocks
 * or the stored context; these adjustments move its ends onto preserved context and block boundaries, each
 * re-checked against the quote's error budget.
 */

/** A fuzzy span may be widened by at most this share of the quote's length to meet its context. */
export const MAX_EXTEND_RATE = 0.2;

/** ... and by at most this many characters (about one long word). */
export const MAX_EXTEND = 24;

/** Widening re-checks with a full edit distance; longer quotes skip it (their cost is quadratic). */
export const MAX_EXTEND_QUOTE = 2000;

/**
 * A Myers span may end a few characters off an exactly preserved context: an edited last word matched partly
 * into the next word at the same cost ("zwischen notable Ge" for "zwischen verschiedenen" before
 * " Gesundheits..."). When the stored prefix or suffix occurs exactly within MAX_EXTEND characters of the
 * span's ends, the span is moved onto it, and kept if the quote's error budget still holds.
 */
export function alignToContext(text: string, q: QuoteContext, c: Candidate, maxErrors: number): Candidate {
  if (q.exact.length > MAX_EXTEND_QUOTE) return c;
  let start = c.start;
  let end = c.end;
  if (q.prefix.trim().length >= MIN_BRACKET) {
    const p = text.indexOf(q.prefix, Math.max(0, c.start - q.prefix.length - MAX_EXTEND));
    if (p !== -1 && p + q.prefix.length <= c.start + MAX_EXTEND) start = p + q.prefix.length;
  }
  if (q.suffix.trim().length >= MIN_BRACKET) {
    const s = text.indexOf(q.suffix, Math.max(start + 1, c.end - MAX_EXTEND));
    if (s !== -1 && s <= c.end + MAX_EXTEND) end = s;
  }
  if (start === c.start && end === c.end) return c;
  const t = trimSpan(text, start, end);
  if (!t) return c;
  const errors = editDistance(q.exact, text.slice(t.start, t.end));
  return errors <= maxErrors ? { ...t, quoteSim: 1 - errors / q.exact.length } : c;
}

/**
 * Myers knows nothing of blocks: an edited first or last word may be matched by a neighbouring block's text
 * ("Economists" edited to "Analysts" after an inserted "Ad" block matches "Ad Analysts"), and a place
 * bracketed by its contexts includes any block inserted between context and quote. Cutting the span at block
 * boundaries within `limit` characters of either end is kept when it does not cost more errors (the cheapest
 * cut wins; at most CUT_OPTIONS boundaries per end are tried).
 */
export function cutAtBreaks(text: string, q: QuoteContext, c: Candidate, limit = MAX_EXTEND): Candidate {
  if (!q.isBreak || q.exact.length > MAX_EXTEND_QUOTE) return c;
  const starts: number[] = [];
  for (
    let i = c.start + 1;
    i < Math.min(c.end - 1, c.start + limit + 1) && starts.length < CUT_OPTIONS;
    i++
  ) {
    if (q.isBreak(i)) starts.push(i + 1);
  }
  const ends: number[] = [];
  for (let i = c.end - 1; i > Math.max(c.start + 1, c.end - limit - 1) && ends.length < CUT_OPTIONS; i--) {
    if (q.isBreak(i)) ends.push(i);
  }
  if (starts.length === 0 && ends.length === 0) return c;
  let best = c;
  let bestErrors = Math.round((1 - c.quoteSim) * q.exact.length);
  for (const s of [c.start, ...starts]) {
    for (const e of [c.end, ...ends]) {
      if (s === c.start && e === c.end) continue;
      const span = trimSpan(text, s, e);
      if (!span) continue;
      const errors = editDistance(q.exact, text.slice(span.start, span.end));
      if (errors <= bestErrors) {
        bestErrors = errors;
        best = { ...span, quoteSim: 1 - errors / q.exact.length };
      }
    }
  }
  return best;
}

/** Block boundaries tried per end by cutAtBreaks. */
export const CUT_OPTIONS = 3;

/**
 * Myers returns the cheapest span, which drops an edited first or last word when deleting it costs less than
 * substituting it ("The Mach E" edited to "several Mach E" matches from "Mach"). When the stored context is
 * found a little way off (at most MAX_EXTEND_RATE of the quote), the span is widened to meet it, and kept only
 * if the widened text is still within the error budget of the quote.
 */
export function extendToContext(
  text: string,
  q: QuoteContext,
  c: ScoredCandidate,
  maxErrors: number,
): Candidate | null {
  const limit = Math.min(MAX_EXTEND, Math.floor(q.exact.length * MAX_EXTEND_RATE));
  const pg = c.prefix.gap;
  const sg = c.suffix.gap;
  if (!(pg <= limit && sg <= limit) || (pg <= TIGHT_GAP && sg <= TIGHT_GAP)) return null;
  if (q.exact.length > MAX_EXTEND_QUOTE) return null;
  const start = c.start - (pg > TIGHT_GAP ? pg : 0);
  const end = c.end + (sg > TIGHT_GAP ? sg : 0);
  // Never widen across a block boundary: that gap is an inserted block, not an edited word.
  if (q.isBreak) {
    for (let i = start; i < c.start; i++) if (q.isBreak(i)) return null;
    for (let i = c.end; i < end; i++) if (q.isBreak(i)) return null;
  }
  const errors = editDistance(q.exact, text.slice(start, end));
  if (errors > maxErrors) return null;
  return { start, end, quoteSim: 1 - errors / q.exact.length };
}

/**
 * A quote that ended (or started) its paragraph, with its last (first) word edited, gives a Myers span a few
 * characters short of the block boundary; an inserted block right there then leaves the context nowhere near
 * the span (or the span runs a few characters into that block). The span moved to the nearest block boundary
 * within MAX_EXTEND characters (end, start, or both) is offered when it stays within the error budget; context
 * evidence then sees the whole inserted blocks.
 */
export function extendToBreaks(text: string, q: QuoteContext, c: Candidate, maxErrors: number): Candidate[] {
  const isBreak = q.isBreak;
  if (!isBreak || q.exact.length > MAX_EXTEND_QUOTE) return [];
  // A boundary inside the span near its end means the span ran into the next block ("recent. Adv"): end
  // there. Otherwise widen to the next boundary.
  const inner = (from: number, to: number, step: 1 | -1): number => {
    for (let i = from; step === 1 ? i < to : i > to; i += step) if (isBreak(i)) return i;
    return -1;
  };
  let end = inner(c.end - 1, Math.max(c.start, c.end - MAX_EXTEND), -1);
  if (end === -1) end = inner(c.end, Math.min(text.length, c.end + MAX_EXTEND), 1);
  if (end === -1) end = c.end;
  let start = inner(c.start, Math.min(c.end, c.start + MAX_EXTEND), 1);
  if (start === -1) start = inner(c.start - 1, Math.max(-1, c.start - 1 - MAX_EXTEND), -1);
  start = start === -1 ? c.start : start + 1;
  const out: Candidate[] = [];
  const spans: [number, number][] = [
    [c.start, end],
    [start, c.end],
    [start, end],
  ];
  for (const [s0, e0] of spans) {
    if (s0 === c.start && e0 === c.end) continue;
    const t = trimSpan(text, s0, e0);
    if (!t) continue;
    const errors = editDistance(q.exact, text.slice(t.start, t.end));
    if (errors <= maxErrors) out.push({ ...t, quoteSim: 1 - errors / q.exact.length });
  }
  return out;
}

/** Widens a fuzzy match over the few characters between it and its adjacent context (an edited end word). */
export function snapToContext(
  text: string,
  q: QuoteContext,
  c: ScoredCandidate,
): { start: number; end: number } {
  let start = c.prefix.gap > 0 && c.prefix.gap <= TIGHT_GAP ? c.start - c.prefix.gap : c.start;
  let end = c.suffix.gap > 0 && c.suffix.gap <= TIGHT_GAP ? c.end + c.suffix.gap : c.end;
  if (q.isBreak) {
    for (let i = start; i < c.start; i++) if (q.isBreak(i)) start = c.start;
    for (let i = c.end; i < end; i++) if (q.isBreak(i)) end = c.end;
  }
  return trimSpan(text, start, end) ?? { start: c.start, end: c.end };
}

export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return start < end ? { start, end } : null;
}

/** Contexts shorter than this are too weak to bracket an edited quote. */
export const MIN_BRACKET = 8;
