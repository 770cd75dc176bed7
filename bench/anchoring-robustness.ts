/**
 * Anchoring robustness set (issue 6, "Measure it"): real corpus pages, 10 highlights each chosen by a seeded
 * RNG among sentence-ish spans of the main text, then realistic edits applied to a clone of the page body.
 *
 * The expected location is tracked by the DOM itself: each highlight's range is mapped into the clone before
 * the edit and kept as a live Range, and every edit goes through DOM mutation methods (insertBefore,
 * replaceData, remove), whose live-range rules move, shrink or collapse it exactly as the text moves. After
 * the edit the live range is the quote's (possibly edited) text at its new place, or collapsed when the text
 * was deleted (the highlight must then orphan).
 *
 * Highlights whose quote and both 32-character contexts occur verbatim twice on the page are skipped: no text
 * selector can tell such copies apart (duplicated page blocks); the unit tests cover duplicates separately.
 *
 * Classification, in rendered-text offsets of the edited clone (E = expected span, A = anchored span):
 * - right place: A covers at least 90% of E and strays at most max(3, 10% of |E|) characters outside E;
 * - orphan: no anchor (correct when E is empty, i.e. the text was deleted);
 * - wrong place: any other anchor, including any anchor for deleted text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { anchor, describe, releaseTextIndex, TextIndex } from '../src/anchoring/index';
import type { Selector } from '../src/shared/types';
import { baselineAnchor, baselineDescribe } from './anchoring-baseline';
import type { BaselineSelector } from './anchoring-baseline';

export interface PageSpec {
  /** Corpus-relative HTML path. */
  html: string;
  /** Corpus-relative main-text source: zyte ground truth (by id) or a readability expected.txt. */
  mainText: { zyteId: string } | { file: string };
}

export const EDITS = [
  'unchanged',
  'ads-inserted',
  'words-in-quote',
  'words-near-quote',
  'whitespace-reflowed',
  'paragraph-removed',
  'mixed-light',
] as const;
export type EditKind = (typeof EDITS)[number];

export interface Tally {
  total: number;
  right: number;
  orphan: number;
  wrong: number;
  /** Highlights whose text the edit deleted: orphan is right for them. */
  deleted: number;
  deletedOrphaned: number;
  deletedPlaced: number;
}

export type Method = 'gleaner' | 'baseline';
export type Results = Record<Method, Record<EditKind, Tally>>;

const HIGHLIGHTS_PER_PAGE = 10;
const PARA_SELECTOR = 'p, li, blockquote, h2, h3, dd';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function norm(s: string): string {
  return s.replace(/[\s\u00a0\u00ad\u200b]+/g, ' ').trim();
}

export function loadMainText(corpus: string, spec: PageSpec, gtCache: Map<string, unknown>): string {
  if ('zyteId' in spec.mainText) {
    const file = path.join(corpus, 'zyte/ground-truth.json');
    if (!gtCache.has(file)) gtCache.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
    const gt = gtCache.get(file) as Record<string, { articleBody: string }>;
    return norm(gt[spec.mainText.zyteId]?.articleBody ?? '');
  }
  return norm(fs.readFileSync(path.join(corpus, spec.mainText.file), 'utf8'));
}

/** Main-text block elements (no nested candidates) of at least 60 rendered characters found in the main text. */
export function mainParagraphs(body: HTMLElement, idx: TextIndex, mainText: string): Element[] {
  const out: Element[] = [];
  for (const el of body.querySelectorAll(PARA_SELECTOR)) {
    if (el.querySelector(PARA_SELECTOR)) continue;
    const t = norm(spanText(idx, el));
    if (t.length >= 60 && mainText.includes(t)) out.push(el);
  }
  return out;
}

function elementSpan(idx: TextIndex, el: Node): { start: number; end: number } | null {
  const r = (el.ownerDocument as Document).createRange();
  r.selectNodeContents(el);
  return idx.spanOf(r);
}

function spanText(idx: TextIndex, el: Node): string {
  const s = elementSpan(idx, el);
  return s ? idx.text.slice(s.start, s.end) : '';
}

