/**
 * The thing counted: the short noun phrase after a figure ("15 'Patriot' systems" -> "Patriot
 * systems"), through "of" after container nouns ("3 sets of this system"). Stops at function
 * words, verbs-by-shape, adverbs and punctuation. A stop-list, not a parser: good enough to name
 * what a number is about.
 */
import { FUNCTION_WORDS } from './function-words';
import type { NumCtx } from './numbers';
import { WORD, SYM } from './tokenizer';

const STOP = new Set(
  (
    FUNCTION_WORDS +
    ' ' +
    'nor whom whose will can than per your until into between through against among including up down out off ' +
    'less already ago later earlier say like any same own very too much few across around via amid ' +
    'toward towards onto upon within without beyond behind above below near worth et de des du la le les ' +
    'und der die das den dem von mit für zu im y el los las en'
  ).split(' '),
);

/** Words that follow a number but describe rather than name ("14 available"). */
const NOT_NOUNS = new Set(
  (
    'available remaining left total altogether apiece combined alone overall respectively separate ' +
    'different new old existing additional extra straight consecutive percent ' +
    'currently recently previously years days'
  ).split(' '),
);

export const CONTAINERS = new Set(
  (
    'sets set pairs pair batteries battery units unit tonnes tons barrels barrel cases kinds types rounds bags ' +
    'boxes pieces shares loads groups packs bottles cups pounds kilos kilograms litres liters gallons cubic ' +
    'acres hectares square miles kilometres kilometers metres meters feet doses vials lots batches rows ' +
    'teams squadrons brigades battalions divisions waves series cans slices portions servings percent'
  ).split(' '),
);

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', '«', '»', '„']);

function phrase(c: NumCtx, k: number, maxWords: number, allowDet: boolean): { words_: string[]; k: number } {
  const toks = c.toks_;
  const words: string[] = [];
  let prevEnd = toks[k - 1]?.e ?? 0;
  while (k < toks.length && words.length < maxWords) {
    const t = toks[k]!;
    if (/\n/.test(c.text_.slice(prevEnd, t.s))) break;
    if (t.k === SYM) {
      if (QUOTES.has(t.t)) {
        prevEnd = t.e;
        k++;
        continue;
      }
      // Hyphenated compounds ("air-defense") join the previous word.
      if (
        t.t === '-' &&
        words.length &&
        t.s === prevEnd &&
        toks[k + 1]?.k === WORD &&
        toks[k + 1]!.s === t.e
      ) {
        words[words.length - 1] += '-' + toks[k + 1]!.t;
        prevEnd = toks[k + 1]!.e;
        k += 2;
        continue;
      }
      break;
    }
    if (t.k !== WORD) break;
    const det =
      allowDet && words.length === 0 && /^(the|this|these|those|its|their|his|her|our|all)$/.test(t.l);
    if (!det && STOP.has(t.l)) break;
    if (t.l.length > 3 && t.l.endsWith('ly')) break;
    // Possessive "'s" ends the phrase ("3 of Ukraine's").
    words.push(t.t);
    prevEnd = t.e;
    k++;
  }
  // Trailing verbs by shape ("3 sets deployed").
  while (
    words.length > 1 &&
    /(?:ed|ing)$/i.test(words[words.length - 1]!) &&
    !/ings$/i.test(words[words.length - 1]!)
  )
    words.pop();
  return { words_: words, k };
}

/**
 * Counted noun starting at token j. `ofOnly` (money, percent): only an "of NP" after the figure counts
 * ("10% of voters"). Returns '' when nothing noun-like follows.
 */
export function countedAfter(c: NumCtx, j: number, ofOnly: boolean): string {
  const t = c.toks_[j];
  if (!t) return '';
  if (t.l === 'of') {
    const p = phrase(c, j + 1, 3, false);
    // "of the population": drop the determiner but keep the noun.
    if (p.words_.length) return p.words_.join(' ');
    const q = phrase(c, j + 2, 3, false);
    return c.toks_[j + 1] && /^(the|its|their|his|her|our)$/.test(c.toks_[j + 1]!.l)
      ? q.words_.join(' ')
      : '';
  }
  if (ofOnly) return '';
  const p = phrase(c, j, 4, false);
  if (!p.words_.length) return '';
  if (NOT_NOUNS.has(p.words_[0]!.toLowerCase())) return '';
  // "only two committed": a lone participle is a verb, not the thing counted.
  if (p.words_.length === 1 && /ed$/i.test(p.words_[0]!)) return '';
  const last = p.words_[p.words_.length - 1]!.toLowerCase();
  if (CONTAINERS.has(last) && c.toks_[p.k]?.l === 'of') {
    const q = phrase(c, p.k + 1, 3, true);
    if (q.words_.length) return [...p.words_, 'of', ...q.words_].join(' ');
  }
  return p.words_.join(' ');
}

/** True when the word after a count only describes it ("14 available"): the counted noun is the one before. */
export function describesOnly(c: NumCtx, j: number): boolean {
  const t = c.toks_[j];
  return !!t && t.k === WORD && NOT_NOUNS.has(t.l);
}
