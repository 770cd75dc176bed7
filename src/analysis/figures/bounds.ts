/**
 * Bound and approximation words before a figure ("nearly", "more than", "up to"), with the traps
 * that look like bounds but are not: "edged up to 4.1%" (a direction), "over 21 stages" (a
 * preposition), "some" and "about" in other roles are avoided by requiring the number right after.
 */
import type { Approx } from '../types';
import { table, words } from './table';

/** Bound words by the approx they mean (table.ts format), with the common German and French ones. */
const BOUNDS = table(
  'gt:more than,over,above,in excess of,upwards of,exceeding,well over,just over,greater than,' +
    'higher than,north of,mehr als,über,plus de;' +
    'gte:at least,no fewer than,no less than,a minimum of,mindestens,au moins;' +
    'lte:up to,as many as,as much as,no more than,at most,within,a maximum of,nearly,almost,knapp,' +
    "fast,bis zu,jusqu'à,presque;" +
    'lt:just under,fewer than,less than,under,below,lower than,weniger als,moins de;' +
    'approx:about,around,approximately,roughly,some,an estimated,estimated,close to,circa,approx.,' +
    'around about,more or less,an average of,on average,~,rund,etwa,ungefähr,environ,près de',
) as Record<string, Approx>;

const KEYS = Object.keys(BOUNDS).sort((a, b) => b.length - a.length);
const BOUND_RE = new RegExp(
  `(?:^|[^\\p{L}])(${KEYS.map(k => k.replace(/[.]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\s*$`,
  'iu',
);

/** Verbs of movement ("edged up to", "fell to under", "rose over": a direction, not a bound); "-ed" covers the regular ones. */
const MOVE_RE =
  /(?:^|[^\p{L}])(?:\p{L}+ed|rose|rises?|grew|grows?|went|go(?:es)?|came|come|shot|crept|fell|sank|slid|raise|lift|push(?:es)?|cuts?)\s+$/iu;

/** Nouns after "over N" that make "over" a preposition (a span of events or time). */
const SPAN_NOUNS = words(
  'stages games matches races rounds laps sessions innings holes starts appearances episodes days weeks ' +
    'months years decades nights seasons hours minutes quarters periods legs sets frames outings meetings ' +
    'visits tournaments',
);
const OVER_GT_BEFORE =
  /(?:^|[^\p{L}])(?:for|of|with|than|is|are|was|were|be|been|has|have|had|by|totall?ing|worth|cost(?:s|ing)?|paid|pay|spent|raised|earned|took|lasted|spanning|weighing)\s+$/iu;

export interface Bound {
  /** Start offset of the bound words. */
  s: number;
  approx_: Approx;
}

/**
 * The bound ending right before `start`, not reaching back before `floor`. `nextWord` is the first
 * word after the figure (for the "over 21 stages" trap), `kind` the figure's kind.
 */
export function boundBefore(text: string, start: number, floor: number, nextWord: string): Bound | null {
  const from = Math.max(floor, start - 32);
  const before = text.slice(from, start);
  const m = BOUND_RE.exec(before);
  if (!m) return null;
  const word = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const bs = from + before.length - m[0].replace(/^[^\p{L}~]/u, '').length;
  const pre = text.slice(Math.max(0, bs - 24), bs);
  if (
    (word === 'up to' || word === 'under' || word === 'below' || word === 'above' || word === 'over') &&
    MOVE_RE.test(pre)
  )
    return null;
  if (word === 'over' && SPAN_NOUNS.has(nextWord) && !OVER_GT_BEFORE.test(pre)) return null;
  return { s: bs, approx_: BOUNDS[word]! };
}