/** A sentence (or, failing that, a run of 4-14 words) inside the paragraph's rendered span. */
function pickSpan(
  text: string,
  ps: number,
  pe: number,
  rnd: () => number,
): { start: number; end: number } | null {
  const para = text.slice(ps, pe);
  const sentences: { start: number; end: number }[] = [];
  const re = /[^.!?。！？]+[.!?。！？]+["”’)]?/g;
  for (let m = re.exec(para); m; m = re.exec(para)) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && para[s] === ' ') s++;
    while (e > s && para[e - 1] === ' ') e--;
    if (e - s >= 25 && e - s <= 400) sentences.push({ start: ps + s, end: ps + e });
  }
  if (sentences.length > 0 && rnd() < 0.6) return sentences[Math.floor(rnd() * sentences.length)] ?? null;
  const words: { start: number; end: number }[] = [];
  const wr = /\S+/g;
  for (let m = wr.exec(para); m; m = wr.exec(para))
    words.push({ start: ps + m.index, end: ps + m.index + m[0].length });
  if (words.length < 4) return null;
  const n = Math.min(words.length, 4 + Math.floor(rnd() * 11));
  const i = Math.floor(rnd() * (words.length - n + 1));
  return { start: (words[i] as { start: number }).start, end: (words[i + n - 1] as { end: number }).end };
}

/** Child-index path from root to node, to find the same node in a clone. */
function pathOf(root: Node, node: Node): number[] {
  const p: number[] = [];
  for (let n: Node = node; n !== root; n = n.parentNode as Node) {
    p.push(Array.prototype.indexOf.call((n.parentNode as Node).childNodes, n) as number);
  }
  return p.reverse();
}

function follow(root: Node, p: number[]): Node {
  let n = root;
  for (const i of p) n = n.childNodes[i] as Node;
  return n;
}

interface Highlight {
  startPath: number[];
  startOffset: number;
  endPath: number[];
  endOffset: number;
  paraPath: number[];
  ours: Selector[];
  base: BaselineSelector | null;
}

const REPLACEMENTS = ['significant', 'recent', 'several', 'major', 'regional', 'former', 'notable', 'entire'];

function replaceWordIn(
  clone: HTMLElement,
  expected: Range[],
  from: number,
  to: number,
  rnd: () => number,
  which: 'any' | 'last' | 'first',
): void {
  const idx = TextIndex.build(clone);
  const words: { start: number; end: number }[] = [];
  const wr = /[\p{L}\p{N}]{3,}/gu;
  const seg = idx.text.slice(from, to);
  for (let m = wr.exec(seg); m; m = wr.exec(seg))
    words.push({ start: from + m.index, end: from + m.index + m[0].length });
  if (words.length === 0) return;
  const w =
    which === 'last'
      ? words[words.length - 1]
      : which === 'first'
        ? words[0]
        : words[Math.floor(rnd() * words.length)];
  if (!w) return;
  const a = idx.pointBefore(w.start);
  const b = idx.pointAfter(w.end);
  if (!a || !b || a.node !== b.node) return;
  const old = a.node.data.slice(a.offset, b.offset);
  const choices = REPLACEMENTS.filter(r => r.toLowerCase() !== old.toLowerCase());
  const word = choices[Math.floor(rnd() * choices.length)] as string;
  // A live range ending right after the replaced word would collapse its end to the word's start; the edited
  // word still belongs to the quote, so keep it inside.
  const endsHere = expected.filter(r => r.endContainer === a.node && r.endOffset === b.offset);
  a.node.replaceData(a.offset, b.offset - a.offset, word);
  for (const r of endsHere) r.setEnd(a.node, a.offset + word.length);
}

