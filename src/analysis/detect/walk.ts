/**
 * One bounded, read-only walk over the body that measures text per block and finds the main
 * content block: the element that holds the most paragraph text for the least other text (menus,
 * teaser rails, comment boxes, footers), i.e. roughly the block body extraction would pick, at a
 * fraction of its cost. No layout reads, no getComputedStyle; at most `maxNodes` nodes and a
 * deadline checked every 512 nodes.
 *
 * Contract: never mutates the page; returns partial figures with `truncated` / `timedOut` set when
 * a bound stops it.
 */

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'select',
  'option',
  'textarea',
  'head',
]);

/** Inline elements: their text belongs to the nearest block ancestor. */
const INLINE = new Set(
  'a span b strong i em u small sup sub font mark abbr cite q time code br label s del ins big tt var kbd acronym wbr img picture source bdi bdo dfn data nobr'.split(
    ' ',
  ),
);
/** Page chrome: its text counts for link density but never as story text. */
const CHROME = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'menu',
]);
/** Class / id words of furniture (Readability's "unlikely candidates", shortened); `OK_NAME` overrides. */
const FURNITURE_NAME =
  /comment|disqus|sidebar|footer|related|recommend|teaser|promo|share|social|newsletter|widget|menu|breadcrumb|popup|modal|cookie|banner|sponsor|advert|\bads?\b|masthead|skyscraper|more-stories|trending|most-popular|signup|subscribe/i;
const OK_NAME = /article|body|content|main|story|entry|prose|text|post-?body|column/i;
/** A paragraph: a block whose own non-link text reaches a sentence or so. */
const PARA_CHARS = 80;

export interface BlockStats {
  /** Visible text characters (whitespace collapsed) in the subtree. */
  text: number;
  /** Of those, characters inside links and buttons. */
  link: number;
  /** Non-link characters of paragraphs: blocks with >= PARA_CHARS own non-link text, outside chrome. */
  para: number;
  /** Number of such paragraphs. */
  paras: number;
  /** h2-h4 that are or contain a link. */
  teasers: number;
  /** <article> elements (the element itself included). */
  articles: number;
  h1: number;
}

export interface Walk {
  body: BlockStats;
  /** The main content block's figures, or null when the page has no paragraph at all. */
  main: BlockStats | null;
  mainEl: Element | null;
  /** Words of non-link text in the largest group of sibling paragraphs (see `cohesiveMass`). */
  cohesive: number;
  truncated: boolean;
  timedOut: boolean;
}

interface Node_ {
  el: Element;
  parent: number;
  s: BlockStats;
  /** Own (not descendants') text of this block: non-link and link characters. */
  ownText: number;
  ownLink: number;
  /** Inside chrome or furniture: its paragraphs do not count. */
  chrome: boolean;
}

const zero = (): BlockStats => ({ text: 0, link: 0, para: 0, paras: 0, teasers: 0, articles: 0, h1: 0 });

interface Frame {
  el: Element;
  /** Index of the element in `nodes`. */
  idx: number;
  /** Index of the block that owns this element's inline text. */
  block: number;
  inLink: boolean;
  chrome: boolean;
}

/**
 * How much other text a character of paragraph text outweighs when picking the main block. Lower
 * picks wider blocks (the body when the page is all prose); higher picks tighter ones.
 */
const OTHER_WEIGHT = 0.3;

