import search from 'approx-string-match';
import { editDistance } from './edit-distance';
import { contextExact, scoreCandidate, TIGHT_GAP } from './score';
import type { Candidate, QuoteContext, ScoredCandidate } from './score';

/**
 * Finding a quote in rendered text: the position fast path, then exact occurrences, then a bounded fuzzy
 * search. Every accepted result scores at least `minScore` (see score.ts); otherwise the quote is orphaned.
 */

export const DEFAULT_MIN_SCORE = 0.7;
/** Quotes shorter than this are never fuzzy-matched (too many look-alikes; Hypothesis client#3919). */
export const MIN_FUZZY_LENGTH = 4;
/** Fuzzy matches may differ from the quote in at most this share of its characters. */
export const MAX_ERROR_RATE = 0.3;
const MAX_ERRORS = 256;
/** At most this many exact occurrences are collected; at most SCORED_CAP of them are fully scored. */
const EXACT_CAP = 10_000;
const SCORED_CAP = 200;
/** Half-width of the first fuzzy search window around the expected position. */
const NEAR_WINDOW = 4096;
/** A fuzzy span may be widened by at most this share of the quote's length to meet its context. */
const MAX_EXTEND_RATE = 0.2;
/** ... and by at most this many characters (about one long word). */
const MAX_EXTEND = 24;
/** Widening re-checks with a full edit distance; longer quotes skip it (their cost is quadratic). */
const MAX_EXTEND_QUOTE = 2000;
/** Least context evidence required on each side of a fuzzy match. */
export const FUZZY_MIN_SIDE = 0.25;

export type MatchMethod = 'position' | 'quote' | 'fuzzy';

export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
  method: MatchMethod;
}

export function matchQuote(text: string, q: QuoteContext, minScore = DEFAULT_MIN_SCORE): QuoteMatch | null {
  const { exact, hint } = q;
  if (exact.length === 0 || text.length === 0) return null;

  // (a) Position fast path: the quote and both contexts are exactly where they were.
  if (hint !== null && text.startsWith(exact, hint) && contextExact(text, q, hint, hint + exact.length)) {
    return { start: hint, end: hint + exact.length, score: 1, method: 'position' };
  }

  // (b) Exact occurrences.
  const hits: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && hits.length < EXACT_CAP; i = text.indexOf(exact, i + 1)) {
    hits.push(i);
  }
  if (hits.length > 0) {
    const perfect = hits.filter(h => contextExact(text, q, h, h + exact.length));
    const pool = nearest(perfect.length > 0 ? perfect : hits, hint, SCORED_CAP);
    const best = pickBest(
      text,
      q,
      pool.map(h => ({ start: h, end: h + exact.length, quoteSim: 1 })),
    );
    if (best && best.score >= minScore) return { ...span(best), score: best.score, method: 'quote' };
  }

  // (c) Fuzzy: near the expected position first, then (only if the quote has no exact occurrence, which would
  // shadow every weaker match) the whole text.
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.min(MAX_ERRORS, Math.max(1, Math.floor(exact.length * MAX_ERROR_RATE)));
  let searchedAll = false;
  if (hint !== null) {
    const radius = Math.max(NEAR_WINDOW, 2 * exact.length);
    const lo = Math.max(0, hint - radius);
    const hi = Math.min(text.length, hint + exact.length + radius);
    searchedAll = lo === 0 && hi === text.length;
    const found = fuzzyIn(text, q, lo, hi, maxErrors, minScore);
    if (found) return found;
  }
  if (!searchedAll && hits.length === 0) {
    const found = fuzzyIn(text, q, 0, text.length, maxErrors, minScore);
    if (found) return found;
  }
  return null;
}

