/**
 * Collects the article's text blocks from the chosen root(s) on the live DOM, leaving out the
 * furniture inside them (share bars, bylines, captions, teasers, link lists, forms), and builds
 * the text (paragraphs joined by a blank line, whitespace collapsed) with its TextMap.
 */
import type { TextBlock } from '../figures/index';
import type { ElementStats, StatsResult } from './stats';
import { linkDensity } from './stats';
import { classWeight, isUnlikely } from './score';
import { BLOCK_TAGS, BOILERPLATE_LINE, DROP_INSIDE, HEADING_TAGS, PITCH, TEASER_HEADING } from './hints';
import { SegmentTextMap } from './text-map';
import { runToEnd, type Steps } from '../steps';

const FURNITURE_ROLES =
  /^(navigation|complementary|banner|contentinfo|dialog|alertdialog|menu|menubar|toolbar|search|form)$/i;
const ALWAYS_DROP = new Set(['ASIDE', 'FOOTER', 'FORM', 'FIELDSET', 'FIGCAPTION', 'H1', 'ADDRESS']);
/** Work units (elements, 64-character runs of text) between two offers to pause. */
const OFFER_EVERY = 256;
const CLEANED = new Set(['DIV', 'SECTION', 'TABLE', 'UL', 'OL', 'DL', 'HEADER', 'FIGURE']);

export interface CollectOptions {
  stripUnlikely: boolean;
  title: string | null;
  deadline: number;
  /** The clock `deadline` is read on (default performance.now). */
  now?: () => number;
}

export interface Collected {
  text: string;
  blocks: TextBlock[];
  map: SegmentTextMap;
}

type Kind = TextBlock['kind'];

