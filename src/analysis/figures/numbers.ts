/**
 * Reads one number starting at a token: digits (by page convention) with a glued or spaced scale
 * ("4m", "1.2 bn", "3 Mrd."), or spelled-out English ("twenty-five", "a dozen", "two hundred
 * thousand"). Digits glued to letters that are neither a scale, an ordinal suffix nor a unit are
 * codes ("5G", "1080p") and read as nothing.
 */
import { GLUED_SCALES, SCALES, UNITS, TENS, ORDINAL_WORDS, wordValue } from './number-words';
import { NUM, parseDigits, WORD, type Token } from './tokenizer';
import { CASED, DURATIONS, MEASURES } from './units';

export interface Num {
  v: number;
  /** First and one-past-last token. */
  i: number;
  j: number;
  /** Multiplier from a scale word (1 when none). */
  scale_: number;
  word_: boolean;
  ordinal_: boolean;
  /** "1990s". */
  decade_: boolean;
  /** Unit glued to the digits ("25km", "100MW"). */
  glued_: string;
  gluedDuration_: boolean;
  /** Digits carried a thousands or decimal separator. */
  sep_: boolean;
}

export interface NumCtx {
  text_: string;
  toks_: Token[];
  dc_: boolean;
}

/** True when tokens i-1 and i are separated only by plain spaces (no line break). */
export function spaced(c: NumCtx, i: number, max = 2): boolean {
  const a = c.toks_[i - 1];
  const b = c.toks_[i];
  if (!a || !b) return false;
  const g = b.s - a.e;
  if (g < 1 || g > max) return false;
  return !/\n/.test(c.text_.slice(a.e, b.s));
}

function spacedScale(c: NumCtx, j: number): { scale_: number; j: number } | null {
  const toks = c.toks_;
  const t = toks[j];
  if (!t || t.k !== WORD || !spaced(c, j)) return null;
  let s = SCALES[t.l];
  if (s === undefined) return null;
  // "Mio." / "Mrd." keep their dot inside the span.
  let end = j + 1;
  const dot = toks[end];
  if ((t.l === 'mio' || t.l === 'mrd' || t.l === 'mln' || t.l === 'bln') && dot?.t === '.' && dot.s === t.e)
    end++;
  // "hundred thousand", "thousand million".
  const nx = toks[end];
  if (nx && nx.k === WORD && spaced(c, end)) {
    const s2 = SCALES[nx.l];
    if (s2 !== undefined && s2 > s && !nx.l.endsWith('s')) {
      s *= s2;
      end++;
    }
  }
  return { scale_: s, j: end };
}

/** English scale words that combine with spelled numbers ("two hundred", "a million"). */
const SPELLED_SCALE = /^(?:hundred|thousand|[mb]illion|trillion)$/;

/** Spelled-out integer from token i: "twenty-five", "two hundred and fifty thousand". */
function spelled(c: NumCtx, i: number): { v: number; j: number } | null {
  const toks = c.toks_;
  let total = 0;
  let cur = 0;
  let j = i;
  let any = false;
  let lastWasScale = false;
  for (;;) {
    const t = toks[j];
    if (!t || t.k !== WORD) break;
    if (j > i && !spaced(c, j) && toks[j - 1]?.t !== '-') break;
    const v = wordValue(t.l);
    if (v !== undefined) {
      if (any && !lastWasScale && cur % 10 !== 0) break;
      if (any && !lastWasScale && cur >= 20 && v >= 10) break;
      cur += v;
      any = true;
      lastWasScale = false;
      j++;
      // Hyphenated compounds: "twenty-five".
      const h = toks[j];
      const n2 = toks[j + 1];
      if (
        t.l in TENS &&
        h?.t === '-' &&
        h.s === t.e &&
        n2 &&
        n2.s === h.e &&
        UNITS[n2.l] &&
        UNITS[n2.l]! < 10
      ) {
        cur += UNITS[n2.l]!;
        j += 2;
      }
      continue;
    }
    if (!any) break;
    if (t.l === 'hundred') {
      cur = (cur || 1) * 100;
      lastWasScale = true;
      j++;
      continue;
    }
    if (t.l !== 'hundred' && SPELLED_SCALE.test(t.l) && !lastWasScale) {
      total += (cur || 1) * SCALES[t.l]!;
      cur = 0;
      lastWasScale = true;
      j++;
      continue;
    }
    if (t.l === 'and' && lastWasScale && toks[j + 1] && wordValue(toks[j + 1]!.l) !== undefined) {
      j++;
      continue;
    }
    break;
  }
  if (!any) return null;
  return { v: total + cur, j };
}

