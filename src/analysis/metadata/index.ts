/**
 * Article metadata from the page's markup: JSON-LD first (the publisher's structured claim),
 * then meta tags (OpenGraph, Twitter, Dublin Core, citation_*, parsely, sailthru), microdata
 * and finally what the reader sees (bylines, datelines, the URL's date). Pure and read-only:
 * Document in, ArticleMeta out; never throws (a failure yields empty fields).
 */
import type { ArticleMeta } from '../types';
import { cleanAuthors, type AuthorContext } from './byline';

export { localise } from './dates';
import {
  articleNode,
  ldNames,
  ldString,
  readJsonLd,
  resolve,
  typesOf,
  type JsonLd,
  type LdNode,
} from './jsonld';
import { all, first, linkHref, parselyPage, readMeta, type MetaMap } from './meta-tags';
import { absUrl, looksLikeUrl, squash, textOf } from './text';
import { parseDate } from './dates';
import { pickDate, reconcile, titleDate } from './published';
import { pickTitle } from './title';
import { readVisibleSteps, urlDate } from './visible';
import { runToEnd, type Steps } from '../steps';

export function emptyMeta(): ArticleMeta {
  return {
    title: null,
    authors: [],
    published: null,
    modified: null,
    siteName: null,
    section: null,
    lang: null,
    canonicalUrl: null,
    image: null,
    description: null,
  };
}

export function extractMetadata(doc: Document, url: string): ArticleMeta {
  return runToEnd(extractMetadataSteps(doc, url));
}

/**
 * extractMetadata as resumable steps (steps.ts): it offers to pause after the meta tags and JSON-LD and every few
 * hundred elements of the body scan, so that a sliced run (`analysis.meta = yield* extractMetadataSteps(doc, url)`)
 * need not read a big page in one task. Same result as extractMetadata on an unchanging page; read-only; a page
 * changed during a pause is read as it is then (only the scan keeps nodes across pauses: its cursor and its list).
 */
export function* extractMetadataSteps(doc: Document, url: string): Steps<ArticleMeta> {
  try {
    return yield* extract(doc, url);
  } catch {
    return emptyMeta();
  }
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'dcterms.issued',
  'dc.date.issued',
  'dcterms.date',
  'dc.date',
  'dcterms.created',
  'dc.date.created',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'og:published_time',
  'article.published',
  'article_date_original',
  'original-publish-date',
];
/**
 * Generic date fields: CMSs fill them with the crawl, build or last-edit time as often as with the publication
 * date, so a clear dateline at the headline (score >= 3 in visible.ts) overrides them.
 */
const WEAK_PUBLISHED_KEYS = ['date', 'datecreated'];
const MODIFIED_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'article:updated_time',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
];

function host(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** Primary language subtag ("en-US" -> "en", "fr_FR" -> "fr"), or null when it is not one. */
export function primaryLang(raw: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:[,;].*)?$/i.exec(raw ?? '');
  return m && m[1] ? m[1].toLowerCase() : null;
}

function pickLang(doc: Document, meta: MetaMap, art: LdNode | null, ld: JsonLd): string | null {
  const html = doc.documentElement;
  const cands = [
    html?.getAttribute('lang'),
    html?.getAttribute('xml:lang'),
    first(meta, 'content-language', 'language', 'dc.language', 'dcterms.language'),
    first(meta, 'og:locale'),
    art ? ldString(art['inLanguage'], ld) : null,
  ];
  for (const c of cands) {
    const l = primaryLang(c);
    if (l) return l;
  }
  return null;
}

function siteNameOf(meta: MetaMap, art: LdNode | null, ld: JsonLd): string | null {
  const og = first(meta, 'og:site_name');
  if (og) return og;
  if (art) {
    const pub = resolve(art['publisher'], ld);
    const name = ldNames(pub, ld)[0]?.name;
    if (name) return name;
  }
  for (const n of ld.nodes)
    if (typesOf(n).includes('website')) {
      const name = ldString(n['name'], ld);
      if (name) return name;
    }
  return first(
    meta,
    'application-name',
    'apple-mobile-web-app-title',
    'dc.publisher',
    'citation_publisher',
    'publisher',
  );
}

