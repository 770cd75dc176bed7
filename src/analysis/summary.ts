/**
 * Extractive summary: 3 to 5 sentences of the main text, in document order. Each candidate
 * sentence is scored by centrality (cosine similarity to the text's term centroid, with idf over
 * sentences), position (news leads with its point), overlap with the title, and whether it
 * carries figures. Offline and model-free; linear in the text size.
 */
import type { TextBlock } from './figures/index';
import type { Figure } from './types';
import { splitSentences, type SentenceSpan } from './sentences';
import { runToEnd, type Steps } from './steps';

export interface SummaryOptions {
  title?: string | null;
  blocks?: TextBlock[];
  figures?: Figure[];
  /** Upper bound on sentences returned (3..5 by text length when omitted). */
  max?: number;
}

const STOP = new Set(
  (
    'the a an and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your my me him them us not no so than then there here which who whom whose what when ' +
    'where why how all any both each few more most other some such only own same too very can will just should would could may might ' +
    'must shall has have had do does did also into over under about after before between through during out up down off again ' +
    'said says say one two new der die das und oder ein eine einer eines dem den des ist sind war waren nicht mit von zu im am auf für ' +
    'le la les un une des du de et ou est sont pas pour par dans sur au aux que qui el los las y o en por con para del al es son'
  ).split(' '),
);

function terms(s: string): string[] {
  const out: string[] = [];
  for (const m of s.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 3 && !/\d/.test(w)) continue;
    if (STOP.has(w)) continue;
    // Crude stemming so "systems"/"system" meet; enough for similarity.
    out.push(w.length > 4 ? w.replace(/(ies|es|s|ed|ing)$/, '') : w);
  }
  return out;
}

interface Candidate extends SentenceSpan {
  index: number;
  terms: string[];
  score: number;
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Sentences of the text's paragraphs, lists and quotes (headings and captions are left out). */
function* candidateSentences(text: string, blocks: TextBlock[] | undefined): Steps<SentenceSpan[]> {
  if (!blocks || blocks.length === 0) return splitSentences(text);
  const out: SentenceSpan[] = [];
  for (let k = 0; k < blocks.length; k++) {
    if ((k & 31) === 31) yield;
    const b = blocks[k]!;
    if (b.kind === 'heading' || b.kind === 'caption') continue;
    for (const s of splitSentences(text.slice(b.start, b.end))) {
      out.push({ start: s.start + b.start, end: s.end + b.start, text: s.text });
    }
  }
  return out;
}

export function summarize(text: string, opts: SummaryOptions = {}): SentenceSpan[] {
  return runToEnd(summarizeSteps(text, opts));
}

/** summarize as resumable steps (see steps.ts): offers to pause every few dozen blocks or sentences. */
export function* summarizeSteps(text: string, opts: SummaryOptions = {}): Steps<SentenceSpan[]> {
  if (!text) return [];
  const all = yield* candidateSentences(text, opts.blocks);
  const cands: Candidate[] = [];
  for (let index = 0; index < all.length; index++) {
    if ((index & 63) === 63) yield;
    const s = all[index]!;
    const w = wordCount(s.text);
    // Fragments and run-ons make poor summary lines.
    if (w < 6 || w > 70) continue;
    // A summary line must stand alone: not a question, not ending mid-thought.
    if (/[?:]$/.test(s.text)) continue;
    cands.push({ ...s, index, terms: terms(s.text), score: 0 });
  }
  if (cands.length === 0) return [];
  const max = opts.max ?? (all.length <= 12 ? 3 : all.length <= 40 ? 4 : 5);

  // idf over sentences and the tf-idf centroid of the text.
  const df = new Map<string, number>();
  for (const c of cands) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log(1 + cands.length / (df.get(t) ?? 1));
  const centroid = new Map<string, number>();
  for (const c of cands) for (const t of c.terms) centroid.set(t, (centroid.get(t) ?? 0) + idf(t));
  let centroidNorm = 0;
  for (const v of centroid.values()) centroidNorm += v * v;
  centroidNorm = Math.sqrt(centroidNorm) || 1;

  const titleTerms = new Set(terms(opts.title ?? ''));
  const figureStarts = (opts.figures ?? []).filter(f => f.key || f.score > 0).map(f => f.start);

  yield;
  for (let k = 0; k < cands.length; k++) {
    if ((k & 63) === 63) yield;
    const c = cands[k]!;
    const tf = new Map<string, number>();
    for (const t of c.terms) tf.set(t, (tf.get(t) ?? 0) + idf(t));
    let dot = 0;
    let norm = 0;
    for (const [t, v] of tf) {
      dot += v * (centroid.get(t) ?? 0);
      norm += v * v;
    }
    const centrality = norm > 0 ? dot / (Math.sqrt(norm) * centroidNorm) : 0;
    const position = 1 / (1 + c.index / 4);
    let titleOverlap = 0;
    if (titleTerms.size > 0) {
      let hit = 0;
      for (const t of new Set(c.terms)) if (titleTerms.has(t)) hit++;
      titleOverlap = hit / titleTerms.size;
    }
    const hasFigure = figureStarts.some(f => f >= c.start && f < c.end) ? 1 : /\d/.test(c.text) ? 0.3 : 0;
    c.score = 0.4 * centrality + 0.25 * position + 0.15 * titleOverlap + 0.2 * hasFigure;
  }

  yield;
  // Best first, skipping near-duplicates of a chosen line; then back to document order.
  const chosen: Candidate[] = [];
  for (const c of [...cands].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= max) break;
    const set = new Set(c.terms);
    const dup = chosen.some(o => {
      let same = 0;
      for (const t of o.terms) if (set.has(t)) same++;
      return same / Math.max(1, Math.min(set.size, o.terms.length)) > 0.7;
    });
    if (!dup) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start).map(({ start, end, text: t }) => ({ start, end, text: t }));
}
