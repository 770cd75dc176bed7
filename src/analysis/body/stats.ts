/**
 * One bounded, iterative (no recursion: a 10,000-deep DOM is fine) post-order walk over the
 * live DOM computing per-element text statistics bottom-up, so no later step calls textContent
 * on a large subtree. Reads attributes only: no layout, no getComputedStyle, no mutation.
 */
import { BLOCK_TAGS, CONTAINER_CHILD_TAGS, HEADING_TAGS, SKIP_TAGS } from './hints';
import { runToEnd, type Steps } from '../steps';

export interface ElementStats {
  el: Element;
  /** Index of the parent's stats, -1 for the walk root. */
  parent: number;
  depth: number;
  /** Text characters in the subtree (whitespace runs count as one). */
  text: number;
  /** Text characters inside links. */
  link: number;
  commas: number;
  /** Text, link text and commas of the element's own inline content (outside block children). */
  ownText: number;
  ownLink: number;
  ownCommas: number;
  /** Counts of descendant elements by kind (for conditional cleaning). */
  p: number;
  li: number;
  img: number;
  input: number;
  embed: number;
  heading: number;
  /** Has a descendant block container (a DIV with one is not a paragraph). */
  hasBlock: boolean;
  /** Class + id, lower-cased, '' when none. */
  attrs: string;
}

const LEAF_PARAGRAPH_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE']);

export class BudgetExceeded extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'BudgetExceeded';
  }
}

export interface WalkLimits {
  maxElements: number;
  /** Clock value past which the walk gives up (BudgetExceeded). */
  deadline: number;
  /** The clock `deadline` is read on (default performance.now; a sliced run passes its work clock). */
  now?: () => number;
}

/** Elements walked between two deadline checks (a power of two minus one, used as a mask). */
const PAUSE_MASK = 255;
/** Work units (elements, 64-character runs of text) between two offers to pause. */
const OFFER_EVERY = 256;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const HIDDEN_CLASS = /(^|\s)(hidden|sr-only|visually-?hidden|screen-reader-text|offscreen|d-none)(\s|$)/i;

/** Hidden by markup (attribute, ARIA, inline style, conventional class): not visible text. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  return cls !== null && HIDDEN_CLASS.test(cls);
}

export function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'INPUT') return true;
  return isHidden(el);
}

/** Collapsed-whitespace length and comma count of a text node's data, in one linear scan. */
export function measureText(data: string): { len: number; commas: number } {
  let len = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!inSpace) {
        len++;
        inSpace = true;
      }
    } else {
      len++;
      inSpace = false;
      if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
    }
  }
  return { len, commas };
}

export interface StatsResult {
  stats: ElementStats[];
  index: Map<Element, number>;
  /**
   * Stats index of the element the page marks as the article (itemprop=articleBody, else the
   * first schema.org Article/NewsArticle/BlogPosting/Report item, else a lone <article>), -1 if
   * none. Found during the walk: attribute selectors through querySelector are slow on big pages.
   */
  hinted: number;
}

const ARTICLE_TYPE =
  /schema\.org\/(Article|NewsArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle)\b/i;

/** Walks `root` (usually document.body). Throws BudgetExceeded past the limits. */
export function collectStats(root: Element, limits: WalkLimits): StatsResult {
  return runToEnd(collectStatsSteps(root, limits));
}

/**
 * collectStats as resumable steps: offers to pause every 256 units of work (elements, 64-character runs of
 * text). The statistics describe the DOM as each element was visited; a change behind the walk is not seen
 * (the caller checks, see sliced.ts).
 */
