/**
 * Importance ranking (v1 weights from the key-figures notes, adjusted on the dev half of the gold
 * set): a kind prior plus boosts (counted noun, bound, title words, repetition), times a position
 * factor (inverted pyramid) and a boilerplate factor (captions and short blocks count little).
 */
import type { FigureKind } from '../types';
import type { RawFigure } from './grammar';

export const KIND_PRIOR: Record<FigureKind, number> = {
  money: 3.5,
  percent: 3,
  count: 2,
  measure: 2,
  duration: 1.6,
  date: 0.9,
  year: 0.7,
  ordinal: 0.5,
  time: 0.3,
  ratio: 2.5,
  score: 2.4,
};

export interface RankInput {
  f: RawFigure;
  /** The figure's text. */
  text_: string;
  sentence_: string;
  /** 0..1 position of the figure in the text. */
  rel_: number;
  /** Block is a caption, under 8 words, or not a paragraph/list/quote. */
  boilerplate_: boolean;
}

const STOP_TITLE = new Set(
  'the and for with from that this what will have has into over after about says said their they been more than its'.split(
    ' ',
  ),
);

export function titleWords(title: string | null | undefined): Set<string> {
  const out = new Set<string>();
  for (const w of (title ?? '').toLowerCase().match(/[\p{L}\d]{3,}/gu) ?? [])
    if (!STOP_TITLE.has(w)) out.add(stem(w));
  return out;
}

const stem = (w: string): string => w.replace(/(?:ies|es|s)$/, '');

function overlap(s: string, title: Set<string>): number {
  let hits = 0;
  const seen = new Set<string>();
  for (const w of s.toLowerCase().match(/[\p{L}\d]{3,}/gu) ?? []) {
    const st = stem(w);
    if (title.has(st) && !seen.has(st)) {
      seen.add(st);
      hits++;
    }
  }
  return hits;
}

/** Number strings of a figure's text, digits only ("$2.8 billion" -> "2.8"; "4-1" -> "4", "1"). */
const numsOf = (it: RankInput): string[] => it.text_.match(/\d+(?:[.,]\d+)*/g) ?? [];

export function scoreFigures(items: RankInput[], title: Set<string>, titleText = ''): number[] {
  const titleNums = new Set(titleText.match(/\d+(?:[.,]\d+)*/g) ?? []);
  const reps = new Map<string, number>();
  const keyOf = (f: RawFigure): string => JSON.stringify(f.value_) + '|' + f.unit_ + '|' + f.kind_;
  for (const it of items) reps.set(keyOf(it.f), (reps.get(keyOf(it.f)) ?? 0) + 1);
  return items.map(it => {
    const f = it.f;
    let sc = KIND_PRIOR[f.kind_];
    if (f.counted_) sc += 1;
    if (f.approx_ !== 'eq') sc += 0.3;
    if (Array.isArray(f.value_) && f.kind_ !== 'score' && f.kind_ !== 'year') sc += 0.3;
    // The headline's own numbers ("... Beat Sabres 4-1", "Net Worth of $17 Million") are the story's.
    if (titleNums.size && numsOf(it).some(n => titleNums.has(n))) sc += 1.2;
    if (title.size) {
      sc += 0.4 * Math.min(2, overlap(f.counted_, title)) + 0.15 * Math.min(4, overlap(it.sentence_, title));
    }
    const r = (reps.get(keyOf(f)) ?? 1) - 1;
    if (f.kind_ !== 'date' && f.kind_ !== 'year' && f.kind_ !== 'time') sc += 0.3 * Math.min(2, r);
    // A bare count ("Parise, 35", "one of which") says little without the thing counted.
    if (f.kind_ === 'count' && !f.counted_) sc *= 0.75;
    sc *= 1.1 - 0.2 * it.rel_;
    if (it.boilerplate_) sc *= 0.2;
    return Math.round(sc * 1000) / 1000;
  });
}

/** Minimum score for a key figure (fitted on the dev half of the gold set). */
export const KEY_MIN = 2.3;

/** At most this many key figures: 10, fewer for short texts (one per ~30 words, at least 3). */
export function keyCap(words: number): number {
  return Math.min(10, Math.max(3, Math.round(words / 30)));
}
