/**
 * The token grammar: from a number (digits or words) with an optional currency before it, read
 * ranges and scores, the unit after it, the bound before it, and decide the kind. Dates and
 * times come from the regex pass (patterns.ts) and are only merged here.
 */
import type { Approx, FigureKind } from '../types';
import { boundBefore } from './bounds';
import { countedAfter, describesOnly } from './counted';
import { CODES, DOLLAR_PREFIX, SYMBOLS } from './currencies';
import { ORDINAL_WORDS, TENS, UNITS } from './number-words';
import { spaced, type Num } from './numbers';
import {
  DASHES,
  emit,
  endOf,
  fraction,
  gluedSuffix,
  isSentenceStartTok,
  prevWord,
  sfxAfter,
  side,
  tokAt,
  type Ctx,
  type RawFigure,
  type Side,
} from './operands';
import { MONTH_WORDS, TIME_CUES, claims } from './patterns';
import type { Suffix } from './suffix';
import { NUM, SYM, tokenize, usesDecimalComma, WORD, type Token } from './tokenizer';

export type { RawFigure } from './operands';

const SCORE_BEFORE =
  /(?:^|[^\p{L}])(?:vote[ds]?|margin|won|wins?|lost|loses|beat(?:s|ing)?|defeat(?:ed)?|drew|tied|led|leads?|trail(?:ed|s)|victory|loss|record|edged|downed|blanked|routed|stunned|topped|by|an?|the)\s+$/iu;
const SCORE_AFTER =
  /^\s+(?:wins?|victor(?:y|ies)|loss(?:es)?|defeats?|draw|vote|decision|lead|record|scoreline|triumph|rout|aggregate|margin|in\s+(?:overtime|extra|a\s+shootout|the\s+final)|on\s+aggregate|overtime|shootout)\b/i;
const VOTE_BEFORE = /(?:^|[^\p{L}])(?:vote[ds]?|margin|of)\s+$/iu;
const YEAR_CUE = new RegExp(
  `(?:^|[^\\p{L}])(?:${TIME_CUES}|to|year|fiscal|season|and|between|the|around|circa|for|'|’)\\s*$`,
  'iu',
);

