/**
 * Chooses the article's content container(s) from the element statistics: paragraphs score by
 * text mass and commas, scores flow up to their ancestors (Readability's scheme), each
 * candidate is weighed by its class/id hints and discounted by its link density, and explicit
 * markup (<article>, itemprop=articleBody, a JSON-LD articleBody) backs a candidate up.
 */
import type { ElementStats, StatsResult } from './stats';
import { linkDensity } from './stats';
import { MAYBE_CONTENT, NEGATIVE, POSITIVE, UNLIKELY } from './hints';
import { runToEnd, type Steps } from '../steps';

const SCORED_TAGS = new Set(['P', 'PRE', 'TD', 'SECTION', 'H2', 'H3', 'H4', 'H5', 'H6']);
const DIVLIKE = new Set([
  'DIV',
  'ARTICLE',
  'SECTION',
  'MAIN',
  'LI',
  'DD',
  'BLOCKQUOTE',
  'SPAN',
  'FONT',
  'CENTER',
]);

export function classWeight(s: ElementStats): number {
  if (!s.attrs) return 0;
  let w = 0;
  if (NEGATIVE.test(s.attrs)) w -= 25;
  if (POSITIVE.test(s.attrs)) w += 25;
  return w;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'DIV':
    case 'ARTICLE':
    case 'MAIN':
      return 5;
    case 'PRE':
    case 'TD':
    case 'BLOCKQUOTE':
      return 3;
    case 'ADDRESS':
    case 'OL':
    case 'UL':
    case 'DL':
    case 'DD':
    case 'DT':
    case 'LI':
    case 'FORM':
      return -3;
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6':
    case 'TH':
      return -5;
    default:
      return 0;
  }
}

/** Class/id says furniture, and nothing says content. */
export function isUnlikely(s: ElementStats): boolean {
  if (!s.attrs) return false;
  const tag = s.el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'A' || tag === 'ARTICLE' || tag === 'MAIN') return false;
  return UNLIKELY.test(s.attrs) && !MAYBE_CONTENT.test(s.attrs);
}

export interface RootChoice {
  /** Stats index of the top candidate. */
  top: number;
  /** Stats indices of the elements whose blocks form the article, in document order. */
  parts: number[];
  scores: Map<number, number>;
}

export interface ScoreOptions {
  /** Skip subtrees whose class/id says furniture (Readability's first attempt). */
  stripUnlikely: boolean;
  /** Stats index of an element the page marks as the article body, -1 if none. */
  hinted: number;
}

export function chooseRoot(st: StatsResult, opts: ScoreOptions): RootChoice | null {
  return runToEnd(chooseRootSteps(st, opts));
}