function insertAds(clone: HTMLElement, doc: Document, paras: Element[], rnd: () => number): void {
  const make = (i: number): HTMLElement => {
    const ad = doc.createElement('div');
    ad.className = 'ad-slot';
    const label = doc.createElement('span');
    label.textContent = i % 2 ? 'Advertisement' : 'ADVERTISEMENT · Story continues below';
    const link = doc.createElement('a');
    link.textContent =
      ['Sponsored: 7 ways to cut your energy bill', 'Read more: the week in pictures'][i % 2] ?? '';
    ad.append(label, link);
    return ad;
  };
  for (let i = 0; i < 6; i++) {
    const p = paras[Math.floor(rnd() * paras.length)];
    if (!p || !p.parentNode) continue;
    if (i % 3 === 2) {
      const extra = doc.createElement('p');
      extra.textContent =
        'Editor’s note: this article was updated with additional reporting and a correction to a date.';
      p.parentNode.insertBefore(extra, p.nextSibling);
    } else if (i % 2) p.parentNode.insertBefore(make(i), p);
    else p.parentNode.insertBefore(make(i), p.nextSibling);
  }
  void clone;
}

function reflow(clone: HTMLElement, doc: Document, rnd: () => number): void {
  const it = doc.createNodeIterator(clone, 4);
  const nodes: Text[] = [];
  for (let n = it.nextNode(); n; n = it.nextNode()) nodes.push(n as Text);
  for (const t of nodes) {
    const runs: [number, number][] = [];
    const re = /\s+/g;
    for (let m = re.exec(t.data); m; m = re.exec(t.data)) runs.push([m.index, m[0].length]);
    for (let i = runs.length - 1; i >= 0; i--) {
      const [at, len] = runs[i] as [number, number];
      const r = rnd();
      if (r < 0.25) t.replaceData(at, len, '\n      ');
      else if (r < 0.35) t.replaceData(at, len, '  ');
    }
  }
}

/** Set to receive every wrong-place and orphan case of Gleaner (for investigation). */
export const debug: {
  onWrong?: (info: WrongInfo) => void;
  onOrphan?: (info: { edit: string; page: string; sel: Selector[]; now: string }) => void;
} = {};

export interface WrongInfo {
  edit: string;
  page: string;
  /** Text around the expected span, and around the anchored span ([[ ]] mark the spans). */
  expected: string;
  got: string;
  sel: Selector[];
  method: string;
  score: number;
  /** The edited page's rendered text (to replay the case). */
  text: string;
}

type Verdict = 'right' | 'orphan' | 'wrong';

function classify(idx: TextIndex, expected: Range, got: Range | null, t: Tally): Verdict {
  t.total++;
  const e = idx.spanOf(expected);
  let es = e?.start ?? 0;
  let ee = e?.end ?? 0;
  while (es < ee && idx.text[es] === ' ') es++;
  while (ee > es && idx.text[ee - 1] === ' ') ee--;
  const deleted = ee <= es;
  if (deleted) t.deleted++;
  if (!got) {
    t.orphan++;
    if (deleted) t.deletedOrphaned++;
    return 'orphan';
  }
  const a = idx.spanOf(got);
  if (deleted || !a) {
    t.wrong++;
    if (deleted) t.deletedPlaced++;
    return 'wrong';
  }
  let as = a.start;
  let ae = a.end;
  while (as < ae && idx.text[as] === ' ') as++;
  while (ae > as && idx.text[ae - 1] === ' ') ae--;
  const len = ee - es;
  const overlap = Math.max(0, Math.min(ae, ee) - Math.max(as, es));
  const tol = Math.max(3, Math.ceil(0.1 * len));
  if (overlap >= 0.9 * len && as >= es - tol && ae <= ee + tol) {
    t.right++;
    return 'right';
  }
  t.wrong++;
  return 'wrong';
}

/** Text around [start, end) with the span marked, for reports. */
function marked(idx: TextIndex, r: Range | null): string {
  const s = r ? idx.spanOf(r) : null;
  if (!s) return '(none)';
  const t = idx.text;
  return `${t.slice(Math.max(0, s.start - 50), s.start)}[[${t.slice(s.start, s.end)}]]${t.slice(s.end, s.end + 50)}`;
}

export function emptyTally(): Tally {
  return { total: 0, right: 0, orphan: 0, wrong: 0, deleted: 0, deletedOrphaned: 0, deletedPlaced: 0 };
}

