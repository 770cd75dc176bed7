/**
 * Sentence splitter for the summary (and for callers that need sentence spans). Rule-based and
 * linear: a sentence ends at . ! ? … (or 。！？) plus any closing quotes/brackets, when whitespace
 * and a plausible sentence start follow, and the word before the stop is not an abbreviation,
 * an initial or a dotted acronym. A paragraph break always ends a sentence.
 */

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Lower-cased, without the final dot. Titles, months, Latin and business abbreviations; en/de/fr/es. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev fr sr jr st mt ft hon pres supt ' +
    'insp det atty messrs mmes mme mlle m sra srta dra sres ud uds hr hrn fr frau ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'inc ltd co corp bros dept univ assn est approx no nos nr vol vols fig figs pp p ch art sec ' +
    'vs v etc al cf ca e.g i.e a.m p.m u.s u.k u.n e.u u.s.a d.c ph.d b.a m.a ' +
    'z.b bzw ggf usw evtl vgl dt inkl ca s u.a d.h o.ä sog bspw ' +
    'av avd apdo pág núm sr.a etc'
  ).split(/\s+/),
);

const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '」', '』']);
const OPENERS = /["'“‘«‹(\[¿¡„]/;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

/** The word ending at `i` (exclusive), including inner dots ("U.S" for "U.S."). */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && !isSpace(text[j - 1]) && !OPENERS.test(text[j - 1]!)) j--;
  return text.slice(j, i);
}

function looksLikeStart(text: string, i: number): boolean {
  // Skip opening quotes/brackets, then require an upper-case letter, a digit or a non-cased script.
  let k = i;
  while (k < text.length && OPENERS.test(text[k]!)) k++;
  const c = text[k];
  if (c === undefined) return false;
  if (/\p{Lu}|\p{Lt}|\d/u.test(c)) return true;
  // Scripts without case (CJK, Arabic, Hebrew, Thai, ...) start sentences with any letter.
  return /\p{L}/u.test(c) && c.toLowerCase() === c.toUpperCase();
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n' && text[i + 1] === '\n') {
      push(i);
      continue;
    }
    if (c === '。' || c === '！' || c === '？') {
      let j = i + 1;
      while (j < n && CLOSERS.has(text[j]!)) j++;
      push(j);
      i = j - 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Runs of stops ("?!", "...") end together.
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j < n && !isSpace(text[j])) {
      i = j - 1;
      continue; // "3.5", "example.com", "U.S.-led"
    }
    let k = j;
    while (k < n && isSpace(text[k]) && !(text[k] === '\n' && text[k + 1] === '\n')) k++;
    if (k < n && text[k] === '\n') {
      push(j);
      i = k - 1;
      continue;
    }
    if (k < n && !looksLikeStart(text, k)) {
      i = j - 1;
      continue;
    }
    if (c === '.' && j === i + 1) {
      const w = wordBefore(text, i);
      const bare = w.replace(/^[^\p{L}\p{N}]+/u, '');
      const lower = bare.toLowerCase();
      // Initials ("J."), dotted acronyms ("U.S."), known abbreviations ("Gen.", "Jan.").
      if (/^\p{L}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare) || ABBREVIATIONS.has(lower)) {
        i = j - 1;
        continue;
      }
    }
    push(j);
    i = j - 1;
  }
  push(n);
  return out;
}
