import search from 'approx-string-match';
import { editDistance } from './edit-distance';
import { contextExact, scoreCandidate, TIGHT_GAP } from './score';
import type { Candidate, Evidence, QuoteContext, ScoredCandidate } from './score';

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

  // (b) Exact occurrences with both contexts exact: nothing can beat them (several: true duplicates, the
  // position decides).
  const hits: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && hits.length < EXACT_CAP; i = text.indexOf(exact, i + 1)) {
    hits.push(i);
  }
  const perfect = hits.filter(h => contextExact(text, q, h, h + exact.length));
  if (perfect.length > 0) {
    const best = pickBest(
      text,
      q,
      nearest(perfect, hint, SCORED_CAP).map(h => ({ start: h, end: h + exact.length, quoteSim: 1 })),
    );
    if (best && best.score >= minScore) return { ...span(best), score: best.score, method: 'quote' };
  }

  // (c) Every other candidate place, from three sources, judged together (decide): exact occurrences of
  // the quote with imperfect context; places bracketed by both stored contexts with an edited quote between
  // (an exact copy of the quote elsewhere shadows these in a Myers search, which reports only the fewest
  // errors); fuzzy matches near the expected position, then (only if the quote has no exact occurrence)
  // anywhere.
  const cands: ScoredCandidate[] = [];
  for (const h of nearest(hits, hint, SCORED_CAP)) {
    cands.push(scoreCandidate(text, q, { start: h, end: h + exact.length, quoteSim: 1 }));
  }
  if (exact.length >= MIN_FUZZY_LENGTH) {
    const maxErrors = Math.min(MAX_ERRORS, Math.max(1, Math.floor(exact.length * MAX_ERROR_RATE)));
    for (const c of bracketed(text, q, maxErrors)) cands.push(scoreCandidate(text, q, c));
    let searchedAll = false;
    if (hint !== null) {
      const radius = Math.max(NEAR_WINDOW, 2 * exact.length);
      const lo = Math.max(0, hint - radius);
      const hi = Math.min(text.length, hint + exact.length + radius);
      searchedAll = lo === 0 && hi === text.length;
      cands.push(...fuzzyIn(text, q, lo, hi, maxErrors, minScore, hits));
    }
    if (!searchedAll && hits.length === 0 && !cands.some(c => accepted(text, q, c, minScore))) {
      cands.push(...fuzzyIn(text, q, 0, text.length, maxErrors, minScore, hits));
    }
  }
  return decide(text, q, cands, minScore);
}

/**
 * The verdict over all candidate places. A candidate must be accepted on its own (accepted()); if accepted
 * candidates remain at more than one place, the text is ambiguous (repeated list items, a repeated interview
 * question) and the score alone must not choose, since near-identical copies differ by a character or two of
 * context. The position selector then breaks the tie, but only for a place verified by its neighbourhood:
 * both stored contexts exactly around it (the quote between was edited), and no other accepted place nearer
 * the stored position. Otherwise the annotation is orphaned.
 */
function decide(
  text: string,
  q: QuoteContext,
  cands: ScoredCandidate[],
  minScore: number,
): QuoteMatch | null {
  const ok = cands.filter(c => accepted(text, q, c, minScore));
  if (ok.length === 0) return null;
  let best = ok[0] as ScoredCandidate;
  for (const c of ok) if (c.score > best.score) best = c;
  const apart = (c: ScoredCandidate): boolean => c.end <= best.start || c.start >= best.end;
  // A one-sided winner has no margin: any other place resembling the quote with some context support is as
  // likely (the edited original beside a verbatim repeat).
  if (
    oneSided(best) &&
    cands.some(c => apart(c) && Math.max(c.prefix.value, c.suffix.value) >= FUZZY_MIN_SIDE)
  ) {
    return null;
  }
  const rivals = ok.filter(apart);
  if (rivals.length > 0) {
    if (q.hint === null) return null;
    const hint = q.hint;
    let near = ok[0] as ScoredCandidate;
    for (const c of ok) {
      const d = Math.abs(c.start - hint) - Math.abs(near.start - hint);
      if (d < 0 || (d === 0 && pinned(c) && !pinned(near))) near = c;
    }
    if (!pinned(near)) return null;
    best = near;
  }
  const exactQuote = best.quoteSim === 1 && text.startsWith(q.exact, best.start);
  const place = exactQuote ? span(best) : snapToContext(text, q, best);
  return { ...place, score: best.score, method: exactQuote ? 'quote' : 'fuzzy' };
}

