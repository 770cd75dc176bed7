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

import { add, cohesiveMass, headlineOver, zero, type BlockStats, type TreeNode } from './tree';

export { words, type BlockStats } from './tree';

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
  /comment|disqus|sidebar|footer|related|recommend|teaser|promo|share|social|newsletter|widget|menu|breadcrumb|popup|modal|cookie|banner|sponsor|advert|\bads?\b|masthead|skyscraper|more-stories|trending|most-popular|signup|subscribe|consent|onetrust|gdpr/i;
/** Consent managers and cookie banners: never the story, whatever else the name says. */
const CONSENT_NAME = /cookie|consent|onetrust|gdpr|didomi|usercentrics|cookiebot/i;
const HIDDEN_STYLE = /display\s*:\s*none/i;
const OVERLAY_TAGS = new Set(['div', 'section', 'dialog', 'main']);
const OK_NAME = /article|body|content|main|story|entry|prose|text|post-?body|column/i;
const CART = /cart|basket|warenkorb|panier|carrito|carrello|koszyk|winkelwagen|kosár|корзин/i;
const PRICE_PROP = /^(price|offers|pricecurrency|lowprice)$/i;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;
const CJK_ALL = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;
/** A paragraph: a block whose own non-link text reaches a sentence or so. */
const PARA_CHARS = 80;

export interface Walk {
  body: BlockStats;
  /** The main content block's figures, or null when the page has no paragraph at all. */
  main: BlockStats | null;
  mainEl: Element | null;
  /** Text and link characters of the main block from its first paragraph to its last (see `storySpan`). */
  span: { text: number; link: number };
  /** An h1 sits inside the main block or shortly before it (see `headlineOver`). */
  headline: boolean;
  /** Words of non-link text in the largest group of sibling paragraphs (see `cohesiveMass`). */
  cohesive: number;
  /**
   * Paragraph characters in <article> cards outside the main block (neither around it nor in it):
   * a rail of teaser cards, which is the site's furniture, not competing story text.
   */
  cardsElsewhere: number;
  truncated: boolean;
  timedOut: boolean;
}

interface Frame {
  el: Element;
  /** Index of the parent element in `nodes`. */
  parent: number;
  /** Index of the block that owns the parent's inline text. */
  parentBlock: number;
  /** Inside a link or button. */
  inLink: boolean;
  /** The parent is chrome. */
  chrome: boolean;
}

/**
 * How much other text a character of paragraph text outweighs when picking the main block. Lower
 * picks wider blocks (the body when the page is all prose); higher picks tighter ones.
 */
const OTHER_WEIGHT = 0.3;

