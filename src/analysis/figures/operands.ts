/**
 * Operands of the figure grammar: the shared context and raw figure types, the name/code test
 * (F-16, Section 230), one number with its currency ("US$5m"), fractions ("two-thirds"), and the
 * small token helpers the grammar uses.
 */
import type { Approx, FigureKind } from '../types';
import { CODES, DOLLAR_PREFIX, SYMBOLS } from './currencies';
import { FRACTIONS, UNITS } from './number-words';
import { readNumber, spaced, type Num, type NumCtx } from './numbers';
import { MONTH_WORDS } from './patterns';
import { suffixAt, type Suffix } from './suffix';
import { NUM, WORD, SYM } from './tokenizer';

export interface RawFigure {
  s: number;
  e: number;
  kind_: FigureKind;
  value_: number | [number, number] | string;
  unit_: string;
  approx_: Approx;
  counted_: string;
  /** Counted noun could not be found but the number is a count ("only 14 available"). */
  inherit_: boolean;
}

export interface Ctx extends NumCtx {
  claimed_: Uint8Array;
  poundsMoney_: boolean;
  /** End offset of the last score read, for set lists ("6-4, 3-6, 7-6"). */
  lastScore_: number;
}

const HYPHEN_PREFIXES = new Set(['mid', 'pre', 'post', 'early', 'late', 'end', 'start', 'fiscal', 'fy']);
export const DASHES = new Set(['-', '–', '—']);
export function isSentenceStartTok(c: NumCtx, i: number): boolean {
  const p = c.toks_[i - 1];
  const t = c.toks_[i];
  if (!p || !t) return true;
  if (/\n/.test(c.text_.slice(p.e, t.s))) return true;
  return p.k === SYM && /[.!?:"“”]/.test(p.t);
}

/** Digits that are part of a name or code: F-16, COVID-19, G7, Section 230, Windows 11, Boeing 787-9. */
export function isCode(c: Ctx, i: number): boolean {
  const toks = c.toks_;
  const t = toks[i]!;
  const p = toks[i - 1];
  if (!p) return false;
  if (p.e === t.s) {
    if (p.k === WORD) return true;
    if (p.k === NUM) return true;
    if (p.t === '-' || p.t === '/' || p.t === '.' || p.t === '_') {
      const pp = toks[i - 2];
      if (pp && pp.e === p.s) {
        if (pp.k === NUM) {
          if (p.t === '/' && /^\d{4}$/.test(pp.t) && /^\d\d$/.test(t.t)) return false;
          return p.t !== '-' || isCode(c, i - 2);
        }
        if (pp.k === WORD) return !HYPHEN_PREFIXES.has(pp.l) && !UNITS[pp.l];
      }
    }
    return false;
  }
  if (p.k === WORD && spaced(c, i, 1) && /\p{Lu}/u.test(p.t) && !isSentenceStartTok(c, i - 1)) {
    if (MONTH_WORDS.has(p.l) || CODES.has(p.t) || p.l === 'no') return false;
    if (!/^\d{1,4}$/.test(t.t)) return false;
    const nx = toks[i + 1];
    // "Sabres 4-1" is a score; "Boeing 787-9" is a model.
    if (nx && DASHES.has(nx.t) && toks[i + 2]?.k === NUM && +t.t <= 200) return false;
    if (nx && nx.k === WORD && nx.s === t.e) return true;
    if (suffixAt(c.text_, t.e, false, c.poundsMoney_)) return false;
    return true;
  }
  return false;
}

export interface Side {
  n: Num;
  cur_: string;
  /** First token (the currency symbol when there is one). */
  i: number;
}

/** A number with an optional currency before it, starting at token i. */
export function side(c: Ctx, i: number, curIn: string): Side | null {
  const toks = c.toks_;
  const t = toks[i];
  if (!t || c.claimed_[i]) return null;
  let cur = '';
  let ni = i;
  // A minus sign glued to the digits and not joining two numbers: "-5.44%", "−12.99".
  const pv = toks[i - 1];
  const neg =
    (t.t === '-' || t.t === '−') && toks[i + 1]?.k === NUM && toks[i + 1]!.s === t.e && (!pv || pv.e < t.s);
  if (neg) ni = i + 1;
  else if (t.k === SYM && t.t in SYMBOLS) {
    cur = SYMBOLS[t.t]!;
    ni = i + 1;
  } else if (
    t.k === WORD &&
    toks[i + 1]?.t === '$' &&
    toks[i + 1]!.s === t.e &&
    DOLLAR_PREFIX[t.l] &&
    t.t === t.t.toUpperCase()
  ) {
    cur = DOLLAR_PREFIX[t.l]!;
    ni = i + 2;
  } else if (t.k === WORD && (CODES.has(t.t) || t.t === 'Rs') && toks[i + 1]?.k === NUM) {
    cur = t.t === 'Rs' ? 'INR' : t.t === 'RMB' ? 'CNY' : t.t;
    ni = i + 1;
    if (toks[ni]?.t === '.' && t.t === 'Rs') ni++;
  }
  const nt = toks[ni];
  if (!nt || c.claimed_[ni]) return null;
  if (cur && (nt.k !== NUM || nt.s - toks[ni - 1]!.e > 1)) return null;
  if (nt.k === NUM && !cur && isCode(c, ni)) return null;
  const n = readNumber(c, ni, !!(cur || curIn));
  if (!n) return null;
  if (neg) n.v = -n.v;
  for (let k = n.i; k < n.j; k++) if (c.claimed_[k]) return null;
  return { n, cur_: cur, i };
}

export const endOf = (c: Ctx, j: number): number => c.toks_[j - 1]!.e;

/** Advances a token index past a character offset. */
export function tokAt(c: Ctx, j: number, off: number): number {
  while (j < c.toks_.length && c.toks_[j]!.s < off) j++;
  return j;
}

export function fraction(c: Ctx, i: number): { v: number; j: number } | null {
  const toks = c.toks_;
  const t = toks[i]!;
  const nx = toks[i + 1];
  const n2 = toks[i + 2];
  // "two-thirds", "one third", "three quarters"
  const u = UNITS[t.l] ?? 0;
  if (u >= 1 && u <= 10) {
    let f: { t: string; j: number } | null = null;
    if (nx?.t === '-' && nx.s === t.e && n2 && n2.s === nx.e) f = { t: n2.l, j: i + 3 };
    else if (nx && spaced(c, i + 1, 1) && nx.k === WORD) f = { t: nx.l, j: i + 2 };
    if (f && f.t in FRACTIONS && f.t !== 'fourth' && f.t !== 'fifth' && f.t !== 'tenth') {
      const plural = f.t.endsWith('s');
      if ((u === 1) !== plural) return { v: u / FRACTIONS[f.t]!, j: f.j };
    }
    return null;
  }
  // "half of", "half the", "a third of", "a quarter of"
  if (
    t.l === 'half' &&
    nx &&
    spaced(c, i + 1, 1) &&
    /^(of|the|a|an|its|their|his|her)$/.test(nx.l) &&
    !/^(first|second|last|latter|former|other|back|top|bottom)$/.test(toks[i - 1]?.l ?? '')
  )
    return { v: 0.5, j: i + 1 };
  if (
    (t.l === 'a' || t.l === 'one') &&
    nx &&
    spaced(c, i + 1, 1) &&
    /^(third|quarter|fifth|tenth)$/.test(nx.l) &&
    n2?.l === 'of'
  )
    return { v: 1 / FRACTIONS[nx.l]!, j: i + 2 };
  return null;
}

export function emit(
  s: number,
  e: number,
  kind: FigureKind,
  value: RawFigure['value_'],
  unit: string,
  approx: Approx,
): RawFigure {
  return { s, e, kind_: kind, value_: value, unit_: unit, approx_: approx, counted_: '', inherit_: false };
}

/** The unit after token j-1 (see suffixAt); `scaled`: a scale word was read. */
export const sfxAfter = (c: Ctx, j: number, scaled: boolean): Suffix | null =>
  suffixAt(c.text_, endOf(c, j), scaled, c.poundsMoney_);

/** A unit glued to the digits ("25km", "3hrs") as a suffix of no length. */
export const gluedSuffix = (n: Num): Suffix => ({
  len_: 0,
  kind_: n.gluedDuration_ ? 'duration' : 'measure',
  unit_: n.glued_,
  adjective_: false,
});

export const prevWord = (c: Ctx, i: number): string => {
  const p = c.toks_[i - 1];
  return p && p.k === WORD ? p.l : '';
};
