/**
 * What follows a number: a currency name or code, a percent word, a measure or duration unit, and
 * the hyphenated adjective forms ("50-day", "400-kilometre", "13-inch", "54-year-old"). Matched as
 * anchored regexes on the text right after the number, so multi-word units cost one test each.
 */
import { CODES, DOLLAR_ADJ, NAMES, SYMBOLS } from './currencies';
import { CASED, DURATIONS, MEASURES, PERCENT_WORDS } from './units';

export interface Suffix {
  /** Characters consumed after the number. */
  len_: number;
  kind_: 'money' | 'percent' | 'duration' | 'measure';
  unit_: string;
  /** Hyphenated adjective form ("a 50-day ultimatum"): the noun after it is the thing counted. */
  adjective_: boolean;
}

const alt = (keys: string[]): string =>
  keys
    .sort((a, b) => b.length - a.length)
    .map(k => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');

const PCT_RE = new RegExp(`^(?:\\s?%|\\s(?:${alt(Object.keys(PERCENT_WORDS))})(?![\\p{L}]))`, 'iu');
const CUR_ADJ = alt(Object.keys(DOLLAR_ADJ));
const CUR_RE = new RegExp(
  `^\\s(?:de\\s+|d['’])?(?:(${CUR_ADJ})\\s+)?(${alt(Object.keys(NAMES))})(?![\\p{L}])|^\\s?(${[...CODES].join('|')})(?![\\p{L}])`,
  'iu',
);
/** A currency symbol after the number, as German, French and Spanish write money: "70.000 €", "12,50 $". */
const SYM_AFTER_RE = new RegExp(`^\\s?(${alt(Object.keys(SYMBOLS))})(?![\\p{L}\\d])`, 'u');
const DUR_KEYS = alt(Object.keys(DURATIONS));
const DUR_RE = new RegExp(`^(?:\\s|-)(${DUR_KEYS})(?![\\p{L}\\d])`, 'iu');
const AGE_RE = /^(?:-years?-old|\s+years?\s+old)(?![\p{L}])/iu;
const MEAS_RE = new RegExp(`^(?:\\s|-)(${alt(Object.keys(MEASURES))})(?![\\p{L}\\d])`, 'iu');
const CASED_RE = new RegExp(`^\\s?(${alt(Object.keys(CASED))})(?![\\p{L}\\d])`, 'u');
const DEG_RE = /^\s?°\s?([CF])?(?![\p{L}])/u;

/**
 * A suffix from a match. Only the forms that may start with "-" (durations, measures, "-year-old")
 * can be adjectives; the others start with a space, "%" or "°".
 */
const hit = (
  m: RegExpExecArray,
  kind: Suffix['kind_'],
  unit: string,
  adjective = m[0][0] === '-',
): Suffix => ({
  len_: m[0].length,
  kind_: kind,
  unit_: unit,
  adjective_: adjective,
});

/**
 * `money`: a currency was already seen before the number, so only "dollars"-style repeats are
 * consumed. `scaled`: a scale word was read (ambiguous names like "won" need one).
 */
export function suffixAt(text: string, end: number, scaled: boolean, poundsMoney: boolean): Suffix | null {
  const rest = text.slice(end, end + 48);
  let m = PCT_RE.exec(rest);
  if (m) {
    const w = m[0].trim().toLowerCase().replace(/\s+/g, ' ');
    return hit(m, 'percent', w === '%' ? '%' : (PERCENT_WORDS[w] ?? '%'));
  }
  m = CUR_RE.exec(rest);
  if (m) {
    if (m[3]) {
      const code = m[3].toUpperCase();
      // Codes must be written in capitals ("5 EUR"), "5 eur" is not a code.
      if (m[3] === code) return hit(m, 'money', code === 'RMB' ? 'CNY' : code);
    } else {
      const name = m[2]!.toLowerCase();
      const adj = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const ambiguous =
        name === 'won' || name === 'real' || name === 'rand' || name === 'pound' || name === 'pounds';
      if (!ambiguous || scaled || ((name === 'pounds' || name === 'pound') && poundsMoney)) {
        let unit = NAMES[name]!;
        if (adj && /dollar/.test(name)) unit = DOLLAR_ADJ[adj] ?? unit;
        return hit(m, 'money', unit);
      }
    }
  }
  m = SYM_AFTER_RE.exec(rest);
  if (m) return hit(m, 'money', SYMBOLS[m[1]!]!);
  m = AGE_RE.exec(rest);
  if (m) return hit(m, 'duration', 'year');
  m = DUR_RE.exec(rest);
  if (m) {
    const u = DURATIONS[m[1]!.toLowerCase()];
    if (u) return hit(m, 'duration', u);
  }
  m = MEAS_RE.exec(rest);
  if (m) {
    const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const u = MEASURES[key];
    // "pounds" is money on pages that quote sterling.
    if (u === 'lb' && poundsMoney) return hit(m, 'money', 'GBP', false);
    if (u) return hit(m, 'measure', u);
  }
  m = CASED_RE.exec(rest);
  if (m && (m[1]!.length > 1 || m[0].length === 1)) return hit(m, 'measure', CASED[m[1]!]!);
  m = DEG_RE.exec(rest);
  if (m) return hit(m, 'measure', m[1] ? '°' + m[1] : '°');
  return null;
}
