/**
 * Cheap page signals for article detection. Read-only and bounded: no layout reads, no
 * getComputedStyle, at most MAX_NODES nodes walked and a deadline, so the cost stays flat on huge
 * pages. Never throws on a hostile or broken DOM (the caller catches).
 */
import { readJsonLd, topTypes, ARTICLE_TYPES } from '../metadata/jsonld';
import { readMeta, all, first, linkHref } from '../metadata/meta-tags';
import { pageHints, type PageHints } from './page-hints';
import { urlShape, type UrlShape } from './url-shape';
import { walk, words, type BlockStats } from './walk';

export { urlShape, type UrlShape } from './url-shape';

export const MAX_NODES = 30_000;

export interface Signals {
  ldArticle: string | null;
  /** Negative JSON-LD types found at top level (collectionpage, product, ...). */
  ldNegative: string[];
  ogType: string | null;
  hasPublished: boolean;
  /** Words of non-link text in the largest group of sibling <p> (one parent). */
  mass: number;
  /** Share of body text characters that sit inside links. */
  linkDensity: number;
  bodyChars: number;
  /** Headings (h2-h4) that are or contain a link: headline teasers, over the whole body. */
  teasers: number;
  articles: number;
  /** The main content block (see detect/walk.ts), or null when the page has no paragraph. */
  main: MainBlock | null;
  passwords: number;
  /** Text inputs, selects and textareas outside search, comment and newsletter forms. */
  inputs: number;
  /** A comment form (its action, id or class says so): readers discuss this page. */
  commentForm: boolean;
  /** Characters of text already in the fullest <textarea>: a paste site or an editor shows its text in one. */
  fieldText: number;
  url: UrlShape;
  canonicalRoot: boolean;
  hints: PageHints;
  /** Price / offer microdata, product price meta tags and add-to-cart controls. */
  shop: number;
  /** The walk stopped at MAX_NODES: the figures cover the page's start only. */
  truncated: boolean;
  /** The walk ran past the deadline: the figures are not to be trusted. */
  timedOut: boolean;
}

export interface MainBlock {
  /** Words of paragraph text in the block, outside nested <article> cards. */
  words: number;
  paras: number;
  /** Share of the block's paragraph text inside nested <article> elements (cards, embeds). */
  cards: number;
  /** Share of the block's text inside links. */
  linkDensity: number;
  /** The same from the block's first paragraph to its last: the story without its apparatus (see walk.ts storySpan). */
  spanLinkDensity: number;
  /** Share of the body's paragraph text (less the teaser cards around the block) that sits in this block. */
  share: number;
  /** Headline teasers in the block, outside nested <article> cards (a related box of cards is furniture). */
  teasers: number;
  articles: number;
  /** h1 headings inside the block. */
  h1: number;
  /** An h1 inside or right beside the block (see Walk.headline). */
  headline: boolean;
  /** All h1 headings on the page. */
  pageH1: number;
}

export const NEGATIVE_LD = new Set([
  'collectionpage',
  'searchresultspage',
  'product',
  'itemlist',
  'profilepage',
  'videoobject',
  'discussionforumposting',
  'qapage',
  'faqpage',
  'contactpage',
  'aboutpage',
  'offer',
  'aggregateoffer',
  'event',
  'musicalbum',
  'musicrecording',
  'movie',
  'softwareapplication',
  'mobileapplication',
  'socialmediaposting',
]);

