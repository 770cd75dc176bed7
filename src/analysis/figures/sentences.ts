/**
 * Sentence boundaries for figures and entities: split after . ! ? (and at line breaks) when the
 * next sentence starts with a capital, a digit or a quote, except after common abbreviations
 * ("U.S.", "Jan.", "Mr.", single initials).
 */

import { MONTH_ABBR } from './patterns';

const SPLIT_RE = /[.!?]+["”’)\]]*\s+(?=["“‘(]?[\p{Lu}\d])|\n+/gu;
/** Titles and company abbreviations written with a dot ("Mr.", "Inc."); entities/tokens.ts shares them. */
export const TITLE_ABBR =
  'Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Mt|Ft|Rev';
const ABBREV_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${TITLE_ABBR}|vs|etc|approx|${MONTH_ABBR}|U\\.S|U\\.K|U\\.N|a\\.m|p\\.m|\\p{Lu})\\.$`,
  'u',
);

/** Start offsets of sentences, ascending, first is 0. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  SPLIT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPLIT_RE.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] !== '\n') {
      const dot = m[0].indexOf('.');
      if (dot === 0 && ABBREV_RE.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    }
    if (end < text.length) starts.push(end);
  }
  return starts;
}

/** Index of the sentence containing offset `off`. */
export function sentenceIndex(starts: number[], off: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sentenceText(text: string, starts: number[], idx: number): string {
  const s = starts[idx] ?? 0;
  const e = starts[idx + 1] ?? text.length;
  return text.slice(s, e).trim();
}