function kindOf(tag: string, outer: Kind): Kind {
  if (outer === 'quote' || outer === 'list') return outer;
  if (tag === 'P' || tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE') return 'paragraph';
  if (HEADING_TAGS.has(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'list';
  if (tag === 'BLOCKQUOTE') return 'quote';
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
  return 'other';
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function collectText(
  doc: Document,
  st: StatsResult,
  parts: number[],
  opts: CollectOptions,
): Collected {
  return runToEnd(collectTextSteps(doc, st, parts, opts));
}

/**
 * collectText as resumable steps: offers to pause every 256 units of work (elements, 64-character runs of
 * text). It reads the live DOM (children and text as they are when reached), so a change made during a pause
 * behind the walk is not seen, and one ahead of it is; the caller decides whether that matters (sliced.ts
 * restarts the body step).
 */
export function* collectTextSteps(
  doc: Document,
  st: StatsResult,
  parts: number[],
  opts: CollectOptions,
): Steps<Collected> {
  const now = opts.now ?? (() => performance.now());
  const { stats, index } = st;
  const map = new SegmentTextMap(doc);
  const blocks: TextBlock[] = [];
  const out: string[] = [];
  let length = 0; // length of out.join('\n\n')
  const rootText = parts.reduce((n, i) => n + stats[i]!.text, 0);
  const titleNorm = opts.title ? norm(opts.title) : '';

  // The paragraph being built.
  let para = '';
  let paraSegStart = 0;
  let pendingSpace: { node: Text; offset: number } | null = null;
  let kind: Kind = 'paragraph';

  const flush = (): void => {
    pendingSpace = null;
    if (para.length === 0) return;
    const text = para;
    para = '';
    const drop =
      (text.length < 200 && (BOILERPLATE_LINE.test(text) || PITCH.test(text))) ||
      (text.length < 60 && TEASER_HEADING.test(text)) ||
      (titleNorm !== '' && norm(text) === titleNorm);
    if (drop) {
      map.truncate(paraSegStart);
      return;
    }
    const base = out.length === 0 ? 0 : length + 2;
    map.shift(paraSegStart, base);
    out.push(text);
    blocks.push({ start: base, end: base + text.length, kind });
    length = base + text.length;
  };

  const addText = (node: Text): void => {
    const d = node.data;
    let i = 0;
    const n = d.length;
    while (i < n) {
      const c = d.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
        if (para.length > 0 && pendingSpace === null) pendingSpace = { node, offset: i };
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const c2 = d.charCodeAt(j);
        if (c2 === 32 || c2 === 10 || c2 === 9 || c2 === 13 || c2 === 12 || c2 === 160) break;
        j++;
      }
      if (pendingSpace !== null) {
        if (para.length > 0) {
          map.add(para.length, pendingSpace.node, pendingSpace.offset, 1);
          para += ' ';
        }
        pendingSpace = null;
      }
      if (para.length === 0) paraSegStart = map.size;
      map.add(para.length, node, i, j - i);
      para += d.slice(i, j);
      i = j;
    }
  };

  const dropInside = (s: ElementStats, tag: string): boolean => {
    if (ALWAYS_DROP.has(tag)) return true;
    const role = s.el.getAttribute('role');
    if (role && FURNITURE_ROLES.test(role)) return true;
    if (opts.stripUnlikely && isUnlikely(s)) return true;
    if (s.attrs && DROP_INSIDE.test(s.attrs) && s.text < rootText * 0.5) return true;
    if (CLEANED.has(tag) && cleanConditionally(s, tag)) return true;
    if (classWeight(s) < 0 && linkDensity(s) > 0.2) return true;
    return false;
  };

  // Offers to pause by work done: an element counts 1, a text node 1 per 64 characters as well.
  let work = 0;
  let nextOffer = OFFER_EVERY;
  for (const part of parts) {
    kind = 'paragraph';
    // Stack of pending work: an element to enter, or a marker to leave a block.
    const stack: Array<{ node: Node; exit?: Kind }> = [{ node: stats[part]!.el }];
    let teaserSiblingsOf: Element | null = null;
    let steps = 0;
    while (stack.length > 0) {
      if (work >= nextOffer) {
        nextOffer = work + OFFER_EVERY;
        yield;
      }
      const item = stack.pop()!;
      if (item.exit !== undefined) {
        flush();
        kind = item.exit;
        continue;
      }
      const node = item.node;
      if (node.nodeType === 3) {
        addText(node as Text);
        work += 1 + ((node as Text).length >> 6);
        continue;
      }
      if (node.nodeType !== 1) continue;
      work++;
      if ((++steps & 1023) === 0 && now() > opts.deadline) break;
      const el = node as Element;
      const i = index.get(el);
      if (i === undefined) continue; // skipped by the stats walk (script, hidden, nav, ...)
      const s = stats[i]!;
      const tag = el.tagName.toUpperCase();
      const isPart = i === part;
      if (!isPart) {
        if (teaserSiblingsOf !== null && el.parentElement === teaserSiblingsOf) {
          if (linkDensity(s) > 0.3 || tag === 'UL' || tag === 'OL') continue;
          teaserSiblingsOf = null;
        }
        if (dropInside(s, tag)) continue;
        if (HEADING_TAGS.has(tag) && s.text < 60 && TEASER_HEADING.test(el.textContent ?? '')) {
          teaserSiblingsOf = el.parentElement;
          continue;
        }
      }
      if (tag === 'BR') {
        flush();
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) {
        flush();
        stack.push({ node: el, exit: kind });
        kind = kindOf(tag, kind);
      }
      const kids: Node[] = [];
      for (let c = el.firstChild; c; c = c.nextSibling) kids.push(c);
      for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k]! });
    }
    flush();
  }
  return { text: out.join('\n\n'), blocks, map };
}

/**
 * Readability's conditional cleaning, from precomputed statistics: a container with few commas
 * that is mostly links, images, form fields or embeds is furniture.
 */
function cleanConditionally(s: ElementStats, tag: string): boolean {
  const weight = classWeight(s);
  if (weight < 0 && linkDensity(s) > 0.2) return true;
  if (s.commas >= 10) return false;
  const isList = tag === 'UL' || tag === 'OL' || tag === 'DL';
  const ld = linkDensity(s);
  if (s.text === 0) return s.img === 0 || s.img > 1;
  if (s.img > 1 && s.p / s.img < 0.5) return true;
  if (!isList && tag !== 'P' && s.li > s.p + 3 && ld > 0.2) return true;
  if (s.input > Math.floor(s.p / 3) && s.input > 0) return true;
  if (!isList && weight < 25 && ld > 0.33) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if (isList && ld > 0.5) return true;
  if ((s.embed === 1 && s.text < 75) || s.embed > 1) return true;
  return false;
}