/** Tries a figure starting at token i. Returns it with the next token index, or null. */
function figureAt(c: Ctx, i: number, floor: number): { f: RawFigure; j: number } | null {
  const toks = c.toks_;
  const t = toks[i]!;
  // "No. 1", "#1": ranks.
  if ((t.t === 'No' || t.t === '#') && !c.claimed_[i + 1]) {
    const dot = t.t === 'No' ? toks[i + 1] : t;
    const n = toks[t.t === 'No' ? i + 2 : i + 1];
    if (
      dot &&
      n &&
      n.k === NUM &&
      (t.t === '#' || (dot.t === '.' && dot.s === t.e)) &&
      n.s - dot.e <= 1 &&
      /^\d{1,3}$/.test(n.t)
    )
      return { f: emit(t.s, n.e, 'ordinal', +n.t, '', 'eq'), j: t.t === 'No' ? i + 3 : i + 2 };
  }
  if (t.k === WORD) {
    const fr = fraction(c, i);
    if (fr) {
      const b = boundBefore(c.text_, t.s, floor, '');
      const f = emit(
        b ? b.s : t.s,
        endOf(c, fr.j),
        'ratio',
        Math.round(fr.v * 1e4) / 1e4,
        '',
        b?.approx_ ?? 'eq',
      );
      f.counted_ = countedAfter(c, fr.j, true);
      return { f, j: fr.j };
    }
  }
  const a = side(c, i, '');
  if (!a) return null;
  const n1 = a.n;
  let j = n1.j;
  let cur = a.cur_;
  let sfx: Suffix | null = null;
  // "2019 season", "the 2022/23 season": a year before a time word is not a duration.
  const yearish = !cur && n1.scale_ === 1 && n1.v >= 1800 && n1.v <= 2100 && /^\d{4}$/.test(toks[n1.i]!.t);
  // A unit agrees with a currency before the number, and a year takes no duration.
  const fits = (x: Suffix): boolean => !(cur && x.kind_ !== 'money') && !(yearish && x.kind_ === 'duration');
  const take = (x: Suffix): void => {
    sfx = x;
    j = tokAt(c, j, endOf(c, j) + x.len_);
  };
  if (n1.glued_) sfx = gluedSuffix(n1);
  // A unit right after the first number ("10% to 12%", "5 km-10 km").
  if (!sfx && !n1.ordinal_ && !n1.decade_) {
    const s1 = sfxAfter(c, j, n1.scale_ > 1);
    if (s1 && !s1.adjective_ && fits(s1)) take(s1);
  }
  let n2: Num | null = null;
  let score = false;
  let ratio = false;
  const conn = toks[j];
  const before = c.text_.slice(Math.max(0, toks[a.i]!.s - 24), toks[a.i]!.s);
  if (conn && !n1.ordinal_ && !n1.decade_ && !c.claimed_[j]) {
    let b: Side | null = null;
    if (
      conn.t === '/' &&
      conn.s === endOf(c, j) &&
      /^(1[89]|20)\d\d$/.test(toks[n1.i]!.t) &&
      n1.j === n1.i + 1 &&
      /^\d\d$/.test(toks[j + 1]?.t ?? '') &&
      toks[j + 1]!.s === conn.e
    ) {
      // Seasons and fiscal years: "2022/23".
      b = side(c, j + 1, '');
    } else if (DASHES.has(conn.t) && conn.s - endOf(c, j) <= 1) {
      const nx = toks[j + 1];
      // Symmetric spacing only: "10-12", "10 - 12"; "225.86 -12.99" is two numbers.
      if (nx && nx.s - conn.e === conn.s - endOf(c, j)) b = side(c, j + 1, cur);
      if (b && (b.n.ordinal_ || b.n.word_ !== n1.word_)) b = null;
    } else if (conn.l === 'to' && spaced(c, j) && prevWord(c, a.i) !== 'from') {
      b = side(c, j + 1, cur);
      if (b && !VOTE_BEFORE.test(before) && (b.n.ordinal_ || (n1.v >= b.n.v && b.n.scale_ === 1))) b = null;
    } else if (conn.l === 'and' && prevWord(c, a.i) === 'between') {
      b = side(c, j + 1, cur);
    } else if (
      conn.l === 'in' &&
      spaced(c, j) &&
      !cur &&
      !sfx &&
      n1.scale_ === 1 &&
      n1.v >= 1 &&
      n1.v <= 20 &&
      Number.isInteger(n1.v)
    ) {
      const r = side(c, j + 1, '');
      if (
        r &&
        !r.cur_ &&
        r.n.scale_ === 1 &&
        r.n.v > n1.v &&
        r.n.v <= 1000 &&
        !r.n.sep_ &&
        !(toks[r.n.i]!.k === NUM && r.n.v >= 1800)
      ) {
        ratio = true;
        n2 = r.n;
        j = r.n.j;
      }
    } else if (conn.l === 'out' && toks[j + 1]?.l === 'of' && !cur && !sfx) {
      const r = side(c, j + 2, '');
      if (r && !r.cur_ && r.n.v > 0 && r.n.v >= n1.v) {
        ratio = true;
        n2 = r.n;
        j = r.n.j;
      }
    }
    // Units must agree: "rose 3.5 percent to $27.2 billion" is a change and a new level, not a range.
    if (b && sfx && b.cur_) b = null;
    if (b && (sfx || cur)) {
      const s2 = sfxAfter(c, b.n.j, b.n.scale_ > 1);
      if (s2 && (sfx ? s2.kind_ !== sfx.kind_ : s2.kind_ !== 'money')) b = null;
    }
    if (b && b.n.v >= 0) {
      n2 = b.n;
      if (b.cur_) cur = cur || b.cur_;
      j = b.n.j;
      const small = (x: Num): boolean =>
        Number.isInteger(x.v) && x.v <= 300 && x.scale_ === 1 && !x.sep_ && !x.word_;
      const after = c.text_.slice(endOf(c, j), endOf(c, j) + 40);
      const unitAfter = !!sfxAfter(c, j, false);
      if (!cur && !sfx && !unitAfter && small(n1) && small(n2) && !n2.glued_) {
        if (conn.l === 'to') score = VOTE_BEFORE.test(before);
        else if (DASHES.has(conn.t)) {
          score =
            SCORE_BEFORE.test(before) ||
            SCORE_AFTER.test(after) ||
            n1.v >= n2.v ||
            // Tie-breaks and set lists: "6-7 (4), 6-4", "7-5, 3-6".
            /^\s*(?:\(\d+\)|,\s*\d+[-–]\d+)/.test(after) ||
            toks[a.i]!.s - c.lastScore_ <= 3;
          // Year spans "2019-20" are ranges of years, not scores.
          if (/^\d{4}$/.test(toks[n1.i]!.t)) score = false;
        }
      }
      if (!score && n2.scale_ > 1 && n1.scale_ === 1 && n1.v * n2.scale_ <= n2.v * 1.01 + 1)
        n1.v *= n2.scale_;
      if (!score && n1.v > n2.v && !(toks[n1.i]!.t.length === 4 && toks[n2.i]!.t.length === 2)) {
        // "10-8" without score cues: not a range either; keep the first number alone.
        n2 = null;
        j = n1.j;
      }
    }
  }
  const last = n2 ?? n1;
  if (n2 && !score && !ratio) {
    if (n2.glued_) sfx = gluedSuffix(n2);
    else {
      const s2 = sfxAfter(c, j, last.scale_ > 1);
      if (s2 && fits(s2)) take(s2);
    }
  }
  if (!n2 && !sfx && !n1.ordinal_ && !n1.decade_) {
    const s3 = sfxAfter(c, j, n1.scale_ > 1);
    if (s3 && s3.adjective_ && !cur && !yearish) take(s3);
  }
  let e = endOf(c, j);
  let kind: FigureKind;
  let unit = '';
  let value: RawFigure['value_'] = n2 ? [n1.v, n2.v] : n1.v;
  if (score) {
    kind = 'score';
    c.lastScore_ = e;
  } else if (ratio) {
    kind = 'ratio';
    value = Math.round((n1.v / n2!.v) * 1e4) / 1e4;
  } else if (cur || sfx?.kind_ === 'money') {
    kind = 'money';
    unit = cur || sfx!.unit_;
    if (
      sfx?.kind_ === 'money' &&
      /^(cents?|pence)$/i.test(
        c.text_
          .slice(e - 5, e)
          .trim()
          .split(/\s/)
          .pop() ?? '',
      )
    )
      value = Array.isArray(value) ? [value[0] / 100, value[1] / 100] : (value as number) / 100;
  } else if (sfx) {
    kind = sfx.kind_;
    unit = sfx.unit_;
  } else if (n1.ordinal_) kind = 'ordinal';
  else if (n1.decade_) {
    kind = 'year';
    j = n1.j;
    e = endOf(c, j);
  } else kind = 'count';
  const tok1 = toks[n1.i]!;
  if (
    kind === 'count' &&
    !n1.word_ &&
    /^\d{4}$/.test(tok1.t) &&
    n1.v >= 1800 &&
    n1.v <= 2100 &&
    n1.scale_ === 1
  ) {
    const nx = toks[j];
    // Plural nouns of four letters or more: "als", "des", "has", "its" are not things counted.
    const plural = nx && nx.k === WORD && spaced(c, j) && /^[a-z]{3,}s$/.test(nx.t) && !MONTH_WORDS.has(nx.l);
    if (!plural || YEAR_CUE.test(before)) {
      kind = 'year';
      if (n2) value = [n1.v, n2.v < 100 ? Math.floor(n1.v / 100) * 100 + n2.v : n2.v];
    }
  }
  // Spelled "one" is mostly a determiner ("one large bank"); it counts only in clear number roles.
  if (kind === 'count' && !n2 && n1.word_ && n1.v === 1 && n1.j === n1.i + 1) {
    const nx = toks[j];
    const nx2 = toks[j + 1];
    const ofWhich = nx?.l === 'of' && nx2 && /^(which|whom|them|those|these|us|its|their)$/.test(nx2.l);
    if (!ofWhich && !/(?:only|just|least|than|exactly|nearly|almost|about)\s+$/i.test(before)) return null;
    if (ofWhich) {
      const f = emit(toks[a.i]!.s, e, 'count', 1, '', 'eq');
      return { f, j };
    }
  }
  // Word ordinals need a noun or "-" after ("third consecutive", "second-largest"), and never "a second".
  if (kind === 'ordinal' && n1.word_) {
    const nx = toks[j];
    if (
      !nx ||
      (nx.k !== WORD && nx.k !== NUM && nx.t !== '-') ||
      prevWord(c, n1.i) === 'a' ||
      (!/^[a-z]/.test(tok1.t) && !isSentenceStartTok(c, n1.i))
    )
      return null;
  }
  let s = toks[a.i]!.s;
  let approx: Approx = 'eq';
  if (kind !== 'year' && kind !== 'ordinal' && kind !== 'score') {
    const nx = toks[j];
    const nextWord = sfx?.kind_ === 'duration' ? unit + 's' : nx && nx.k === WORD ? nx.l : '';
    const b = boundBefore(c.text_, s, floor, nextWord);
    if (b && !(prevWord(c, a.i) === 'between' && n2)) {
      s = b.s;
      approx = b.approx_;
    }
    if (prevWord(c, a.i) === 'between' && n2 && toks[a.i - 1]!.s >= floor) s = toks[a.i - 1]!.s;
  }
  const f = emit(s, e, kind, value, unit, approx);
  if (kind === 'count') {
    f.counted_ = countedAfter(c, j, false);
    if (!f.counted_) f.inherit_ = describesOnly(c, j);
  } else if (sfx?.adjective_) f.counted_ = countedAfter(c, j, false);
  else if (kind === 'percent' || kind === 'money' || kind === 'measure')
    f.counted_ = countedAfter(c, j, true);
  else if (kind === 'ratio') f.counted_ = countedAfter(c, j, !ratio);
  return { f, j };
}

