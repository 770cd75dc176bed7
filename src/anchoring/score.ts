import search from 'approx-string-match';
import { anchoredDistance } from './edit-distance';

/**
 * Scoring of a candidate place for a quote. Weights follow Hypothesis (50 quote, 20 prefix, 20 suffix,
 * 2 position) so scores are comparable with theirs, but context similarity is normalised so that unrelated
 * text scores 0, and the caller enforces a minimum score: a quote with no supporting context cannot reach it
 * (an exact quote with both contexts gone scores ~0.56), so text that merely looks like the quote somewhere
 * else is orphaned instead of highlighted.
 */
export const W_QUOTE = 50;
export const W_PREFIX = 20;
export const W_SUFFIX = 20;
export const W_POS = 2;
const W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX + W_POS;

/** Quotes shorter than this carry less weight (see scoreCandidate). */
export const SHORT_QUOTE = 8;
/** How far (rendered chars) context may have moved away from the quote, e.g. by an inserted ad line. */
export const CONTEXT_SLACK = 160;
/** How far whole inserted blocks may push a context away (stacked ads, a note and a newsletter box). */
const FAR_SLACK = 640;
/** Similarity at the search limit (errors = half the context); unrelated text finds no match at all. */
const CONTEXT_FLOOR = 0.5;
/** Weight of context found near, but not adjacent to, the candidate. */
const DISPLACED = 0.5;

export interface Candidate {
  start: number;
  end: number;
  /** 1 - errors / quote length. */
  quoteSim: number;
}

export interface ScoredCandidate extends Candidate {
  score: number;
  prefix: Evidence;
  suffix: Evidence;
}

/**
 * Evidence in [0, 1] that the stored prefix sits just before `start`. Two readings are compared: the prefix
 * aligned so that it touches the candidate (an edited word right next to the quote), and its best
 * approximate match anywhere within CONTEXT_SLACK characters (an inserted ad line). The displaced reading is
 * used only when it is genuinely better: when the characters in between are whole blocks, or cost less than
 * the edits the adjacent reading needs (a tie keeps the exact context a word away, so a span may widen to it). Otherwise the best match of an edited context drifts a few
 * characters away (" In the US" edited to " In significant US" matches at "cant US"), and a fuzzy span widened
 * to meet it swallows the edited word. Displaced context counts half (contextEvidence), as it is also what
 * the *next* copy of a deleted sentence looks like, so it needs the other side to agree.
 */
export function prefixEvidence(
  text: string,
  start: number,
  prefix: string,
  isBreak?: (off: number) => boolean,
): Evidence {
  const plen = prefix.length;
  if (plen === 0) return start === 0 ? TIGHT : NONE;
  if (start >= plen && text.startsWith(prefix, start - plen)) return TIGHT;
  const from = Math.max(0, start - plen - FAR_SLACK);
  const window = text.slice(from, start);
  if (window.length === 0) return NONE;
  const limit = Math.floor(plen / 2);
  const adjacent = anchoredDistance(prefix, text, start, -1, limit);
  let best: { end: number; errors: number } | null = null;
  for (const m of search(window, prefix, limit)) if (!best || m.end > best.end) best = m;
  if (best) {
    const gap = window.length - best.end;
    // Whole blocks between (an inserted ad or paragraph): the context ends a block and the candidate starts one.
    const blocks = !!isBreak && isBreak(start - 1) && isBreak(from + best.end - 1);
    if (
      (gap <= CONTEXT_SLACK || blocks) &&
      (gap <= TIGHT_GAP || best.errors + (blocks ? 0 : gap) <= adjacent)
    ) {
      return evidence(1 - best.errors / plen, gap, blocks);
    }
  }
  const near = adjacent > limit ? NONE : evidence(1 - adjacent / plen, 0, false);
  const split = isBreak ? splitPrefix(text, start, prefix, isBreak) : null;
  return split && split.value > near.value ? split : near;
}

/** As prefixEvidence, for the stored suffix just after `end`. */
export function suffixEvidence(
  text: string,
  end: number,
  suffix: string,
  isBreak?: (off: number) => boolean,
): Evidence {
  const slen = suffix.length;
  if (slen === 0) return end >= text.length ? TIGHT : NONE;
  if (text.startsWith(suffix, end)) return TIGHT;
  const window = text.slice(end, end + slen + FAR_SLACK);
  if (window.length === 0) return NONE;
  const limit = Math.floor(slen / 2);
  const adjacent = anchoredDistance(suffix, text, end, 1, limit);
  let best: { start: number; errors: number } | null = null;
  for (const m of search(window, suffix, limit)) if (!best || m.start < best.start) best = m;
  if (best) {
    const gap = best.start;
    const blocks = !!isBreak && isBreak(end) && isBreak(end + best.start);
    if (
      (gap <= CONTEXT_SLACK || blocks) &&
      (gap <= TIGHT_GAP || best.errors + (blocks ? 0 : gap) <= adjacent)
    ) {
      return evidence(1 - best.errors / slen, gap, blocks);
    }
  }
  const near = adjacent > limit ? NONE : evidence(1 - adjacent / slen, 0, false);
  const split = isBreak ? splitSuffix(text, end, suffix, isBreak) : null;
  return split && split.value > near.value ? split : near;
}

