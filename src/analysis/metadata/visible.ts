/**
 * Visible bylines and datelines, for pages whose metadata says nothing. One bounded pass
 * over the elements in document order collects candidates by markup (itemprop, rel=author,
 * <time>, pubdate) and class/id names (byline, author, date, published, ...); the ones near
 * the first <h1> and outside navigation, footers, sidebars and comments rank first.
 * Read-only, never throws.
 */
import { localise, parseDate } from './dates';
import { boundedText, leadingText, squash, textOf } from './text';
import { byText, cls, CREDIT_START, inChrome, MEDIA_CREDIT, signature } from './visible-marks';
import { runToEnd, type Steps } from '../steps';

const MAX_ELEMENTS = 6000;
/** Elements after the h1 within this many elements count as "near the headline". */
const NEAR_AFTER = 600;
const NEAR_BEFORE = 80;
const FAR_AFTER = 1500;

const BYLINE_CLASS = /byline|by-line|author|autor|auteur|writer|reporter|verfasser|contributor/;
const DATE_CLASS =
  /publish|posted|dateline|pubdate|date|datum|fecha|timestamp|\btime\b|-time|time-|zeit|meta|byline/;
const STRONG_DATE_CLASS = /publish|posted|dateline|pubdate|entry-date|post-date|article-date|story-date/;
const MODIFIED = /modif|updat|aktualisiert|edited/;
/** A status label before or in a dateline that makes it the last update, not the publication. */
const UPDATED_TEXT =
  /^\s*(?:last\s+)?(?:updated|modified|edited|aktualisiert|geändert|zuletzt\s+aktualisiert|stand|mis\s+à\s+jour|modifié|actualisé|actualizado|modificado)\b/i;
/** A publication label at the start of an element's text: "Veröffentlicht am 16.08.2019", "Published: ...". */
const PUBLISHED_TEXT =
  /^\s*(?:veröffentlicht|publiziert|erschienen|erstellt|published|posted|publié|publiée|publication|publicado|publicada|fecha\s+de\s+publicación|date\s+de\s+publication)\b/i;

interface Cand {
  raw: string;
  score: number;
  index: number;
  kind: string;
}

export interface Visible {
  /** Candidate bylines, best first; each group is one byline (several rel=author links form one group). */
  bylines: string[][];
  /** How each byline group was found: 'itemprop', 'rel', 'byline' (a byline class), 'class-near' / 'class' (an author-like class name near / far from the headline) or 'by' ("By ..."). */
  bylineKinds: string[];
  published: string | null;
  /** How sure the dateline is: 3+ for a machine date or itemprop near the headline, 1 for a bare date near it. */
  publishedScore: number;
  modified: string | null;
  /** The page's shown publication datelines (parsed, page order of rank), best first: at most MAX_SHOWN. */
  shown: { iso: string; score: number }[];
  /** The value of the first non-<meta> element marked itemprop="datePublished" (microdata), raw. */
  itemPublished: string | null;
}

const MAX_SHOWN = 6;
/** Elements whose insides hold no byline or dateline (and are not walked). */
const SKIP_TAGS = new Set(['script', 'style', 'svg', 'noscript', 'template', 'iframe', 'select', 'math']);

function authorText(el: Element): string {
  const content = el.getAttribute('content');
  if (content) return squash(content);
  const name = el.querySelector('[itemprop~="name"]');
  if (name) return name.getAttribute('content') ? squash(name.getAttribute('content')) : textOf(name, 300);
  return textOf(el, 300);
}

/**
 * The date an element states. A machine value wins, except where its shown text is the page's wall-clock time of
 * the same story: a zone-less datetime="2019-11-19 02:24:00" shown as "Nov 18, 2019 at 9:24 pm ET" gives the
 * shown time, a UTC one shown as "November 18, 2019 11:03 PM" (or, year-less, "Posted Nov 18, 8:19 PM") is
 * restated in the page's offset, and a zone-less one shown with its zone ("19:14 GMT") takes that zone.
 */