const BY_WORD = /^\s*(?:by|von|par|por|door|di|de|written by|text(?:e)?\s*:?|autor(?:in)?\s*:|author\s*:)\s/i;

/**
 * Library-catalogue order in citation_author and DC.creator ("Schmidt, Anna", "Jong, Michiel de", "Kooman, F.")
 * to reading order. Only one comma, a one-word surname (a particle may follow the given names) and one to three
 * given names or initials; anything else ("Jane Doe, Reuters", "A, B and C") is left for the byline splitter.
 */
export function invertName(raw: string): string {
  const m =
    /^\s*([\p{Lu}][\p{L}'’-]+),\s*((?:[\p{Lu}][\p{L}'’-]*\.?\s*){1,3}?)((?:\s*\b(?:de|van|von|der|den|da|di|du|le|la|ter|ten)\b)*)\s*$/u.exec(
      raw,
    );
  if (!m || !m[1] || !m[2]) return raw;
  const given = m[2].trim();
  const particle = (m[3] ?? '').trim();
  return [given, particle, m[1]].filter(Boolean).join(' ');
}

function* extract(doc: Document, url: string): Steps<ArticleMeta> {
  const out = emptyMeta();
  const meta = readMeta(doc);
  const ld = readJsonLd(doc);
  yield;
  const art = articleNode(ld);
  const parsely = parselyPage(meta);
  const h = host(url);

  out.lang = pickLang(doc, meta, art, ld);
  out.siteName = siteNameOf(meta, art, ld);
  const ctx: AuthorContext = { siteName: out.siteName, host: h };

  // Title
  const h1s = firstTexts(doc, 'h1', 3);
  const h2s = h1s.length ? [] : firstTexts(doc, 'h2', 3);
  const docTitle = textOf(doc.getElementsByTagName('title')[0] ?? null, 500);
  const metaTitles = [
    first(meta, 'citation_title'),
    art ? (ldString(art['headline'], ld) ?? ldString(art['name'], ld)) : null,
    first(meta, 'og:title'),
    first(meta, 'twitter:title'),
    first(meta, 'dc.title', 'dcterms.title'),
    first(meta, 'parsely-title', 'sailthru.title'),
    typeof parsely?.['title'] === 'string' ? parsely['title'] : null,
  ].filter((t): t is string => !!t);
  out.title = pickTitle({ meta: metaTitles, docTitle, h1s, h2s }, ctx);

  // Authors: structured sources first, each tried until one yields names.
  const ldAuthors = art ? ldNames(art['author'] ?? art['creator'], ld) : [];
  const persons = ldAuthors.filter(a => !a.org).map(a => a.name);
  const orgs = ldAuthors.filter(a => a.org).map(a => a.name);
  const metaAuthor = all(
    meta,
    'author',
    'dc.creator',
    'dcterms.creator',
    'article:author_name',
    'author_name',
  )
    .map(invertName)
    .filter(a => !looksLikeUrl(a));
  const sources: string[][] = [
    persons,
    all(meta, 'citation_author').map(invertName),
    all(meta, 'parsely-author', 'sailthru.author'),
    typeof parsely?.['author'] === 'string' ? [parsely['author']] : [],
    metaAuthor,
    all(meta, 'article:author', 'og:article:author').filter(a => !looksLikeUrl(a)),
  ];
  // One bounded pass over the body: bylines, shown datelines, microdata dates.
  const vis = yield* readVisibleSteps(doc, out.lang);
  for (const s of sources) {
    const names = cleanAuthors(s, ctx);
    if (names.length) {
      out.authors = names;
      break;
    }
  }
  if (!out.authors.length) {
    for (const [gi, group] of vis.bylines.entries()) {
      const names = cleanAuthors(group, ctx);
      // A lone word in an element that only has "author" in its class ("Parliament", "Part") is a link or a label,
      // unless the page introduces it as a byline ("by Regan"); markup (itemprop, rel=author) is trusted.
      const lone = names.every(n => !n.includes(' '));
      if (lone && vis.bylineKinds[gi] === 'class' && !group.some(g => BY_WORD.test(g))) continue;
      if (names.length) {
        out.authors = names;
        break;
      }
    }
  }
  if (!out.authors.length && orgs.length) {
    out.authors = cleanAuthors(orgs, ctx);
  }

  // Dates
  // dateCreated is when the CMS record was made (often in UTC beside a local datePublished): a fallback only.
  const ldPublished = art ? ldString(art['datePublished'], ld) : null;
  const ldCreated = art ? ldString(art['dateCreated'], ld) : null;
  const anyLdPublished = ld.nodes.map(n => ldString(n['datePublished'], ld)).find(Boolean) ?? null;
  const parselyDate = typeof parsely?.['pub_date'] === 'string' ? parsely['pub_date'] : null;
  const strong = [ldPublished, ...PUBLISHED_KEYS.map(k => first(meta, k)), parselyDate, vis.itemPublished];
  const ldModified = art ? ldString(art['dateModified'], ld) : null;
  out.modified = pickDate([ldModified, ...MODIFIED_KEYS.map(k => first(meta, k))], out.lang) ?? vis.modified;
  out.published = pickDate(strong, out.lang);
  if (!out.published) {
    const weak = pickDate(
      [ldCreated, anyLdPublished, ...WEAK_PUBLISHED_KEYS.map(k => first(meta, k))],
      out.lang,
    );
    if (weak && vis.published && vis.publishedScore >= 3 && weak.slice(0, 10) !== vis.published.slice(0, 10))
      out.published = vis.published;
    else
      out.published =
        weak ??
        vis.published ??
        titleDate([docTitle, first(meta, 'og:title')], out.lang) ??
        urlDate(url, out.lang);
  } else {
    // The page's claims apart from the shown microdata, which is one of the datelines it is checked against.
    const claims = [ldPublished, ...PUBLISHED_KEYS.map(k => first(meta, k)), parselyDate]
      .map(c => (c ? parseDate(c, { lang: out.lang }) : null))
      .filter((d): d is string => !!d);
    out.published = reconcile(out.published, claims, out.modified, vis);
  }

  // Section, image, description, canonical
  const ldSection = art ? ldString(art['articleSection'], ld) : null;
  out.section =
    first(meta, 'article:section', 'og:article:section') ??
    ldSection ??
    first(meta, 'parsely-section', 'sailthru.section', 'section', 'category') ??
    (typeof parsely?.['section'] === 'string' ? parsely['section'] : null);
  if (out.section && (out.section.length > 80 || looksLikeUrl(out.section))) out.section = null;
  out.image =
    absUrl(
      first(meta, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'),
      url,
    ) ??
    absUrl(art ? ldString(art['image'], ld) : null, url) ??
    absUrl(linkHref(doc, 'image_src'), url);
  const desc =
    first(meta, 'og:description') ??
    first(meta, 'description') ??
    first(meta, 'twitter:description') ??
    (art ? ldString(art['description'], ld) : null) ??
    first(meta, 'dc.description', 'dcterms.description');
  out.description = desc ? squash(desc).slice(0, 1000) : null;
  const mainEntity = art ? resolve(art['mainEntityOfPage'], ld) : null;
  out.canonicalUrl =
    absUrl(linkHref(doc, 'canonical'), url) ??
    absUrl(first(meta, 'og:url'), url) ??
    absUrl(art ? (ldString(art['url'], ld) ?? ldString(mainEntity, ld)) : null, url);
  if (out.title) out.title = out.title.slice(0, 500);
  if (out.siteName) out.siteName = squash(out.siteName).slice(0, 200);
  return out;
}

/** The text of the first `n` elements named `tag`, read by index: a hostile page may hold thousands. */
function firstTexts(doc: Document, tag: string, n: number): string[] {
  const list = doc.getElementsByTagName(tag);
  const out: string[] = [];
  for (let i = 0; i < n && i < list.length; i++) out.push(textOf(list[i] ?? null, 500));
  return out;
}
