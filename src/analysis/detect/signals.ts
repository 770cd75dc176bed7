/**
 * Cheap page signals for article detection. Read-only and bounded: no layout reads, no
 * getComputedStyle, at most MAX_NODES nodes walked, so the
 * cost stays flat on huge pages. Never throws on a hostile or broken DOM (the caller catches).
 */
import { readJsonLd, topTypes, ARTICLE_TYPES } from '../metadata/jsonld';
import { readMeta, first, linkHref } from '../metadata/meta-tags';

const MAX_NODES = 30_000;
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

export interface Signals {
  ldArticle: string | null;
  /** Negative JSON-LD types found at top level (collectionpage, product, ...). */
  ldNegative: string[];
  ogType: string | null;
  hasPublished: boolean;
  /** Words of non-link text in the largest group of sibling <p> (one parent). */
  mass: number;
  /** Words of non-link text in all paragraphs. */
  paraWords: number;
  /** Share of body text characters that sit inside links. */
  linkDensity: number;
  bodyChars: number;
  /** Headings (h2-h4) that are or contain a link: headline teasers. */
  teasers: number;
  articles: number;
  passwords: number;
  /** Text inputs, selects and textareas outside search forms. */
  inputs: number;
  url: UrlShape;
  canonicalRoot: boolean;
}

export interface UrlShape {
  root: boolean;
  date: boolean;
  slug: boolean;
  /** Which listing / app pattern the URL matched, or null. */
  negative: string | null;
  depth: number;
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

const NEG_PATH =
  /\/(search|suche|recherche|buscar|tag|tags|tagged|category|categories|kategorie|categorie|categoria|topics?|section|archive|archives|author|authors|product|products|produkt|p|dp|item|shop|store|cart|checkout|login|log-in|signin|sign-in|signup|sign-up|register|registration|account|my-account|user|users|profile|members?|forum|forums|threads?|board|viewforum|viewtopic|showthread|community|help|support|faq|contact|kontakt|contacto|contatti|impressum|about|status|video|videos|watch|gallery|photos?|player|app|dashboard|settings|r|comments|questions)(\/|$|\.|\?)/i;
const NEG_QUERY = /[?&](q|query|s|search|keyword|keywords|term|searchterm|tag|category)=/i;

export function urlShape(url: string): UrlShape {
  const shape: UrlShape = { root: false, date: false, slug: false, negative: null, depth: 0 };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return shape;
  }
  const path = u.pathname.replace(/\/(index|default|home)\.(html?|php|aspx?|cfm)$/i, '/');
  const segs = path.split('/').filter(Boolean);
  shape.depth = segs.length;
  shape.root = segs.length === 0 && !u.search;
  shape.date = /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])\/|\/(19|20)\d{2}-\d{2}-\d{2}|\/(19|20)\d{6}\//.test(path);
  const last = segs[segs.length - 1] ?? '';
  const lastWords = last
    .replace(/\.(s?html?|php|aspx?)$/i, '')
    .split(/[-_+]/)
    .filter(w => /[a-z]/i.test(w));
  shape.slug =
    lastWords.length >= 4 || segs.some(s => s.split(/[-_]/).filter(w => /[a-z]{2}/i.test(w)).length >= 4);
  const neg = NEG_PATH.exec(path) ?? NEG_QUERY.exec(u.search);
  shape.negative = neg ? (neg[1] ?? null) : null;
  return shape;
}

function words(chars: number): number {
  // ~6 characters per word incl. the space, across the languages we meet; exact counting costs more.
  return Math.round(chars / 6);
}

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

interface Frame {
  el: Element;
  inLink: boolean;
  /** Where this element's own text is summed: the paragraph's container, or null in chrome. */
  key: Element | null;
}

export function readSignals(doc: Document, url: string): Signals {
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
        'parsely-pub-date',
        'sailthru.date',
      ) ?? ld.nodes.find(n => typeof n['datePublished'] === 'string')
    ),
    mass: 0,
    paraWords: 0,
    linkDensity: 0,
    bodyChars: 0,
    teasers: 0,
    articles: 0,
    passwords: 0,
    inputs: 0,
    url: urlShape(url),
    canonicalRoot: false,
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

  // One bounded walk: all text, text inside links, and the story-text mass per block. The text of
  // a <p> counts for its parent, so a story split into many paragraphs forms one block, while
  // teasers (each in its own card) stay small.
  let total = 0;
  let linked = 0;
  let story = 0;
  let seen = 0;
  const mass = new Map<Element, number>();
  const linkMass = new Map<Element, number>();
  const stack: Frame[] = [{ el: body, inLink: false, key: body }];
  while (stack.length && seen < MAX_NODES) {
    const f = stack.pop()!;
    for (let n = f.el.firstChild; n && seen < MAX_NODES; n = n.nextSibling) {
      seen++;
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        if (!/\S/.test(v)) continue;
        const len = v.replace(/\s+/g, ' ').trim().length;
        total += len;
        if (f.inLink) {
          linked += len;
          if (f.key) linkMass.set(f.key, (linkMass.get(f.key) ?? 0) + len);
        } else if (f.key) {
          story += len;
          mass.set(f.key, (mass.get(f.key) ?? 0) + len);
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      const inLink = f.inLink || tag === 'a' || tag === 'button';
      let key: Element | null;
      if (!f.key || CHROME.has(tag)) key = null;
      else if (INLINE.has(tag)) key = f.key;
      else if (tag === 'p') key = el.parentElement ?? el;
      else key = el;
      stack.push({ el, inLink, key });
    }
  }
  // Level 2: stories that wrap each paragraph in its own <div> (CNN, NYT) form one block in the
  // parent. Only link-poor blocks of a sentence or more without a heading count, so a list of
  // teaser cards (a linked heading and a blurb each) does not add up to a story.
  let best = 0;
  const parents = new Map<Element, number>();
  for (const [el, v] of mass) {
    best = Math.max(best, v);
    if (v < 80 || (linkMass.get(el) ?? 0) > v * 0.25) continue;
    const parent = el.parentElement;
    if (!parent || el === body) continue;
    parents.set(parent, (parents.get(parent) ?? 0) + v);
  }
  let checks = 0;
  for (const [parent, v] of [...parents].sort((a, b) => b[1] - a[1])) {
    if (v <= best || checks++ > 5) break;
    if (!parent.querySelector('h2, h3, h4, article')) best = v;
  }
  s.mass = words(best);
  s.paraWords = words(story);
  s.bodyChars = total;
  s.linkDensity = total > 0 ? linked / total : 0;

  const heads = body.querySelectorAll('h2, h3, h4');
  for (let i = 0; i < heads.length && i < 500; i++) {
    const h = heads[i];
    if (h && (h.getElementsByTagName('a').length > 0 || h.parentElement?.tagName.toLowerCase() === 'a'))
      s.teasers++;
  }
  s.articles = body.getElementsByTagName('article').length;
  const inputs = body.getElementsByTagName('input');
  for (let i = 0; i < inputs.length && i < 500; i++) {
    const inp = inputs[i];
    if (!inp) continue;
    const type = (inp.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'password') s.passwords++;
    else if (
      /^(text|email|tel|number|date)$/.test(type) &&
      !inp.closest('[role=search], form[action*=search i]')
    )
      s.inputs++;
  }
  s.inputs += body.getElementsByTagName('textarea').length + body.getElementsByTagName('select').length;
  return s;
}
