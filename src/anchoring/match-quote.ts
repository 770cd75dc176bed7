import { bracketed, FUZZY_MIN_SIDE, fuzzyAccepted, fuzzyIn, nearest, SCORED_CAP } from './candidates';
import { contextExact, scoreCandidate } from './score';
import { MIN_BRACKET, snapToContext } from './span-fit';
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
/** Half-width of the first fuzzy search window around the expected position. */
const NEAR_WINDOW = 4096;

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

function pickBest(text: string, q: QuoteContext, cands: Candidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const c of cands) {
    const scored = scoreCandidate(text, q, c);
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}

function span(c: { start: number; end: number }): { start: number; end: number } {
  return { start: c.start, end: c.end };
}