function dateText(el: Element, lang: string | null, shownRaw: string | null): string {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content');
  if (attr == null) return shownRaw != null ? squash(shownRaw).slice(0, 300) : textOf(el, 300);
  if (el.tagName.toLowerCase() !== 'time') return attr;
  const machine = parseDate(attr, { lang });
  if (!machine || machine.length <= 10) return attr;
  const text = shownRaw != null ? squash(shownRaw).slice(0, 120) : textOf(el, 120);
  const year = { y: Number(machine.slice(0, 4)), mo: Number(machine.slice(5, 7)) };
  const shown = parseDate(text, { lang, year });
  if (!shown || shown.length <= 10) return attr;
  if (/(Z|[+-]\d\d:\d\d)$/.test(shown)) {
    const zoneless = !/(Z|[+-]\d\d:\d\d)$/.test(machine);
    return zoneless && shown.slice(0, 16) === machine.slice(0, 16) ? shown : attr;
  }
  if (machine.endsWith('Z')) return localise(machine, shown);
  if (/[+-]\d\d:\d\d$/.test(machine)) return attr;
  return shown;
}

/**
 * The label just before an element, for "Updated:" outside it: the previous text, or a previous element that
 * holds a short label without digits (not an earlier dateline).
 */
function labelBefore(el: Element): string {
  let prev = el.previousSibling;
  if (prev && prev.nodeType === 3) {
    const v = (prev.nodeValue ?? '').trim();
    if (v) return v.slice(-40);
    prev = prev.previousSibling;
  }
  if (!prev || prev.nodeType !== 1) return '';
  const t = boundedText(prev, 40) ?? '';
  return /\d/.test(t) ? '' : t;
}

export function readVisible(doc: Document, lang: string | null): Visible {
  return runToEnd(readVisibleSteps(doc, lang));
}

/** The elements walked between two offers to pause. */
const STEP_ELEMENTS = 400;