export function readSignals(doc: Document, url: string, deadline = Infinity, now = Date.now): Signals {
  const ld = readJsonLd(doc);
  const types = topTypes(ld);
  const meta = readMeta(doc);
  const s: Signals = {
    ldArticle: types.find(t => ARTICLE_TYPES.has(t)) ?? null,
    ldNegative: [...new Set(types.filter(t => NEGATIVE_LD.has(t)))],
    ogType: first(meta, 'og:type')?.toLowerCase() ?? null,
    hasPublished: !!(
      first(
        meta,
        'article:published_time',
        'og:article:published_time',
        'datepublished',
        'citation_publication_date',
        'citation_online_date',
        'citation_date',
        'dc.date.issued',
        'dcterms.issued',
        'dc.date',
        'parsely-pub-date',
        'sailthru.date',
      ) ?? ld.nodes.find(n => typeof n['datePublished'] === 'string')
    ),
    mass: 0,
    linkDensity: 0,
    bodyChars: 0,
    teasers: 0,
    articles: 0,
    main: null,
    passwords: 0,
    inputs: 0,
    commentForm: false,
    fieldText: 0,
    url: urlShape(url),
    canonicalRoot: false,
    hints: pageHints(doc),
    shop: all(meta, 'product:price:amount', 'og:price:amount').length,
    truncated: false,
    timedOut: false,
  };
  const canon = linkHref(doc, 'canonical') ?? first(meta, 'og:url');
  if (canon) {
    try {
      const cu = new URL(canon, url);
      s.canonicalRoot = cu.pathname.replace(/\/(index\.\w+)?$/, '') === '' && !cu.search;
    } catch {
      /* relative junk: no signal */
    }
  }
  const body = doc.body;
  if (!body) return s;

  const w = walk(body, MAX_NODES, deadline, now);
  s.truncated = w.truncated;
  s.timedOut = w.timedOut;
  s.mass = w.cohesive;
  s.bodyChars = w.body.text;
  s.linkDensity = w.body.text > 0 ? w.body.link / w.body.text : 0;
  s.teasers = w.body.teasers;
  s.articles = w.body.articles;
  s.shop += w.body.shop;
  if (w.main) s.main = mainBlock(w.main, w.body, w.headline, w.cardsElsewhere, w.span);
  const inputs = body.getElementsByTagName('input');
  for (let i = 0; i < inputs.length && i < 500; i++) {
    const inp = inputs[i];
    if (!inp) continue;
    const type = (inp.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'password') s.passwords++;
    else if (/^(text|email|tel|number|date|url)$/.test(type)) {
      const kind = formKind(inp);
      if (kind === 'comment') s.commentForm = true;
      else if (kind === 'other') s.inputs++;
    }
  }
  const areas = body.getElementsByTagName('textarea');
  for (let i = 0; i < areas.length && i < 100; i++) {
    // A textarea's text is its initial value (the walk skips it: it is not the page's prose).
    s.fieldText = Math.max(s.fieldText, areas[i]!.textContent?.length ?? 0);
    const kind = formKind(areas[i]!);
    if (kind === 'comment') s.commentForm = true;
    else if (kind === 'other') s.inputs++;
  }
  s.inputs += body.getElementsByTagName('select').length;
  return s;
}

function mainBlock(
  m: BlockStats,
  body: BlockStats,
  headline: boolean,
  cardsElsewhere: number,
  span: { text: number; link: number },
): MainBlock {
  const own = m.para - m.artPara;
  const rest = body.para - cardsElsewhere;
  return {
    words: words(own),
    paras: m.paras,
    cards: m.para > 0 ? m.artPara / m.para : 0,
    linkDensity: m.text > 0 ? m.link / m.text : 0,
    spanLinkDensity: span.text > 0 ? span.link / span.text : 0,
    share: rest > 0 ? Math.min(1, own / rest) : 0,
    teasers: m.teasers - m.artTeasers,
    articles: m.articles,
    h1: m.h1,
    headline,
    pageH1: body.h1,
  };
}

/**
 * What the form around a field is for, by its role, action, id and class (climbing ancestors:
 * selector queries are slow under jsdom). Search boxes and newsletter sign-ups sit on every kind of
 * page; a comment form sits under posts people discuss; any other form is the page's business.
 */
function formKind(el: Element): 'search' | 'comment' | 'newsletter' | 'other' {
  for (let e: Element | null = el.parentElement, k = 0; e && k < 12; e = e.parentElement, k++) {
    if (e.getAttribute('role') === 'search') return 'search';
    if (e.localName === 'form') {
      const name = `${e.getAttribute('action') ?? ''} ${e.id} ${e.getAttribute('class') ?? ''}`;
      if (/search/i.test(e.getAttribute('action') ?? '')) return 'search';
      if (/comment/i.test(name)) return 'comment';
      if (/newsletter|subscri/i.test(name)) return 'newsletter';
      return 'other';
    }
  }
  return 'other';
}
