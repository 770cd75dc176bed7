/**
 * Plain-text snippets around the matched words, with [start, end) marks into the snippet.
 * The caller renders the snippet as text and wraps the marked ranges itself (never as HTML).
 */
import { tokens } from './tokenize';

export const SNIPPET_CHARS = 180;

export interface Snippet {
  snippet: string;
  marks: [number, number][];
  /** How many query terms this text matches (to pick the best field). */
  matched: number;
}

function matches(term: string, queryTerm: string): boolean {
  return term === queryTerm || (queryTerm.length >= 2 && term.startsWith(queryTerm));
}

export function snippet(text: string, terms: string[], max = SNIPPET_CHARS): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = tokens(flat).filter(t => terms.some(q => matches(t.term, q)));
  const matched = terms.filter(q => hits.some(h => matches(h.term, q))).length;
  let start = 0;
  if (flat.length > max && hits.length) {
    start = Math.max(0, hits[0]!.start - Math.floor(max / 3));
    const space = flat.lastIndexOf(' ', start);
    if (start > 0 && space >= 0 && hits[0]!.start - space < max / 2) start = space + 1;
  }
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const body = flat.slice(start, end);
  const marks: [number, number][] = hits
    .filter(h => h.start >= start && h.end <= end)
    .map(h => [h.start - start + lead.length, h.end - start + lead.length]);
  return { snippet: lead + body + (end < flat.length ? ' …' : ''), marks, matched };
}