/** Words that can open a figure: number words, ordinals, "a dozen", "half", "No. 1", currency codes. */
const START_WORDS = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...Object.keys(ORDINAL_WORDS),
  'a',
  'an',
  'half',
]);

/** Cheap pre-filter so the grammar only runs where a figure can start. */
function canStart(t: Token): boolean {
  if (t.k === NUM) return true;
  if (t.k === SYM) return t.t in SYMBOLS || t.t === '-' || t.t === '−' || t.t === '#';
  return START_WORDS.has(t.l) || CODES.has(t.t) || t.t === 'No' || t.t === 'Rs' || t.l in DOLLAR_PREFIX;
}

/** All raw figures, sorted by start, non-overlapping. */
export function parseFigures(text: string, lang: string | null | undefined): RawFigure[] {
  const dc = usesDecimalComma(lang);
  const toks = tokenize(text, dc);
  const monthFirst = !dc && !/^en-(gb|ie|au|nz|in|za)/i.test(lang ?? '');
  const cl = claims(text, monthFirst);
  const claimed = new Uint8Array(toks.length);
  let ci = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    while (ci < cl.length && cl[ci]!.e <= t.s) ci++;
    for (let q = ci; q < cl.length && cl[q]!.s < t.e; q++) if (cl[q]!.e > t.s) claimed[k] = 1;
  }
  const c: Ctx = {
    text_: text,
    toks_: toks,
    dc_: dc,
    claimed_: claimed,
    poundsMoney_: /£|\bGBP\b|sterling/.test(text),
    lastScore_: -9,
  };
  const out: RawFigure[] = [];
  for (const k of cl) if (k.kind_ !== 'skip') out.push(emit(k.s, k.e, k.kind_, k.value_, '', 'eq'));
  const claimEnds = cl.map(k => k.e);
  let floor = 0;
  let ck = 0;
  for (let i = 0; i < toks.length;) {
    if (claimed[i]) {
      i++;
      continue;
    }
    if (!canStart(toks[i]!)) {
      i++;
      continue;
    }
    while (ck < cl.length && cl[ck]!.s < toks[i]!.s) floor = Math.max(floor, claimEnds[ck++]!);
    const r = figureAt(c, i, floor);
    if (r) {
      out.push(r.f);
      floor = r.f.e;
      i = Math.max(r.j, i + 1);
    } else i++;
  }
  out.sort((x, y) => x.s - y.s || y.e - x.e);
  const res: RawFigure[] = [];
  let end = -1;
  for (const f of out) {
    if (f.s < end || f.e <= f.s) continue;
    res.push(f);
    end = f.e;
  }
  return res;
}
