/**
 * Metadata scoring shared by `bench/metadata-detect.bench.ts` and `bench/metadata-eval.ts`, the same for
 * every system:
 * - title: equal after lower-casing, removing accents and punctuation and collapsing whitespace;
 * - authors: the set of lower-cased name words of all names equals the label's, after dropping
 *   "by/von/par/por" and the conjunctions (and/und/et/y) and punctuation; an empty label means
 *   "no author" and is met only by an empty answer;
 * - date: both sides go through the same parser (ours) to ISO; "day" compares YYYY-MM-DD; "exact"
 *   also compares the time to the minute (as the same instant when both have an offset) when the
 *   label has a time. An empty label means "no date" and is met only by no answer.
 */
import { parseDate } from '../../src/analysis/metadata/dates';
import { fold } from '../../src/analysis/metadata/text';

const NAME_STOP = new Set(['by', 'von', 'par', 'por', 'and', 'und', 'et', 'y', 'written']);

export function authorKey(s: string | null | undefined): string {
  const words = fold(s ?? '')
    .split(' ')
    .filter(w => w && !NAME_STOP.has(w));
  return [...new Set(words)].sort().join(' ');
}

export const titleOk = (p: string | null, l: string): boolean => !!p && fold(p) === fold(l);

const normDate = (d: string | null | undefined): string | null => (d ? parseDate(String(d)) : null);

export function dateScore(pred: string | null, label: string): { day: boolean; exact: boolean } {
  const p = normDate(pred);
  const l = normDate(label);
  if (!l) return { day: !p, exact: !p };
  if (!p) return { day: false, exact: false };
  const day = p.slice(0, 10) === l.slice(0, 10);
  if (l.length <= 10) return { day, exact: day };
  const zoned = (x: string): boolean => /(Z|[+-]\d\d:\d\d)$/.test(x);
  if (p.length <= 10) return { day, exact: false };
  if (zoned(p) && zoned(l)) return { day, exact: Math.abs(Date.parse(p) - Date.parse(l)) < 60_000 };
  return { day, exact: p.slice(0, 16) === l.slice(0, 16) };
}