export function walk(body: Element, maxNodes: number, deadline: number, now: () => number): Walk {
  const nodes: Node_[] = [{ el: body, parent: -1, s: zero(), ownText: 0, ownLink: 0, chrome: false }];
  const stack: Frame[] = [{ el: body, idx: 0, block: 0, inLink: false, chrome: false }];
  let seen = 0;
  let truncated = false;
  let timedOut = false;
  outer: while (stack.length) {
    const f = stack.pop()!;
    for (let n = f.el.firstChild; n; n = n.nextSibling) {
      if (++seen > maxNodes) {
        truncated = true;
        break outer;
      }
      if ((seen & 511) === 0 && now() > deadline) {
        timedOut = true;
        break outer;
      }
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        if (!/\S/.test(v)) continue;
        const len = v.replace(/\s+/g, ' ').trim().length;
        const b = nodes[f.block]!;
        if (f.inLink) b.ownLink += len;
        else b.ownText += len;
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      const idx = nodes.length;
      const inLink = f.inLink || tag === 'a' || tag === 'button';
      let chrome = f.chrome || CHROME.has(tag);
      if (!chrome && !INLINE.has(tag)) {
        const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
        if (name.length > 1 && FURNITURE_NAME.test(name) && !OK_NAME.test(name)) chrome = true;
      }
      const s = zero();
      if (tag === 'article') s.articles = 1;
      else if (tag === 'h1') s.h1 = 1;
      else if ((tag === 'h2' || tag === 'h3' || tag === 'h4') && (inLink || el.querySelector('a')))
        s.teasers = 1;
      nodes.push({ el, parent: f.idx, s, ownText: 0, ownLink: 0, chrome });
      // Inline elements hand their text to the enclosing block; everything else is its own block.
      const block = INLINE.has(tag) ? f.block : idx;
      stack.push({ el, idx, block, inLink, chrome });
    }
  }
  // Children come after their parents in `nodes`: one backward pass sums every subtree.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const x = nodes[i]!;
    const s = x.s;
    s.text += x.ownText + x.ownLink;
    s.link += x.ownLink;
    if (!x.chrome && x.ownText >= PARA_CHARS && x.ownLink < x.ownText * 0.5) {
      s.para += x.ownText;
      s.paras++;
    }
    if (x.parent >= 0) add(nodes[x.parent]!.s, s);
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < nodes.length; i++) {
    const s = nodes[i]!.s;
    if (s.para === 0) continue;
    const score = s.para - OTHER_WEIGHT * (s.text - s.para);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return {
    body: nodes[0]!.s,
    main: best >= 0 ? nodes[best]!.s : null,
    mainEl: best >= 0 ? nodes[best]!.el : null,
    cohesive: cohesiveMass(nodes),
    truncated,
    timedOut,
  };
}

function add(into: BlockStats, s: BlockStats): void {
  into.text += s.text;
  into.link += s.link;
  into.para += s.para;
  into.paras += s.paras;
  into.teasers += s.teasers;
  into.articles += s.articles;
  into.h1 += s.h1;
}

/**
 * Words of story text in the largest group of sibling paragraphs: a <p>'s text counts for its
 * parent, so a story split into many paragraphs forms one block while teasers (each in its own
 * card) stay small. Level 2: stories that wrap each paragraph in its own <div> (CNN, NYT) form one
 * block in the grandparent; only link-poor blocks of a sentence or more under a parent without
 * headings count, so a list of teaser cards (a linked heading and a blurb each) does not add up.
 */
function cohesiveMass(nodes: Node_[]): number {
  const mass = new Map<number, number>();
  const linkMass = new Map<number, number>();
  for (let i = 1; i < nodes.length; i++) {
    const x = nodes[i]!;
    if (x.chrome || x.ownText + x.ownLink === 0) continue;
    const key = x.el.localName === 'p' ? x.parent : i;
    mass.set(key, (mass.get(key) ?? 0) + x.ownText);
    linkMass.set(key, (linkMass.get(key) ?? 0) + x.ownLink);
  }
  let best = 0;
  const parents = new Map<number, number>();
  for (const [i, v] of mass) {
    best = Math.max(best, v);
    if (v < 80 || (linkMass.get(i) ?? 0) > v * 0.25) continue;
    const parent = nodes[i]!.parent;
    if (parent <= 0) continue;
    parents.set(parent, (parents.get(parent) ?? 0) + v);
  }
  let checks = 0;
  for (const [i, v] of [...parents].sort((a, b) => b[1] - a[1])) {
    if (v <= best || checks++ > 5) break;
    if (!nodes[i]!.el.querySelector('h2, h3, h4, article')) best = v;
  }
  return words(best);
}

export function words(chars: number): number {
  // ~6 characters per word incl. the space, across the languages we meet; exact counting costs more.
  return Math.round(chars / 6);
}
