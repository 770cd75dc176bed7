/**
 * One regex pass over the text producing typed tokens with UTF-16 offsets. Numbers keep their
 * separators; how they are read (1,234.5 vs 1.234,5) is decided later by page language.
 */
import { words } from './table';

/** Token kinds, small numbers rather than strings (they are compared on every token). */
export const NUM = 0;
export const WORD = 1;
export const SYM = 2;
export type TokKind = typeof NUM | typeof WORD | typeof SYM;

export interface Token {
  k: TokKind;
  s: number;
  e: number;
  /** Source text of the token. */
  t: string;
  /** Lower-cased text. */
  l: string;
}

// Letters (with combining marks) form words; digit runs keep inner separators. Space-grouped
// thousands ("1 234 567") are only joined on pages whose language uses them.
const tokenRe = (groupSep: string, decimal: string): RegExp =>
  new RegExp(
    `(\\d{1,3}(?:[${groupSep}\\u00a0\\u202f]\\d{3})+(?!\\d)(?:${decimal}\\d+)?|\\d+(?:[.,]\\d+)*)|([\\p{L}\\p{M}]+)|[^\\s\\p{L}\\p{M}\\d]`,
    'gu',
  );
const EN_RE = tokenRe('', '[.,]');
const EU_RE = tokenRe(' ', ',');

export function tokenize(text: string, spaceGroups: boolean): Token[] {
  const re = spaceGroups ? EU_RE : EN_RE;
  re.lastIndex = 0;
  const out: Token[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0];
    const k: TokKind = m[1] !== undefined ? NUM : m[2] !== undefined ? WORD : SYM;
    out.push({ k, s: m.index, e: m.index + t.length, t, l: t.toLowerCase() });
  }
  return out;
}

/** Languages that write 1.234,5 (and 1 234,5). English-like pages write 1,234.5. */
const DECIMAL_COMMA = words(
  'de fr es it pt nl ru pl tr sv da nb no fi cs sk hu ro uk el id vi hr sl sr bg ca lt lv et',
);

export function usesDecimalComma(lang: string | null | undefined): boolean {
  if (!lang) return false;
  return DECIMAL_COMMA.has(lang.toLowerCase().split(/[-_]/)[0] ?? '');
}

/**
 * Reads a digit token by the page's convention. Returns null for shapes that are not one number
 * in that convention ("3,4" on an English page, "1.2.3" version strings).
 */
export function parseDigits(t: string, decimalComma: boolean): number | null {
  const s = t.replace(/[\u00a0\u202f ]/g, decimalComma ? '.' : ',');
  if (!decimalComma) {
    if (/^\d+(?:\.\d+)?$/.test(s)) return parseFloat(s);
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return parseFloat(s.replace(/,/g, ''));
    return null;
  }
  if (/^\d+(?:,\d+)?$/.test(s)) return parseFloat(s.replace(',', '.'));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return parseFloat(s.replace(/\./g, '').replace(',', '.'));
  // A lone "1.5" on a decimal-comma page is still most often a decimal point (quoted figures).
  if (/^\d+\.\d{1,2}$/.test(s)) return parseFloat(s);
  return null;
}