/** Both stored contexts sit exactly beside the candidate. */
function pinned(c: ScoredCandidate): boolean {
  return c.prefix.value === 1 && c.prefix.gap === 0 && c.suffix.value === 1 && c.suffix.gap === 0;
}

/**
 * A candidate stands on its own when it reaches the minimum score and its context does not speak against it:
 * - an edited quote (quoteSim < 1) needs adjacent support on both sides (fuzzyAccepted);
 * - an exact quote with a foreign side (evidence below FUZZY_MIN_SIDE) needs the other side exact, and the
 *   foreign side's stored context must not survive verbatim elsewhere on the page (survivesElsewhere): a quote with one good side
 *   and one foreign side is what a repeated sentence in another part of the page looks like (the same
 *   question in two interviews: the same lead-in, a different answer), and the stored context still standing
 *   elsewhere says the quote's own neighbourhood is there, without it.
 */
function accepted(text: string, q: QuoteContext, c: ScoredCandidate, minScore: number): boolean {
  if (c.score < minScore) return false;
  if (c.quoteSim < 1) return fuzzyAccepted(c, minScore);
  const exactSide = (e: Evidence): boolean => e.value === 1 && e.gap === 0;
  if (c.prefix.value < FUZZY_MIN_SIDE)
    return exactSide(c.suffix) && !survivesElsewhere(text, q.prefix, 'prefix', c);
  if (c.suffix.value < FUZZY_MIN_SIDE)
    return exactSide(c.prefix) && !survivesElsewhere(text, q.suffix, 'suffix', c);
  return true;
}

/**
 * The stored context of one side survives verbatim where it cannot belong to the candidate: a prefix ending
 * after the candidate's start or more than FAR_CONTEXT before it, a suffix starting before the candidate's
 * end or more than FAR_CONTEXT after it. A prefix a little way before (inserted ads pushed it beyond
 * CONTEXT_SLACK) is consistent and does not count.
 */
function survivesElsewhere(text: string, context: string, side: 'prefix' | 'suffix', c: Candidate): boolean {
  if (context.trim().length < MIN_BRACKET) return false;
  for (let i = text.indexOf(context); i !== -1; i = text.indexOf(context, i + 1)) {
    const consistent =
      side === 'prefix'
        ? i + context.length <= c.start && c.start - (i + context.length) <= FAR_CONTEXT
        : i >= c.end && i - c.end <= FAR_CONTEXT;
    if (!consistent) return true;
  }
  return false;
}
/** How far inserted blocks may push a context away (see survivesElsewhere). */
const FAR_CONTEXT = 640;

/** One side of the candidate's context is foreign to the stored one. */
function oneSided(c: ScoredCandidate): boolean {
  return Math.min(c.prefix.value, c.suffix.value) < FUZZY_MIN_SIDE;
}

/** Contexts shorter than this are too weak to bracket an edited quote. */
const MIN_BRACKET = 8;
/** At most this many occurrences of the stored prefix are tried as brackets. */
const BRACKET_CAP = 200;

/**
 * Places where the stored prefix and suffix both occur exactly, with text between them that is within the
 * error budget of the quote: the quote was edited, its surroundings were not.
 */
