/** Word tokens for the entity finder: words (with inner hyphens/apostrophes), dotted acronyms, punctuation. */

import { TITLE_ABBR } from '../figures/sentences';

export interface WTok {
  t: string;
  l: string;
  s: number;
  e: number;
  /** Word starting with a capital letter (or a dotted acronym). */
  cap_: boolean;
  word_: boolean;
  /** First word of a sentence or a paragraph. */
  start_: boolean;
  /** Index in the token array. */
  i: number;
}

const RE =
  /(\p{Lu}\.(?:\p{Lu}\.)+)|([\p{L}\p{M}][\p{L}\p{M}'’&-]*[\p{L}\p{M}]\.?|[\p{L}\p{M}]\.?)|\d+|\n|[^\s\p{L}\p{M}\d]/gu;
// Abbreviations whose dot is part of the word ("Sen.", "Dr.", "Inc."); other dots are sentence ends.
const DOTTED = new RegExp(`^(?:${TITLE_ABBR}|Maj|Adm|[A-Z])\\.$`);

export function wordTokens(text: string): WTok[] {
  const out: WTok[] = [];
  RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let sentenceStart = true;
  while ((m = RE.exec(text))) {
    let t = m[0];
    const s = m.index;
    if (t === '\n') {
      sentenceStart = true;
      continue;
    }
    const acronym = m[1] !== undefined;
    const isWord = acronym || m[2] !== undefined;
    let trailingDot = false;
    if (!acronym && isWord && t.charCodeAt(t.length - 1) === 46 && !DOTTED.test(t)) {
      t = t.slice(0, -1);
      trailingDot = true;
    }
    out.push({
      t,
      l: t.toLowerCase(),
      s,
      e: s + t.length,
      cap_: isWord && t[0] !== t[0]!.toLowerCase(),
      word_: isWord,
      start_: sentenceStart,
      i: out.length,
    });
    if (trailingDot) {
      out.push({
        t: '.',
        l: '.',
        s: s + t.length,
        e: s + t.length + 1,
        cap_: false,
        word_: false,
        start_: false,
        i: out.length,
      });
      sentenceStart = true;
    } else if (!isWord) sentenceStart = /[.!?:"“”]/.test(t) ? true : sentenceStart && /["“‘'(]/.test(t);
    else sentenceStart = false;
  }
  return out;
}
