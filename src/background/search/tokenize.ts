/**
 * Words for the search index: runs of letters and digits (numbers keep their inner "." and ","
 * so "1.2" stays one term), folded to lower case without diacritics, so "Über" finds "uber".
 */

export interface Token {
  term: string;
  /** [start, end) in the original text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}+/gu;

export function fold(word: string): string {
  const lower = word.toLowerCase();
  // Pure ASCII needs no decomposition (the common case; keeps indexing fast).
  return /^[\x00-\x7f]*$/.test(lower)
    ? lower.replace(/[’]/g, "'")
    : lower.normalize('NFKD').replace(MARKS, '').replace(/’/g, "'");
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ term: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Distinct folded terms of a query, in order, at most `max`. */
export function queryTerms(q: string, max = 12): string[] {
  const seen: string[] = [];
  for (const t of terms(q)) if (!seen.includes(t)) seen.push(t);
  return seen.slice(0, max);
}

/**
 * The folded terms of a text, without offsets (index building): the text is folded once as a
 * whole instead of word by word, which makes a cold index build several times faster.
 */
export function terms(text: string): string[] {
  if (!text) return [];
  let lower = text.toLowerCase();
  if (/[^\x00-\x7f]/.test(lower)) lower = lower.normalize('NFKD').replace(MARKS, '').replace(/’/g, "'");
  return lower.match(WORD) ?? [];
}