export function emptyResults(): Results {
  const one = (): Record<EditKind, Tally> =>
    Object.fromEntries(EDITS.map(k => [k, emptyTally()])) as Record<EditKind, Tally>;
  return { gleaner: one(), baseline: one() };
}

/** Runs one page; returns the number of highlights made (0 when the page has too little main text). */
export function runPage(
  corpus: string,
  spec: PageSpec,
  results: Results,
  gtCache: Map<string, unknown>,
): number {
  const html = fs.readFileSync(path.join(corpus, spec.html), 'utf8');
  const mainText = loadMainText(corpus, spec, gtCache);
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  const body = doc.body;
  const idx = TextIndex.build(body);
  const paras = mainParagraphs(body, idx, mainText);
  const rnd = mulberry32(hash(spec.html));
  const order = paras.map((p, i) => ({ p, k: rnd(), i })).sort((a, b) => a.k - b.k);
  const highlights: Highlight[] = [];
  for (const { p } of order) {
    if (highlights.length >= HIGHLIGHTS_PER_PAGE) break;
    const ps = elementSpan(idx, p);
    if (!ps) continue;
    const span = pickSpan(idx.text, ps.start, ps.end, rnd);
    if (!span) continue;
    const range = idx.rangeFor(span.start, span.end);
    if (!range) continue;
    const ours = describe(body, range, idx);
    if (ours.length === 0) continue;
    // Skip highlights that no text selector can tell apart: quote and both contexts repeated verbatim
    // elsewhere on the page (duplicated page blocks, e.g. a desktop and a mobile copy of the same list).
    const q = ours[0] as { exact: string; prefix: string; suffix: string };
    const whole = q.prefix + q.exact + q.suffix;
    const first = idx.text.indexOf(whole);
    if (first !== -1 && idx.text.indexOf(whole, first + 1) !== -1) continue;
    highlights.push({
      startPath: pathOf(body, range.startContainer),
      startOffset: range.startOffset,
      endPath: pathOf(body, range.endContainer),
      endOffset: range.endOffset,
      paraPath: pathOf(body, p),
      ours,
      base: baselineDescribe(body, range),
    });
  }
  if (highlights.length < HIGHLIGHTS_PER_PAGE) {
    dom.window.close();
    return 0;
  }
  for (const edit of EDITS) {
    const clone = body.cloneNode(true) as HTMLElement;
    const expected = highlights.map(h => {
      const r = doc.createRange();
      r.setStart(follow(clone, h.startPath), h.startOffset);
      r.setEnd(follow(clone, h.endPath), h.endOffset);
      return r;
    });
    const cloneIdx = TextIndex.build(clone);
    const cloneParas = mainParagraphs(clone, cloneIdx, mainText);
    const erng = mulberry32(hash(spec.html + edit));
    const quoteSpans = (): { start: number; end: number }[] => {
      const i2 = TextIndex.build(clone);
      return expected.map(r => i2.spanOf(r) ?? { start: 0, end: 0 });
    };
    if (edit === 'ads-inserted' || edit === 'mixed-light') insertAds(clone, doc, cloneParas, erng);
    if (edit === 'words-in-quote' || edit === 'mixed-light') {
      for (let i = 0; i < expected.length; i++) {
        const s = quoteSpans()[i] as { start: number; end: number };
        replaceWordIn(clone, expected, s.start, s.end, erng, 'any');
      }
    }
    if (edit === 'words-near-quote') {
      for (let i = 0; i < expected.length; i++) {
        const s = quoteSpans()[i] as { start: number; end: number };
        replaceWordIn(clone, expected, Math.max(0, s.start - 30), s.start - 1, erng, 'last');
        const s2 = quoteSpans()[i] as { start: number; end: number };
        replaceWordIn(clone, expected, s2.end + 1, s2.end + 30, erng, 'first');
      }
    }
    if (edit === 'whitespace-reflowed' || edit === 'mixed-light') reflow(clone, doc, erng);
    if (edit === 'paragraph-removed') {
      const h = highlights[Math.floor(erng() * highlights.length)] as Highlight;
      (follow(clone, h.paraPath) as Element).remove();
    }
    const finalIdx = TextIndex.build(clone);
    for (let i = 0; i < highlights.length; i++) {
      const h = highlights[i] as Highlight;
      const ours = anchor(clone, h.ours, { index: finalIdx });
      const exp = expected[i] as Range;
      const verdict = classify(finalIdx, exp, ours?.range ?? null, results.gleaner[edit]);
      if (verdict === 'wrong' && ours && debug.onWrong) {
        debug.onWrong({
          edit,
          page: spec.html,
          expected: marked(finalIdx, exp),
          got: marked(finalIdx, ours.range),
          sel: h.ours,
          method: ours.method,
          score: ours.score,
          text: finalIdx.text,
        });
      }
      if (debug.onOrphan && !ours)
        debug.onOrphan({
          edit,
          page: spec.html,
          sel: h.ours,
          now: marked(finalIdx, exp),
        });
      if (process.env.ANCHOR_NO_BASELINE) continue;
      const base = h.base ? baselineAnchor(clone, h.base) : null;
      classify(finalIdx, expected[i] as Range, base, results.baseline[edit]);
    }
    releaseTextIndex(clone);
  }
  dom.window.close();
  return highlights.length;
}