/** readVisible as resumable steps: offers to pause every STEP_ELEMENTS elements of the walk. */
export function* readVisibleSteps(doc: Document, lang: string | null): Steps<Visible> {
  const out: Visible = {
    bylines: [],
    bylineKinds: [],
    published: null,
    publishedScore: 0,
    modified: null,
    shown: [],
    itemPublished: null,
  };
  const body = doc.body;
  if (!body) return out;
  // The body's elements in document order, without the insides of scripts, styles, SVG icons and templates
  // (an icon-heavy page has thousands of <path>s), at most MAX_ELEMENTS. A walk by sibling links, not a live
  // getElementsByTagName('*') read by index (in jsdom every index is a proxied named-property lookup).
  const all: Element[] = [];
  let h1 = -1;
  // The headline the credit window hangs on: the first <h1>, or on a page without one (templates that
  // set the headline in an <h2>) the first <h2>. Only the "By ..." credits and the ranking use it; the
  // walk's end and the dateline fallback stay with a real <h1>.
  const noH1 = body.getElementsByTagName('h1').length === 0;
  let head = -1;
  const by: Cand[] = [];
  const dates: Cand[] = [];
  const modDates: Cand[] = [];
  const visit = (el: Element, i: number, tag: string): void => {
    // Big containers ("content-meta-wrapper" around the page) are not bylines or datelines,
    // and their text costs a full subtree walk.
    const kids = el.childElementCount;
    if (kids > 12) return;
    const c = cls(el);
    const itemprop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    // rel=author is a link's; pubdate a <time>'s (HTML5 drafts): no need to read them elsewhere.
    const rel = tag === 'a' || tag === 'link' ? (el.getAttribute('rel') ?? '').toLowerCase() : '';
    // Bylines
    let kindOfByline = true;
    if (/\bauthor\b|\bcreator\b/.test(itemprop))
      by.push({ raw: authorText(el), score: 3, index: i, kind: 'itemprop' });
    else if (/\bauthor\b/.test(rel)) by.push({ raw: textOf(el, 200), score: 2, index: i, kind: 'rel' });
    else if (BYLINE_CLASS.test(c) && !/avatar|image|photo|img|bio|about/.test(c)) {
      const raw = boundedText(el, 1600);
      const t = raw == null ? '' : squash(raw).slice(0, 400);
      if (t && t.length <= 200)
        by.push({
          raw: t,
          score: /byline|by-line/.test(c) ? 2.5 : 1.5,
          index: i,
          kind: /byline|by-line/.test(c) ? 'byline' : 'class',
        });
    } else kindOfByline = false;
    // Short elements just after the headline: a credit ("By Jane Doe") or a labelled dateline
    // ("Veröffentlicht am 16.08.2019"). Their first words decide before any longer read.
    let label = false;
    if (
      head >= 0 &&
      i - head < NEAR_AFTER &&
      kids <= 4 &&
      /^(p|span|li|a|strong|em|b|i|address|small|div)$/.test(tag)
    ) {
      const lead = leadingText(el);
      // A photo or video credit ("By U.S. Customs and Border Protection" under a clip) names the media's source.
      if (!kindOfByline && CREDIT_START.test(lead) && !MEDIA_CREDIT.test(c)) {
        const t = boundedText(el, 160);
        if (t != null && byText(squash(t))) by.push({ raw: squash(t), score: 2.5, index: i, kind: 'by' });
      }
      label = PUBLISHED_TEXT.test(lead);
    }
    // A signed post: "Benni<br>10. September 2017" closing the text. Weaker than any credit above.
    if (!kindOfByline && head >= 0 && i > head && tag === 'p' && kids === 1) {
      const name = signature(el, lang);
      if (name) by.push({ raw: name, score: 1, index: i, kind: 'signature' });
    }
    // Dates. <meta itemprop> values are read with the other meta tags; here only what the page shows.
    if (tag === 'meta' || tag === 'link') return;
    let score = 0;
    const machine =
      (tag === 'time' || itemprop !== '') && (el.hasAttribute('datetime') || el.hasAttribute('content'));
    if (/datepublished|datecreated/.test(itemprop) || (tag === 'time' && el.hasAttribute('pubdate')))
      score = 3;
    else if (/datemodified/.test(itemprop)) {
      // Markup naming the modified date outranks a class ("entry-date updated" on the published <time>).
      modDates.push({ raw: dateText(el, lang, boundedText(el, 300)), score: 4, index: i, kind: 'itemprop' });
      return;
    } else if (tag === 'time') score = machine ? (STRONG_DATE_CLASS.test(c) ? 3 : 2.5) : 2;
    else if (STRONG_DATE_CLASS.test(c) || label) score = 2;
    else if (DATE_CLASS.test(c)) score = 1;
    if (score > 0) {
      // A dateline is short: a class such as WordPress's "status-publish" on the whole <article> is not one.
      const shown = boundedText(el, 300);
      if (!machine && (shown == null || shown.length > 200)) return;
      if (/datepublished/.test(itemprop) && out.itemPublished == null)
        out.itemPublished = dateText(el, lang, shown);
      const raw = dateText(el, lang, shown);
      if (raw.length > 300) return;
      const updated =
        MODIFIED.test(c) || UPDATED_TEXT.test(shown ?? '') || UPDATED_TEXT.test(labelBefore(el));
      if (updated) modDates.push({ raw, score, index: i, kind: tag });
      else dates.push({ raw, score, index: i, kind: tag });
    }
  };
  let el: Element | null = body.firstElementChild;
  // Past the headline the story's own byline and dateline come early: the walk ends FAR_AFTER elements on.
  while (el && all.length < MAX_ELEMENTS && (h1 < 0 || all.length - h1 <= FAR_AFTER)) {
    const i = all.length;
    if (i > 0 && i % STEP_ELEMENTS === 0) yield;
    all.push(el);
    const tag = el.localName.toLowerCase();
    if (tag === 'h1' && h1 < 0) h1 = head = i;
    else if (noH1 && tag === 'h2' && head < 0) head = i;
    const opaque = SKIP_TAGS.has(tag);
    if (!opaque) visit(el, i, tag);
    let next: Element | null = opaque ? null : el.firstElementChild;
    for (let e: Element | null = el; !next && e && e !== body; e = e.parentElement)
      next = e.nextElementSibling;
    el = next;
  }
  const n = all.length;
  const near = (c: Cand): number =>
    head >= 0 && c.index >= head - NEAR_BEFORE && c.index <= head + NEAR_AFTER ? 1 : 0;
  const rank = (list: Cand[]): Cand[] =>
    list
      .map(c => ({ ...c, score: c.score + near(c) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);

  const rankedBy = rank(by).filter(c => c.raw && !inChromeAt(all, c.index, near(c) > 0));
  const top = rankedBy[0];
  if (top) {
    // Several rel=author / itemprop=author links for one story sit close together.
    const group = rankedBy
      .filter(c => c.kind === top.kind && Math.abs(c.index - top.index) < 40)
      .sort((a, b) => a.index - b.index)
      .map(c => c.raw);
    const rest = rankedBy.filter(c => !group.includes(c.raw)).slice(0, 6);
    out.bylines = [group, ...rest.map(c => [c.raw])];
    // An author-like class far from the headline is weaker evidence than one beside it.
    const kind = (c: Cand): string =>
      c.kind === 'class' && c.score < 2.5 ? 'class' : c.kind === 'class' ? 'class-near' : c.kind;
    out.bylineKinds = [kind(top), ...rest.map(kind)];
  }
  for (const c of rank(dates)) {
    if (out.shown.length >= MAX_SHOWN) break;
    if (inChromeAt(all, c.index, near(c) > 0)) continue;
    const d = parseDate(c.raw, { lang });
    if (!d) continue;
    out.shown.push({ iso: d, score: c.score });
    if (!out.published) {
      out.published = d;
      out.publishedScore = c.score;
    }
  }
  if (!out.published && h1 >= 0) {
    out.published = nearHeadline(all, h1, n, lang);
    out.publishedScore = out.published ? 1 : 0;
  }
  for (const c of rank(modDates)) {
    const d = parseDate(c.raw, { lang });
    if (d) {
      out.modified = d;
      break;
    }
  }
  return out;
}

/**
 * Last resort: a dateline in the short elements just after (then just before) the headline,
 * whatever their class ("<p>Veröffentlicht am 16.08.2019</p>", "1. Februar 2022, Daniel D.").
 */
function nearHeadline(all: readonly Element[], h1: number, n: number, lang: string | null): string | null {
  const order: number[] = [];
  for (let i = h1 + 1; i < Math.min(n, h1 + 60); i++) order.push(i);
  for (let i = h1 - 1; i >= Math.max(0, h1 - 30); i--) order.push(i);
  for (const i of order) {
    const el = all[i];
    // Short leaf-like elements only: a container's textContent would walk the whole story.
    if (
      !el ||
      el.childElementCount > 2 ||
      !/^(p|span|time|small|li|em|strong|b|i|font|td|dd|h6|abbr|address)$/i.test(el.tagName)
    )
      continue;
    const t = boundedText(el, 160);
    if (t == null || !/\d/.test(t)) continue;
    const d = parseDate(t, { lang });
    if (d && !inChrome(el, true)) return d;
  }
  return null;
}

function inChromeAt(all: readonly Element[], index: number, nearHeadline: boolean): boolean {
  const el = all[index];
  return !el || inChrome(el, nearHeadline);
}

/**
 * "/2025/07/21/" or "/2025-07-21-" in a URL path, or a day-first "~02-01-2022-" (month-first on English pages
 * when both parts could be the month): the day, else null.
 */
export function urlDate(url: string, lang: string | null = null): string | null {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/|[-_])((?:19|20)\d{2})[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?:[/_-]|\.html?|$)/.exec(
      path,
    );
  if (m) return parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  const d = /(?:^|[/_~-])(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2})(?:[/_~-]|\.html?|$)/.exec(path);
  if (!d || !d[1] || !d[2]) return null;
  let [day, month] = [Number(d[1]), Number(d[2])];
  if ((lang ?? '').startsWith('en') && day <= 12 && month <= 31) [day, month] = [month, day];
  if (month > 12 && day <= 12) [day, month] = [month, day];
  return parseDate(`${d[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