/**
 * Blocks inserted *inside* the stored context (the quote ends its paragraph, an ad follows, then the next
 * paragraph): the suffix matches exactly up to a block boundary right after the candidate, and its rest
 * starts a block further on. Counts as displaced context separated by whole blocks.
 */
function splitSuffix(
  text: string,
  end: number,
  suffix: string,
  isBreak: (off: number) => boolean,
): Evidence | null {
  let k = 0;
  while (k < suffix.length && text.charCodeAt(end + k) === suffix.charCodeAt(k)) k++;
  let cut = 0;
  for (let i = k; i >= 1; i--) {
    if (isBreak(end + i - 1)) {
      cut = i;
      break;
    }
  }
  const rest = suffix.slice(cut);
  if (cut === 0 || rest.trim().length === 0) return null;
  const from = end + cut;
  let best: { start: number; errors: number } | null = null;
  const window = text.slice(from, from + rest.length + FAR_SLACK);
  for (const m of search(window, rest, Math.floor(rest.length / 2)))
    if (!best || m.start < best.start) best = m;
  if (!best || !isBreak(from + best.start - 1)) return null;
  return evidence(1 - best.errors / suffix.length, cut + best.start, true);
}

/** As splitSuffix, for a prefix whose last part is adjacent and whose rest ends a block further back. */
function splitPrefix(
  text: string,
  start: number,
  prefix: string,
  isBreak: (off: number) => boolean,
): Evidence | null {
  const plen = prefix.length;
  let k = 0;
  while (k < plen && text.charCodeAt(start - 1 - k) === prefix.charCodeAt(plen - 1 - k)) k++;
  let cut = 0;
  for (let i = k; i >= 1; i--) {
    if (isBreak(start - i)) {
      cut = i;
      break;
    }
  }
  const rest = prefix.slice(0, plen - cut);
  if (cut === 0 || rest.trim().length === 0) return null;
  const to = start - cut;
  const from = Math.max(0, to - rest.length - FAR_SLACK);
  let best: { end: number; errors: number } | null = null;
  for (const m of search(text.slice(from, to), rest, Math.floor(rest.length / 2))) {
    if (!best || m.end > best.end) best = m;
  }
  if (!best || !isBreak(from + best.end)) return null;
  return evidence(1 - best.errors / plen, cut + (to - from - best.end), true);
}

export interface Evidence {
  /** In [0, 1]; displaced context counts DISPLACED of its similarity. */
  value: number;
  /** Characters between the candidate and the found context (Infinity when not found). */
  gap: number;
  /**
   * Context adjacent to the candidate (gap <= TIGHT_GAP), or separated from it only by whole blocks. The
   * latter still counts DISPLACED in value: a deleted quote's verbatim copy in a later block looks the same.
   */
  tight: boolean;
}

const TIGHT: Evidence = { value: 1, gap: 0, tight: true };
const NONE: Evidence = { value: 0, gap: Infinity, tight: false };
/** Gap still counted as adjacent: a fuzzy match's ends may be a few characters off an edited word. */
export const TIGHT_GAP = 3;

function evidence(sim: number, gap: number, blocks: boolean): Evidence {
  const adjacent = gap <= TIGHT_GAP;
  return { value: contextEvidence(sim) * (adjacent ? 1 : DISPLACED), gap, tight: adjacent || blocks };
}

/** Maps raw context similarity to [0, 1] where unrelated text is 0. */
export function contextEvidence(sim: number): number {
  return Math.min(1, Math.max(0, (sim - CONTEXT_FLOOR) / (1 - CONTEXT_FLOOR)));
}

export interface QuoteContext {
  exact: string;
  prefix: string;
  suffix: string;
  /** Expected rendered start (from the position selector), if any. */
  hint: number | null;
  /** Block-boundary test on the text (TextIndex.isBreak), if known. */
  isBreak?: (off: number) => boolean;
}

export function scoreCandidate(text: string, q: QuoteContext, c: Candidate): ScoredCandidate {
  const p = prefixEvidence(text, c.start, q.prefix, q.isBreak);
  const s = suffixEvidence(text, c.end, q.suffix, q.isBreak);
  const pos = q.hint === null ? 0.5 : 1 - Math.min(1, Math.abs(c.start - q.hint) / Math.max(1, text.length));
  // A short quote is weak evidence by itself (any "cat" matches "cat"): below SHORT_QUOTE characters its
  // weight shrinks, so it needs more context to pass the minimum score.
  const quoteWeight = W_QUOTE * Math.min(1, (q.exact.length + SHORT_QUOTE) / (2 * SHORT_QUOTE));
  const score = (quoteWeight * c.quoteSim + W_PREFIX * p.value + W_SUFFIX * s.value + W_POS * pos) / W_TOTAL;
  return { ...c, score, prefix: p, suffix: s };
}

/** True when both stored contexts sit exactly beside [start, end). */
export function contextExact(text: string, q: QuoteContext, start: number, end: number): boolean {
  const plen = q.prefix.length;
  const preOk = plen === 0 ? start === 0 : start >= plen && text.startsWith(q.prefix, start - plen);
  if (!preOk) return false;
  return q.suffix.length === 0 ? end >= text.length : text.startsWith(q.suffix, end);
}