/** chooseRoot as resumable steps: offers to pause every 4,096 elements of its passes over the statistics. */
export function* chooseRootSteps(st: StatsResult, opts: ScoreOptions): Steps<RootChoice | null> {
  const { stats } = st;
  const n = stats.length;
  // Unlikely subtrees: marks propagate down (parents come first in pre-order).
  const excluded = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    if ((i & 4095) === 0) yield;
    const s = stats[i]!;
    if (excluded[s.parent]) excluded[i] = 1;
    else if (opts.stripUnlikely && isUnlikely(s)) excluded[i] = 1;
  }
  const scores = new Map<number, number>();
  const init = (i: number): void => {
    if (!scores.has(i)) {
      const s = stats[i]!;
      scores.set(i, tagWeight(s.el.tagName.toUpperCase()) + classWeight(s));
    }
  };
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 4095) yield;
    if (excluded[i]) continue;
    const s = stats[i]!;
    const tag = s.el.tagName.toUpperCase();
    // Loose text beside block children (text broken by <br> in a container) is a paragraph of
    // its own, scored into the container itself.
    const loose = DIVLIKE.has(tag) && s.hasBlock;
    const scorable = SCORED_TAGS.has(tag) || DIVLIKE.has(tag);
    const len = loose ? s.ownText : s.text;
    if (!scorable || len < 25) continue;
    // A paragraph inside a scored paragraph (a P in a TD) is counted once, by the outer one.
    const pi = s.parent;
    if (pi >= 0 && tag !== 'TD' && stats[pi]!.el.tagName.toUpperCase() === 'P') continue;
    let score = 1 + (loose ? s.ownCommas : s.commas) + Math.min(3, Math.floor(len / 100));
    const ld = loose ? (s.ownText > 0 ? s.ownLink / s.ownText : 0) : linkDensity(s);
    if (ld > 0.5) score *= 0.2;
    let a = loose ? i : s.parent;
    for (let level = 0; level < 5 && a >= 0; level++) {
      init(a);
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, scores.get(a)! + score / div);
      a = stats[a]!.parent;
    }
  }
  if (opts.hinted >= 0 && !excluded[opts.hinted]) {
    init(opts.hinted);
    scores.set(opts.hinted, scores.get(opts.hinted)! * 1.5 + 25);
  }
  const ranked: Array<[number, number]> = [];
  for (const [i, sc] of scores) {
    const final = sc * (1 - linkDensity(stats[i]!));
    scores.set(i, final);
    ranked.push([i, final]);
  }
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => b[1] - a[1]);
  let top = ranked[0]![0];
  const topScore = ranked[0]![1];
  if (topScore <= 0) return null;

  // Several strong candidates below one ancestor: the article is that ancestor.
  const strong = ranked.slice(1, 6).filter(([, sc]) => sc / topScore >= 0.75);
  if (strong.length >= 3) {
    const ancestorsOf = (i: number): Set<number> => {
      const set = new Set<number>();
      for (let a = stats[i]!.parent; a >= 0; a = stats[a]!.parent) set.add(a);
      return set;
    };
    const lists = strong.map(([i]) => ancestorsOf(i));
    for (let a = stats[top]!.parent; a >= 0; a = stats[a]!.parent) {
      if (stats[a]!.el.tagName.toUpperCase() === 'BODY') break;
      const count = lists.filter(l => l.has(a)).length;
      if (count >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores about as well (the text is split over sibling containers).
  const threshold = (scores.get(top) ?? 0) / 3;
  let last = scores.get(top) ?? 0;
  for (let p = stats[top]!.parent; p >= 0; p = stats[p]!.parent) {
    const tag = stats[p]!.el.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') break;
    const ps = scores.get(p);
    if (ps === undefined) continue;
    if (ps < threshold) break;
    if (ps > last) {
      top = p;
      break;
    }
    last = ps;
  }
  // A lone child says nothing about its parent: use the parent so siblings can be judged.
  for (;;) {
    const s = stats[top]!;
    const p = s.parent;
    if (p < 0) break;
    const ptag = stats[p]!.el.tagName.toUpperCase();
    if (ptag === 'BODY' || ptag === 'HTML') break;
    if (stats[p]!.el.childElementCount !== 1) break;
    top = p;
  }
  const chunks = repeatedChunks(st, top);
  return { top, parts: chunks ?? siblingsThatBelong(st, top, scores), scores };
}

/**
 * Article text split into repeated wrappers (chunks of the body between ad rails, each in an
 * element of the same tag and class): when an ancestor of the top, up to three levels up, has
 * same-class siblings that also hold plain paragraph text, the article is all of them.
 */
function repeatedChunks(st: StatsResult, top: number): number[] | null {
  const { stats, index } = st;
  let branch = top;
  for (let level = 0; level < 3; level++) {
    const b = stats[branch]!;
    const parentEl = b.el.parentElement;
    if (!parentEl || b.parent < 0) return null;
    const tag = parentEl.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') return null;
    const cls = b.el.getAttribute('class');
    if (cls && cls.trim()) {
      const same: number[] = [];
      let textual = 0;
      for (let c = parentEl.firstElementChild; c; c = c.nextElementSibling) {
        if (c.tagName !== b.el.tagName || c.getAttribute('class') !== cls) continue;
        const i = index.get(c);
        if (i === undefined) continue;
        same.push(i);
        const s = stats[i]!;
        if (i !== branch && s.p > 0 && s.text >= 150 && linkDensity(s) < 0.25 && classWeight(s) >= 0)
          textual++;
      }
      if (same.length >= 2 && textual >= 1) return same;
    }
    branch = b.parent;
  }
  return null;
}

/** The top candidate plus those of its siblings that read as more of the same article. */
function siblingsThatBelong(st: StatsResult, top: number, scores: Map<number, number>): number[] {
  const { stats, index } = st;
  const topStats = stats[top]!;
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const parentEl = topStats.el.parentElement;
  if (!parentEl || topStats.parent < 0) return [top];
  const out: number[] = [];
  const topClass = topStats.el.getAttribute('class') ?? '';
  // An <article> or a schema.org item declares its own bounds: only loose paragraphs join it.
  const bounded = topStats.el.tagName.toUpperCase() === 'ARTICLE' || topStats.el.hasAttribute('itemtype');
  for (let c = parentEl.firstElementChild; c; c = c.nextElementSibling) {
    const i = index.get(c);
    if (i === undefined) continue;
    if (i === top) {
      out.push(i);
      continue;
    }
    const s = stats[i]!;
    let bonus = 0;
    if (topClass && (c.getAttribute('class') ?? '') === topClass) bonus += topScore * 0.2;
    const sc = scores.get(i);
    if (!bounded && sc !== undefined && sc + bonus >= threshold) {
      out.push(i);
      continue;
    }
    if (c.tagName.toUpperCase() === 'P') {
      const ld = linkDensity(s);
      if (s.text > 80 && ld < 0.25) out.push(i);
      else if (s.text > 0 && s.text <= 80 && ld === 0 && /\.( |$)/.test(c.textContent ?? '')) out.push(i);
    }
  }
  return out;
}