export function walk(body: Element, maxNodes: number, deadline: number, now: () => number): Walk {
  const nodes: TreeNode[] = [];
  const stack: Frame[] = [{ el: body, parent: -1, parentBlock: -1, inLink: false, chrome: false }];
  const h1s: number[] = [];
  const arts: number[] = [];
  const kids: Frame[] = [];
  let seen = 0;
  let truncated = false;
  let timedOut = false;
  // Depth-first in document order: a node's index is taken when it is popped, and its children are
  // pushed in reverse, so `nodes` is in pre-order (the headline test measures text between indices).
  outer: while (stack.length) {
    const f = stack.pop()!;
    const el = f.el;
    const tag = el.localName;
    const idx = nodes.length;
    const chrome = f.chrome || CHROME.has(tag);
    let furniture = false;
    let overlay = false;
    if (!chrome && !INLINE.has(tag) && idx > 0) {
      const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
      furniture = name.length > 1 && FURNITURE_NAME.test(name) && !OK_NAME.test(name);
      // Three attribute reads, on the containers that overlays are built from only.
      if (OVERLAY_TAGS.has(tag)) {
        const role = el.getAttribute('role');
        const style = el.getAttribute('style');
        overlay =
          tag === 'dialog' ||
          role === 'dialog' ||
          role === 'alertdialog' ||
          (!!style && HIDDEN_STYLE.test(style)) ||
          el.hasAttribute('hidden') ||
          (name.length > 1 && CONSENT_NAME.test(name));
      }
    }
    const s = zero();
    if (tag === 'article') {
      s.articles = 1;
      if (arts.length < 200) arts.push(idx);
    } else if (tag === 'h1') {
      s.h1 = 1;
      if (h1s.length < 4) h1s.push(idx);
    } else if (tag === 'h2' || tag === 'h3' || tag === 'h4') {
      s.heads = 1;
      if (f.inLink || el.getElementsByTagName('a').length > 0) s.teasers = 1;
    } else if (tag === 'button' || (tag === 'input' && el.getAttribute('type') === 'submit')) {
      const name = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('name') ?? ''} ${el.getAttribute('value') ?? ''}`;
      if (CART.test(name)) s.shop = 1;
    }
    // Selector queries cost milliseconds each under jsdom: attributes are read here, once.
    const prop = el.getAttribute('itemprop');
    if (prop && PRICE_PROP.test(prop)) s.shop++;
    nodes.push({
      el,
      parent: f.parent,
      s,
      ownText: 0,
      ownLink: 0,
      chrome,
      furniture,
      overlay,
      article: tag === 'article',
    });
    // Inline elements hand their text to the enclosing block; everything else is its own block.
    const block = INLINE.has(tag) && f.parentBlock >= 0 ? f.parentBlock : idx;
    kids.length = 0;
    for (let n = el.firstChild; n; n = n.nextSibling) {
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
        let len = v.replace(/\s+/g, ' ').trim().length;
        // A CJK character carries about a word: weigh it like 3 Latin characters, so that the
        // thresholds (in ~6-character words) mean the same amount of story in every script.
        if (CJK.test(v)) len += 2 * (v.match(CJK_ALL)?.length ?? 0);
        const b = nodes[block]!;
        if (f.inLink) b.ownLink += len;
        else b.ownText += len;
        continue;
      }
      if (n.nodeType !== 1) continue;
      const child = n as Element;
      const ctag = child.localName;
      if (SKIP.has(ctag)) continue;
      kids.push({
        el: child,
        parent: idx,
        parentBlock: block,
        inLink: f.inLink || ctag === 'a' || ctag === 'button',
        chrome,
      });
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  // Children come after their parents in `nodes`: one backward pass sums every subtree.
  const isPara = (x: TreeNode): boolean =>
    !x.chrome && x.ownText >= PARA_CHARS && x.ownLink < x.ownText * 0.5;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const x = nodes[i]!;
    const s = x.s;
    s.text += x.ownText + x.ownLink;
    s.link += x.ownLink;
    if (isPara(x)) {
      s.para += x.ownText;
      s.paras++;
    }
    if (x.parent >= 0) add(nodes[x.parent]!.s, s, x.article);
  }
  // Overlays (hidden, modal, consent) always lose their paragraphs. Furniture by name (comment threads,
  // sidebars, related stories) loses its paragraphs, unless it
  // holds most of the page's: then the name belongs to a layout wrapper ("container-with-sidebar",
  // "js-social-anchor") and the story is inside it.
  const total = nodes[0]!.s.para;
  const excluded = new Uint8Array(nodes.length);
  let any = false;
  for (let i = 1; i < nodes.length; i++) {
    const x = nodes[i]!;
    if (
      excluded[x.parent] ||
      (x.overlay && x.s.para > 0) ||
      (x.furniture && x.s.para > 0 && x.s.para <= total * 0.5)
    ) {
      excluded[i] = 1;
      any = true;
    }
  }
  if (any) {
    for (const x of nodes) {
      x.s.para = 0;
      x.s.paras = 0;
      x.s.artPara = 0;
    }
    for (let i = nodes.length - 1; i >= 0; i--) {
      const x = nodes[i]!;
      if (!excluded[i] && isPara(x)) {
        x.s.para += x.ownText;
        x.s.paras++;
      }
      if (x.parent >= 0) {
        const p = nodes[x.parent]!.s;
        p.para += x.s.para;
        p.paras += x.s.paras;
        p.artPara += x.article ? x.s.para : x.s.artPara;
      }
    }
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < nodes.length; i++) {
    const s = nodes[i]!.s;
    // Paragraphs in nested <article> cards are the cards' own, not this block's story.
    const own = s.para - s.artPara;
    if (own <= 0) continue;
    const score = own - OTHER_WEIGHT * (s.text - own);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const headline = best >= 0 && h1s.some(h => headlineOver(nodes, h, best));
  const span = best >= 0 ? storySpan(nodes, best, excluded, isPara) : { text: 0, link: 0 };
  let cardsElsewhere = 0;
  if (best >= 0) {
    const around = new Set<number>();
    for (let i = best, k = 0; i >= 0 && k < 80; i = nodes[i]!.parent, k++) around.add(i);
    for (const a of arts) {
      if (around.has(a) || nodes[a]!.s.para === 0) continue;
      // Outermost cards only, and none inside the main block (its own cards are counted there).
      let nested = false;
      for (let i = nodes[a]!.parent, k = 0; i >= 0 && k < 80 && !nested; i = nodes[i]!.parent, k++)
        nested = i === best || nodes[i]!.article;
      if (!nested) cardsElsewhere += nodes[a]!.s.para;
    }
  }
  return {
    cardsElsewhere,
    body: nodes[0]!.s,
    headline,
    main: best >= 0 ? nodes[best]!.s : null,
    mainEl: best >= 0 ? nodes[best]!.el : null,
    span,
    cohesive: cohesiveMass(nodes, excluded),
    truncated,
    timedOut,
  };
}

/**
 * The main block's text from its first paragraph to its last, in document order. What comes before
 * the first paragraph (a table of contents, an infobox, notices) and after the last (references, "see
 * also" lists, navigation boxes, tag lists) is the story's apparatus: a wiki entry or a cited essay
 * carries far more links there than a listing does between its blurbs, where links sit among the
 * paragraphs. `nodes` is in pre-order, so the block's subtree is the run of indices after `main` whose
 * ancestor chain reaches it.
 */
function storySpan(
  nodes: TreeNode[],
  main: number,
  excluded: Uint8Array,
  isPara: (x: TreeNode) => boolean,
): { text: number; link: number } {
  let end = main + 1;
  while (end < nodes.length && nodes[end]!.parent >= main) end++;
  let first = -1;
  let last = -1;
  for (let i = main; i < end; i++) {
    if (excluded[i] || !isPara(nodes[i]!)) continue;
    if (first < 0) first = i;
    last = i;
  }
  let text = 0;
  let link = 0;
  for (let i = Math.max(first, 0); i <= last; i++) {
    const x = nodes[i]!;
    text += x.ownText + x.ownLink;
    link += x.ownLink;
  }
  return { text, link };
}
