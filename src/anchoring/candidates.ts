import search from 'approx-string-match';
import { editDistance } from './edit-distance';
import { scoreCandidate } from './score';
import type { Candidate, QuoteContext, ScoredCandidate } from './score';
import {
  MAX_EXTEND_QUOTE,
  MIN_BRACKET,
  alignToContext,
  cutAtBreaks,
  extendToBreaks,
  extendToContext,
  trimSpan,
} from './span-fit';

/** Candidate places for an edited quote: bracketed by both exact contexts, or found by a Myers search. */

/**
 * Between two exactly preserved contexts, a short quote may have lost more than MAX_ERROR_RATE to one
 * replaced word ("on an electric future" -> "on an electric regional"): up to this share of errors is allowed
 * there when most of the quote's words are still present (wordsKept).
 */
export const PINNED_ERROR_RATE = 0.5;

/** At least 3 words in the quote and at least 60% of them (as a multiset) still in the text. */
export function wordsKept(exact: string, now: string): boolean {
  const words = exact.split(' ').filter(Boolean);
  if (words.length < 3) return false;
  const have = new Map<string, number>();
  for (const w of now.split(' ')) if (w) have.set(w, (have.get(w) ?? 0) + 1);
  let kept = 0;
  for (const w of words) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      kept++;
      have.set(w, n - 1);
    }
  }
  return kept >= 0.6 * words.length;
}

/** At most this many occurrences of the stored prefix are tried as brackets. */
export const BRACKET_CAP = 200;

/**
 * Places where the stored prefix and suffix both occur exactly, with text between them that is within the
 * error budget of the quote: the quote was edited, its surroundings were not.
 */
export function bracketed(text: string, q: QuoteContext, maxErrors: number): Candidate[] {
  const { prefix, suffix, exact } = q;
  if (prefix.trim().length < MIN_BRACKET || suffix.trim().length < MIN_BRACKET) return [];
  if (exact.length > MAX_EXTEND_QUOTE) return [];
  const out: Candidate[] = [];
  const wide = Math.max(maxErrors, Math.floor(exact.length * PINNED_ERROR_RATE));
  const minLen = Math.max(1, exact.length - wide);
  const maxLen = exact.length + wide;
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
    const between = text.slice(c.start, c.end);
    const errors = editDistance(exact, between);
    const budget = wordsKept(exact, between) ? wide : maxErrors;
    // An inserted block between a context and the quote is not part of the quote.
    if (errors <= budget)
      out.push(cutAtBreaks(text, q, { ...c, quoteSim: 1 - errors / exact.length }, budget));
  }
  return out;
}

/**
 * Fuzzy candidates in text[lo, hi), every one scored (decide() judges them). The exact occurrences `hits` are
 * cut out of the search: Myers reports only the fewest errors, so a verbatim copy of the quote would hide its
 * edited original.
 */
export function fuzzyIn(
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
    if (!fuzzyAccepted(scored, minScore)) {
      for (const b of extendToBreaks(text, q, scored, maxErrors)) {
        const sb = scoreCandidate(text, q, b);
        if (fuzzyAccepted(sb, minScore) && (!fuzzyAccepted(scored, minScore) || sb.score > scored.score))
          scored = sb;
      }
    }
    out.push(scored);
  }
  return out;
}

/**
 * A fuzzy match must be supported by adjacent context on both sides: an edited quote with only one matching
 * side, or with its context found some way off, is what a near-duplicate sentence looks like (the same
 * ending, or the original prefix followed by other text once the quote's paragraph is deleted).
 */
export function fuzzyAccepted(c: ScoredCandidate | null, minScore: number): c is ScoredCandidate {
  return (
    !!c &&
    c.score >= minScore &&
    c.prefix.tight &&
    c.suffix.tight &&
    Math.min(c.prefix.value, c.suffix.value) >= FUZZY_MIN_SIDE
  );
}

/** Up to `cap` offsets, nearest to the hint first (document order without a hint). */
export function nearest(offsets: number[], hint: number | null, cap: number): number[] {
  if (hint === null || offsets.length <= 1) return offsets.slice(0, cap);
  return [...offsets].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, cap);
}

/** Least context evidence required on each side of a fuzzy match. */
export const FUZZY_MIN_SIDE = 0.25;

export const SCORED_CAP = 200;