function fuzzyIn(
  text: string,
  q: QuoteContext,
  lo: number,
  hi: number,
  maxErrors: number,
  minScore: number,
): QuoteMatch | null {
  const matches = search(lo === 0 && hi === text.length ? text : text.slice(lo, hi), q.exact, maxErrors);
  const cands: Candidate[] = [];
  for (const m of matches) {
    const c = trimSpan(text, lo + m.start, lo + m.end);
    if (c) cands.push(cutAtBreaks(text, q, { ...c, quoteSim: 1 - m.errors / q.exact.length }));
  }
  const byStart = new Map(cands.map(c => [c.start, c]));
  const pool = nearest([...byStart.keys()], q.hint, SCORED_CAP).map(s => byStart.get(s) as Candidate);
  let best: ScoredCandidate | null = null;
  for (const c of pool) {
    let scored = scoreCandidate(text, q, c);
    if (!fuzzyAccepted(scored, minScore)) {
      const ext = extendToContext(text, q, scored, maxErrors);
      if (ext) scored = scoreCandidate(text, q, ext);
    }
    if (fuzzyAccepted(scored, minScore) && (!best || scored.score > best.score)) best = scored;
  }
  return best ? { ...snapToContext(text, q, best), score: best.score, method: 'fuzzy' } : null;
}

/**
 * Myers knows nothing of blocks: an edited first or last word may be matched by a neighbouring block's text
 * ("Economists" edited to "Analysts" after an inserted "Ad" block matches "Ad Analysts"). Cutting the span at
 * a block boundary near either end is kept when it does not cost more errors.
 */
function cutAtBreaks(text: string, q: QuoteContext, c: Candidate): Candidate {
  if (!q.isBreak || q.exact.length > MAX_EXTEND_QUOTE) return c;
  let start = c.start;
  let end = c.end;
  for (let i = Math.min(c.end - 1, c.start + MAX_EXTEND); i > c.start; i--) {
    if (q.isBreak(i)) {
      start = i + 1;
      break;
    }
  }
  for (let i = Math.max(start + 1, c.end - MAX_EXTEND); i < c.end; i++) {
    if (q.isBreak(i)) {
      end = i;
      break;
    }
  }
  if (start === c.start && end === c.end) return c;
  const span = trimSpan(text, start, end);
  if (!span) return c;
  const errors = editDistance(q.exact, text.slice(span.start, span.end));
  const before = Math.round((1 - c.quoteSim) * q.exact.length);
  return errors <= before ? { ...span, quoteSim: 1 - errors / q.exact.length } : c;
}

/**
 * Myers returns the cheapest span, which drops an edited first or last word when deleting it costs less than
 * substituting it ("The Mach E" edited to "several Mach E" matches from "Mach"). When the stored context is
 * found a little way off (at most MAX_EXTEND_RATE of the quote), the span is widened to meet it, and kept only
 * if the widened text is still within the error budget of the quote.
 */
function extendToContext(
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

function pickBest(text: string, q: QuoteContext, cands: Candidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const c of cands) {
    const scored = scoreCandidate(text, q, c);
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}

/**
 * A fuzzy match must be supported by adjacent context on both sides: an edited quote with only one matching
 * side, or with its context found some way off, is what a near-duplicate sentence looks like (the same
 * ending, or the original prefix followed by other text once the quote's paragraph is deleted).
 */
function fuzzyAccepted(c: ScoredCandidate | null, minScore: number): c is ScoredCandidate {
  return (
    !!c &&
    c.score >= minScore &&
    c.prefix.tight &&
    c.suffix.tight &&
    Math.min(c.prefix.value, c.suffix.value) >= FUZZY_MIN_SIDE
  );
}

/** Widens a fuzzy match over the few characters between it and its adjacent context (an edited end word). */
function snapToContext(text: string, q: QuoteContext, c: ScoredCandidate): { start: number; end: number } {
  let start = c.prefix.gap > 0 && c.prefix.gap <= TIGHT_GAP ? c.start - c.prefix.gap : c.start;
  let end = c.suffix.gap > 0 && c.suffix.gap <= TIGHT_GAP ? c.end + c.suffix.gap : c.end;
  if (q.isBreak) {
    for (let i = start; i < c.start; i++) if (q.isBreak(i)) start = c.start;
    for (let i = c.end; i < end; i++) if (q.isBreak(i)) end = c.end;
  }
  return trimSpan(text, start, end) ?? span(c);
}

/** Up to `cap` offsets, nearest to the hint first (document order without a hint). */
function nearest(offsets: number[], hint: number | null, cap: number): number[] {
  if (hint === null || offsets.length <= 1) return offsets.slice(0, cap);
  return [...offsets].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, cap);
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return start < end ? { start, end } : null;
}

function span(c: { start: number; end: number }): { start: number; end: number } {
  return { start: c.start, end: c.end };
}
