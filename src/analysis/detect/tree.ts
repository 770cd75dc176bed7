/**
 * The per-element record of the detection walk (detect/walk.ts) and the measures taken on the
 * finished tree: subtree sums, the cohesive paragraph mass and the headline-over-block test. Pure
 * functions over the walk's arrays; they read the DOM only for element names.
 */

export interface BlockStats {
  /** Visible text characters (whitespace collapsed, CJK weighted x3) in the subtree. */
  text: number;
  /** Of those, characters inside links and buttons. */
  link: number;
  /** Non-link characters of paragraphs: blocks with a sentence or more of own non-link text, outside chrome. */
  para: number;
  /** Number of such paragraphs. */
  paras: number;
  /**
   * Of `para`, the characters inside <article> elements strictly below this one: teaser cards, embedded
   * video or related-story cards. A listing is all cards; a story page keeps its own text outside them.
   */
  artPara: number;
  /** h2-h4 that are or contain a link. */
  teasers: number;
  /** Of those, the ones inside <article> elements strictly below this one (see `artPara`). */
  artTeasers: number;
  /** <article> elements (the element itself included). */
  articles: number;
  h1: number;
  /** All h2-h4 headings, linked or not. */
  heads: number;
  /** Price and offer microdata (itemprop price / offers / priceCurrency) and add-to-cart controls. */
  shop: number;
}

export interface TreeNode {
  el: Element;
  parent: number;
  s: BlockStats;
  /** Own (not descendants') text of this block: non-link and link characters. */
  ownText: number;
  ownLink: number;
  /** Inside chrome (nav, header, footer, aside, form, headings): its paragraphs do not count. */
  chrome: boolean;
  /** Its class or id names furniture (comments, sidebar, related, ...). */
  furniture: boolean;
  /**
   * Hidden or modal: a `hidden` attribute, an inline display:none, a <dialog> or dialog role, or a
   * consent manager's name. Its paragraphs never count, however many: a cookie dialog's prose is not the page's.
   */
  overlay: boolean;
  /** An <article> element (read once: element getters are slow under jsdom). */
  article: boolean;
}

export const zero = (): BlockStats => ({
  text: 0,
  link: 0,
  para: 0,
  paras: 0,
  artPara: 0,
  teasers: 0,
  artTeasers: 0,
  articles: 0,
  h1: 0,
  heads: 0,
  shop: 0,
});

/** Text (chars) allowed between a headline and its story: byline, date, share bar, lead image caption. */
const HEADLINE_GAP = 1500;

/**
 * Whether the h1 at `h` heads the block at `main`: it lies inside the block, or ends at most
 * HEADLINE_GAP characters of text before the block starts (in document order; `nodes` is in pre-order,
 * so the text between is the own text of the nodes between the two indices).
 */
export function headlineOver(nodes: TreeNode[], h: number, main: number): boolean {
  if (h > main) {
    for (let i = h, k = 0; i >= 0 && k < 40; i = nodes[i]!.parent, k++) if (i === main) return true;
    return false;
  }
  let gap = -nodes[h]!.s.text;
  for (let i = h; i < main && gap <= HEADLINE_GAP; i++) gap += nodes[i]!.ownText + nodes[i]!.ownLink;
  return gap <= HEADLINE_GAP;
}

/** Adds a child's subtree sums `s` into its parent's `into`; `article` says whether the child is an <article>. */
export function add(into: BlockStats, s: BlockStats, article: boolean): void {
  into.text += s.text;
  into.link += s.link;
  into.para += s.para;
  into.paras += s.paras;
  into.artPara += article ? s.para : s.artPara;
  into.teasers += s.teasers;
  into.artTeasers += article ? s.teasers : s.artTeasers;
  into.articles += s.articles;
  into.h1 += s.h1;
  into.heads += s.heads;
  into.shop += s.shop;
}

/**
 * Words of story text in the largest group of sibling paragraphs: a <p>'s text counts for its
 * parent, so a story split into many paragraphs forms one block while teasers (each in its own
 * card) stay small. Level 2: stories that wrap each paragraph in its own <div> (CNN, NYT) form one
 * block in the grandparent; only link-poor blocks of a sentence or more under a parent without
 * headings count, so a list of teaser cards (a linked heading and a blurb each) does not add up.
 */
export function cohesiveMass(nodes: TreeNode[], excluded: Uint8Array): number {
  const mass = new Map<number, number>();
  const linkMass = new Map<number, number>();
  for (let i = 1; i < nodes.length; i++) {
    const x = nodes[i]!;
    if (x.chrome || excluded[i] || x.ownText + x.ownLink === 0) continue;
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
    const x = nodes[i]!.s;
    if (x.heads === 0 && x.articles === 0) best = v;
  }
  return words(best);
}

export function words(chars: number): number {
  // ~6 characters per word incl. the space, across the languages we meet; exact counting costs more.
  return Math.round(chars / 6);
}