export function loadSet(repoRoot: string): PageSpec[] {
  const file = path.join(repoRoot, 'tests/fixtures/anchoring/robustness-set.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pages: PageSpec[] }).pages;
}

export function runRobustness(
  repoRoot: string,
  corpus: string,
  log = false,
): { results: Results; pages: number } {
  const results = emptyResults();
  const gtCache = new Map<string, unknown>();
  let pages = 0;
  // ANCHOR_PAGES=from:to limits the run to a slice of the set (for investigation).
  const [from, to] = (process.env.ANCHOR_PAGES ?? '0:').split(':').map(n => (n ? Number(n) : undefined));
  for (const spec of loadSet(repoRoot).slice(from ?? 0, to)) {
    if (!fs.existsSync(path.join(corpus, spec.html))) continue;
    const n = runPage(corpus, spec, results, gtCache);
    if (n > 0) pages++;
    if (log) console.error(`robustness: ${spec.html} ${n ? 'ok' : 'skipped (too little main text)'}`);
  }
  return { results, pages };
}

function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`;
}

export function robustnessMarkdown(r: Results, pages: number): string {
  const lines = [
    `Robustness set: ${pages} corpus pages × 10 highlights (tests/fixtures/anchoring/robustness-set.json), jsdom.`,
    'Right place = the anchored range covers ≥ 90% of the quote’s (edited) text at its edited location and strays',
    'at most max(3, 10%) characters outside it; for deleted text (paragraph-removed) only an orphan is right.',
    '',
    '| edit | highlights | Gleaner right | Gleaner orphan | Gleaner wrong | baseline right | baseline orphan | baseline wrong |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const e of EDITS) {
    const g = r.gleaner[e];
    const b = r.baseline[e];
    const right = (t: Tally): number => t.right + t.deletedOrphaned;
    const orphan = (t: Tally): number => t.orphan - t.deletedOrphaned;
    lines.push(
      `| ${e} | ${g.total} | ${pct(right(g), g.total)} | ${pct(orphan(g), g.total)} | ${pct(g.wrong, g.total)} (${g.wrong}) | ${pct(right(b), b.total)} | ${pct(orphan(b), b.total)} | ${pct(b.wrong, b.total)} (${b.wrong}) |`,
    );
  }
  const del = r.gleaner['paragraph-removed'];
  const bdel = r.baseline['paragraph-removed'];
  lines.push(
    '',
    `paragraph-removed: ${del.deleted} highlights lost their text; Gleaner orphaned ${del.deletedOrphaned} and placed ${del.deletedPlaced} elsewhere; the baseline placed ${bdel.deletedPlaced} elsewhere. Orphans of deleted text count as right in the table.`,
  );
  return lines.join('\n');
}
