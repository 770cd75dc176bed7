/**
 * Key figures: the numbers that carry the story, normalised (value, unit, bound, thing counted)
 * and ranked. Rule-based and dependency-free: a regex pass for dates/times/exclusions, a token
 * grammar for everything numeric, a stop-list noun finder and a weighted score.
 *
 * Contract: spans satisfy `text.slice(start, end) === figure.text`, are sorted and never overlap;
 * never throws on any string.
 *
 * Property names ending in "_" (here and in entities/) belong to internal objects that never leave
 * the engine (tokens, numbers, raw figures, accumulators), so a build may shorten them (esbuild
 * `mangleProps: /_$/`); public shapes (Figure, Entity, TextBlock, options) never end in "_".
 */
import type { Figure } from '../types';
import { parseFigures } from './grammar';
import { KEY_MIN, keyCap, scoreFigures, titleWords, type RankInput } from './rank';
import { sentenceIndex, sentenceStarts, sentenceText } from './sentences';

/** A block of the main text: [start, end) offsets into the text and what kind of block it is. */
export interface TextBlock {
  start: number;
  end: number;
  kind: 'paragraph' | 'heading' | 'list' | 'quote' | 'caption' | 'other';
}

export interface FigureOptions {
  lang?: string | null;
  title?: string | null;
  blocks?: TextBlock[];
  /** Cap on key figures (default: 10, fewer for short texts). */
  maxKey?: number;
}

/** Blocks from "\n\n"-separated paragraphs when the caller gives none. */
function defaultBlocks(text: string): TextBlock[] {
  const out: TextBlock[] = [];
  const re = /\n\s*\n/g;
  let s = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start: s, end: m.index, kind: 'paragraph' });
    s = m.index + m[0].length;
  }
  out.push({ start: s, end: text.length, kind: 'paragraph' });
  return out;
}

const wordCount = (s: string): number => (s.match(/[\p{L}\d]+/gu) ?? []).length;

export function extractFigures(text: string, opts: FigureOptions = {}): Figure[] {
  if (typeof text !== 'string' || !text) return [];
  const raw = parseFigures(text, opts.lang);
  if (!raw.length) return [];
  const starts = sentenceStarts(text);
  const blocks = (opts.blocks?.length ? [...opts.blocks] : defaultBlocks(text)).sort(
    (a, b) => a.start - b.start,
  );
  const items: RankInput[] = [];
  let bi = 0;
  let lastCount: { counted: string; sent: number; e: number } | null = null;
  const wordsOf = new Map<number, number>();
  const blockWords = (k: number, b: TextBlock): number => {
    let n = wordsOf.get(k);
    if (n === undefined) wordsOf.set(k, (n = wordCount(text.slice(b.start, b.end))));
    return n;
  };
  for (const f of raw) {
    while (bi < blocks.length - 1 && blocks[bi]!.end <= f.s) bi++;
    const b = blocks[bi];
    const inBlock = b && b.start <= f.s && f.s < b.end;
    const boiler = !!b && !!inBlock && (b.kind === 'caption' || b.kind === 'other' || blockWords(bi, b) < 8);
    const si = sentenceIndex(starts, f.s);
    // "only 14 available": the thing counted is the one named just before.
    if (f.kind_ === 'count') {
      if (f.inherit_ && lastCount && (lastCount.sent === si || f.s - lastCount.e < 200))
        f.counted_ = lastCount.counted;
      if (f.counted_) lastCount = { counted: f.counted_, sent: si, e: f.e };
    }
    items.push({
      f,
      text_: text.slice(f.s, f.e),
      sentence_: sentenceText(text, starts, si),
      rel_: f.s / text.length,
      boilerplate_: boiler,
    });
  }
  const scores = scoreFigures(items, titleWords(opts.title), opts.title ?? '');
  const order = scores.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let n = keyCap(wordCount(text));
  if (opts.maxKey !== undefined) n = Math.min(n, Math.max(0, opts.maxKey));
  const key = new Set<number>();
  for (const k of order) {
    if (key.size >= n) break;
    if (scores[k]! < KEY_MIN) break;
    key.add(k);
  }
  return items.map((it, k) => ({
    text: text.slice(it.f.s, it.f.e),
    start: it.f.s,
    end: it.f.e,
    value: it.f.value_,
    unit: it.f.unit_,
    kind: it.f.kind_,
    approx: it.f.approx_,
    counted: it.f.counted_,
    sentence: it.sentence_,
    score: scores[k]!,
    key: key.has(k),
  }));
}