export function* collectStatsSteps(root: Element, limits: WalkLimits): Steps<StatsResult> {
  const now = limits.now ?? (() => performance.now());
  const stats: ElementStats[] = [];
  const index = new Map<Element, number>();
  // Explicit stack of [element, parentIndex, depth]; post-order sums happen on a second sweep
  // over `stats` in reverse (children always come after their parent in pre-order).
  const stack: Array<[Element, number, number]> = [[root, -1, 0]];
  let linkDepthOf = new Map<number, boolean>();
  let articleBody = -1;
  let typed = -1;
  let articleTag = -1;
  let articleTags = 0;
  // Offers to pause by work done: an element counts 1, its text 1 per 64 characters.
  let work = 0;
  let nextOffer = OFFER_EVERY;
  while (stack.length > 0) {
    const [el, parent, depth] = stack.pop()!;
    if (stats.length >= limits.maxElements)
      throw new BudgetExceeded(`more than ${limits.maxElements} elements`);
    if ((stats.length & PAUSE_MASK) === 0 && now() > limits.deadline)
      throw new BudgetExceeded('time budget exceeded');
    if (work >= nextOffer) {
      nextOffer = work + OFFER_EVERY;
      yield;
    }
    work++;
    const i = stats.length;
    const tag = el.tagName.toUpperCase();
    const inLink = tag === 'A' || (parent >= 0 && linkDepthOf.get(parent) === true);
    if (inLink) linkDepthOf.set(i, true);
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    const s: ElementStats = {
      el,
      parent,
      depth,
      text: 0,
      link: 0,
      commas: 0,
      ownText: 0,
      ownLink: 0,
      ownCommas: 0,
      p: tag === 'P' ? 1 : 0,
      li: tag === 'LI' ? 1 : 0,
      img: tag === 'IMG' ? 1 : 0,
      input: 0,
      embed: 0,
      heading: 0,
      hasBlock: false,
      attrs: cls || id ? `${cls ?? ''} ${id ?? ''}`.toLowerCase() : '',
    };
    stats.push(s);
    index.set(el, i);
    if (tag === 'ARTICLE') {
      articleTags++;
      if (articleTag < 0) articleTag = i;
    }
    if (articleBody < 0 && i > 0) {
      const prop = el.getAttribute('itemprop');
      if (prop && /(^|\s)articleBody(\s|$)/i.test(prop)) articleBody = i;
    }
    if (typed < 0 && i > 0) {
      const type = el.getAttribute('itemtype');
      if (type && ARTICLE_TYPE.test(type)) typed = i;
    }
    // Children in reverse so they pop in document order.
    const kids: Element[] = [];
    let brs = 0;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const m = measureText((n as Text).data);
        work += (n as Text).length >> 6;
        s.text += m.len;
        s.commas += m.commas;
        s.ownText += m.len;
        s.ownCommas += m.commas;
        if (inLink) {
          s.link += m.len;
          s.ownLink += m.len;
        }
      } else if (n.nodeType === 1) {
        const c = n as Element;
        const ct = c.tagName.toUpperCase();
        if (ct === 'INPUT' || ct === 'SELECT' || ct === 'TEXTAREA' || ct === 'BUTTON') s.input++;
        else if (ct === 'IFRAME' || ct === 'OBJECT' || ct === 'EMBED' || ct === 'VIDEO') s.embed++;
        if (CONTAINER_CHILD_TAGS.has(ct)) s.hasBlock = true;
        else if (ct === 'BR') brs++;
        if (!isSkipped(c)) kids.push(c);
      }
    }
    // Loose text broken by <br><br> is that many paragraphs (Readability turns them into P).
    if (brs >= 2 && s.ownText >= 25) s.p += brs >> 1;
    for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k]!, i, depth + 1]);
  }
  linkDepthOf = new Map();
  // Bottom-up sums: children have larger indices than their parents.
  for (let i = stats.length - 1; i > 0; i--) {
    if ((i & 4095) === 0) yield;
    const s = stats[i]!;
    const p = stats[s.parent]!;
    // A leaf DIV with text is a paragraph too (Readability turns such DIVs into P first).
    if (!s.hasBlock && s.p === 0 && s.text > 0 && LEAF_PARAGRAPH_TAGS.has(s.el.tagName.toUpperCase()))
      s.p = 1;
    p.text += s.text;
    p.link += s.link;
    p.commas += s.commas;
    if (!BLOCK_TAGS.has(s.el.tagName.toUpperCase())) {
      p.ownText += s.text;
      p.ownLink += s.link;
      p.ownCommas += s.commas;
    }
    p.p += s.p;
    p.li += s.li;
    p.img += s.img;
    p.input += s.input;
    p.embed += s.embed;
    if (HEADING_TAGS.has(s.el.tagName.toUpperCase())) p.heading += s.text;
    else p.heading += s.heading;
    if (s.hasBlock) p.hasBlock = true;
  }
  const hinted = articleBody >= 0 ? articleBody : typed >= 0 ? typed : articleTags === 1 ? articleTag : -1;
  return { stats, index, hinted };
}

export function linkDensity(s: ElementStats): number {
  return s.text > 0 ? s.link / s.text : 0;
}