function bracketed(text: string, q: QuoteContext, maxErrors: number): Candidate[] {
  const { prefix, suffix, exact } = q;
  if (prefix.trim().length < MIN_BRACKET || suffix.trim().length < MIN_BRACKET) return [];
  if (exact.length > MAX_EXTEND_QUOTE) return [];
  const out: Candidate[] = [];
  const minLen = Math.max(1, exact.length - maxErrors);
  const maxLen = exact.length + maxErrors;
  let tries = 0;
  for (let p = text.indexOf(prefix); p !== -1 && tries < BRACKET_CAP; p = text.indexOf(prefix, p + 1)) {
    tries++;
    const from = p + prefix.length;
    let s = text.indexOf(suffix, from);
    while (s !== -1 && s - from < minLen) s = text.indexOf(suffix, s + 1);
    if (s === -1 || s - from > maxLen) continue;
    if (s - from === exact.length && text.startsWith(exact, from)) continue; // a perfect hit, handled before
    const c = trimSpan(text, from, s);
    if (!c) continue;
    const errors = editDistance(exact, text.slice(c.start, c.end));
    // An inserted block between a context and the quote is not part of the quote.
    if (errors <= maxErrors)
      out.push(cutAtBreaks(text, q, { ...c, quoteSim: 1 - errors / exact.length }, maxErrors));
  }
  return out;
}

/**
 * Fuzzy candidates in text[lo, hi), every one scored (decide() judges them). The exact occurrences `hits` are
 * cut out of the search: Myers reports only the fewest errors, so a verbatim copy of the quote would hide its
 * edited original.
 */
function fuzzyIn(
  text: string,
  q: QuoteContext,
  lo: number,
  hi: number,
  maxErrors: number,
  minScore: number,
  hits: number[],
): ScoredCandidate[] {
  const len = q.exact.length;
  const matches: { start: number; end: number; errors: number }[] = [];
  let cur = lo;
  const segment = (a: number, b: number): void => {
    if (b - a < len - maxErrors) return;
    const seg = a === 0 && b === text.length ? text : text.slice(a, b);
    for (const m of search(seg, q.exact, maxErrors))
      matches.push({ ...m, start: a + m.start, end: a + m.end });
  };
  for (const h of [...hits].sort((x, y) => x - y)) {
    if (h + len <= lo || h >= hi) continue;
    if (h > cur) segment(cur, h);
    cur = Math.max(cur, h + len);
  }
  if (hi > cur) segment(cur, hi);
  // Myers reports every end with the fewest errors; one place yields several spans. Keep the shortest per
  // start (the others add neighbouring characters at the same cost), then move each span onto exactly
  // matching context close by.
  const byStart = new Map<number, Candidate>();
  for (const m of matches) {
    const t = trimSpan(text, m.start, m.end);
    if (!t) continue;
    const c = cutAtBreaks(
      text,
      q,
      alignToContext(text, q, { ...t, quoteSim: 1 - m.errors / q.exact.length }, maxErrors),
    );
    const prev = byStart.get(c.start);
    if (!prev || c.quoteSim > prev.quoteSim || (c.quoteSim === prev.quoteSim && c.end < prev.end)) {
      byStart.set(c.start, c);
    }
  }
  const pool = nearest([...byStart.keys()], q.hint, SCORED_CAP).map(s => byStart.get(s) as Candidate);
  const out: ScoredCandidate[] = [];
  for (const c of pool) {
    let scored = scoreCandidate(text, q, c);
    if (!fuzzyAccepted(scored, minScore)) {
      const ext = extendToContext(text, q, scored, maxErrors);
      if (ext) scored = scoreCandidate(text, q, ext);
    }
    out.push(scored);
  }
  return out;
}

/**
 * A Myers span may end a few characters off an exactly preserved context: an edited last word matched partly
 * into the next word at the same cost ("zwischen notable Ge" for "zwischen verschiedenen" before
 * " Gesundheits..."). When the stored prefix or suffix occurs exactly within MAX_EXTEND characters of the
 * span's ends, the span is moved onto it, and kept if the quote's error budget still holds.
 */
function alignToContext(text: string, q: QuoteContext, c: Candidate, maxErrors: number): Candidate {
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
function cutAtBreaks(text: string, q: QuoteContext, c: Candidate, limit = MAX_EXTEND): Candidate {
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
const CUT_OPTIONS = 3;

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