const base = (i: number, v: number, j: number): Num => ({
  v,
  i,
  j,
  scale_: 1,
  word_: false,
  ordinal_: false,
  decade_: false,
  glued_: '',
  gluedDuration_: false,
  sep_: false,
});

/** "2.5m tonnes", "4m people": a glued "m" before a unit or a plural noun is million, not metres. */
function millionsOf(c: NumCtx, k: number): boolean {
  const w = c.toks_[k];
  if (!w || w.k !== WORD || !spaced(c, k)) return false;
  return w.l in MEASURES || /^[a-z]{3,}s$/.test(w.t);
}

/** Reads a number at token i; `money` allows "m"/"b" glued scales. Returns null when none. */
export function readNumber(c: NumCtx, i: number, money: boolean): Num | null {
  const toks = c.toks_;
  const t = toks[i];
  if (!t) return null;
  if (t.k === NUM) {
    const v = parseDigits(t.t, c.dc_);
    if (v === null) return null;
    const n = base(i, v, i + 1);
    n.sep_ = /[.,\s\u00a0\u202f]/.test(t.t);
    const g = toks[i + 1];
    if (g && g.k === WORD && g.s === t.e) {
      const gl = g.l;
      if (/^(st|nd|rd|th)$/.test(gl) && Number.isInteger(v)) n.ordinal_ = true;
      else if (
        gl in GLUED_SCALES &&
        (money || gl !== 'm' || millionsOf(c, i + 2)) &&
        g.t !== 'K' &&
        g.t !== 'B'
      )
        n.scale_ = GLUED_SCALES[gl]!;
      else if (gl === 's' && /^\d{4}$/.test(t.t)) n.decade_ = true;
      else if (g.t in CASED) n.glued_ = CASED[g.t]!;
      else if (gl in MEASURES) n.glued_ = MEASURES[gl]!;
      else if (gl in DURATIONS && gl.length > 1) {
        n.glued_ = DURATIONS[gl]!;
        n.gluedDuration_ = true;
      } else return null;
      n.j = i + 2;
      // A glued token followed by more letters/digits ("5th-gen", "4m2") is still fine; "3D" was refused above.
    }
    if (n.scale_ === 1 && !n.ordinal_ && !n.decade_ && !n.glued_) {
      const sc = spacedScale(c, n.j);
      if (sc) {
        n.scale_ = sc.scale_;
        n.j = sc.j;
      }
    }
    n.v = n.v * n.scale_;
    return n;
  }
  if (t.k !== WORD) return null;
  // "a dozen", "a hundred", "a million".
  if (t.l === 'a' || t.l === 'an') {
    const nx = toks[i + 1];
    if (!nx || !spaced(c, i + 1)) return null;
    if (nx.l === 'dozen') return { ...base(i, 12, i + 2), word_: true };
    if (SPELLED_SCALE.test(nx.l)) {
      const n = { ...base(i, 1, i + 2), word_: true, scale_: SCALES[nx.l]! };
      n.v = n.scale_;
      return n;
    }
    return null;
  }
  if (t.l in ORDINAL_WORDS) return { ...base(i, ORDINAL_WORDS[t.l]!, i + 1), word_: true, ordinal_: true };
  const sp = spelled(c, i);
  if (!sp) return null;
  const n = { ...base(i, sp.v, sp.j), word_: true };
  // "two dozen".
  const dz = toks[n.j];
  if (dz?.l === 'dozen' && spaced(c, n.j)) {
    n.v *= 12;
    n.j++;
  }
  const sc = spacedScale(c, n.j);
  if (sc && sc.scale_ >= 1e6) {
    n.scale_ = sc.scale_;
    n.v *= sc.scale_;
    n.j = sc.j;
  }
  return n;
}
