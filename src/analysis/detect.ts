/**
 * "Is this page an article?" for every page load. A handful of strong, general signals are
 * summed as log-odds and squashed to a 0..1 score: what the publisher declares (JSON-LD @type,
 * og:type, a published time, shop markup, an error title), what the page holds and the URL's shape.
 * The page is judged by its main content block (detect/walk.ts): paragraph mass, link density,
 * teasers and a headline over it; the menus, teaser rails and comment boxes around a real story
 * count only when there is no such block. Each contributing signal becomes a human-readable
 * reason. Read-only, bounded (MAX_NODES and a time budget with a "gave up" verdict), never throws.
 */
import type { DetectResult } from './types';
import { MAX_NODES, readSignals, type Signals } from './detect/signals';

/** isArticle threshold on the 0..1 score. */
export const ARTICLE_THRESHOLD = 0.5;

interface Vote {
  w: number;
  why: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
/**
 * Thousands separators by hand: the first toLocaleString() call builds the engine's number formatter,
 * measured at 43 ms in Chromium's content script, more than the rest of detect() on most pages.
 */
const num = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The weighted votes of the signals; exported for tests and the benchmark's error analysis. */
export function votes(s: Signals): Vote[] {
  const v: Vote[] = [];
  const add = (w: number, why: string): void => {
    if (w !== 0) v.push({ w, why });
  };
  // What the publisher declares.
  if (s.ldArticle) add(s.ldNegative.length ? 1.2 : 2.2, `JSON-LD ${s.ldArticle}`);
  else if (s.ldNegative.length) add(-2, `JSON-LD ${s.ldNegative.join(', ')}`);
  if (s.ogType === 'article' || s.ogType === 'blog' || s.ogType === 'news') add(1.2, `og:type ${s.ogType}`);
  else if (s.ogType && /product|video|profile|music|book|place|business|restaurant/.test(s.ogType))
    add(-3, `og:type ${s.ogType}`);
  else if (s.ogType === 'website') add(-0.6, 'og:type website');
  if (s.hasPublished) add(0.8, 'a published time in the metadata');

  // What the page holds. The main block (the densest run of paragraphs) is judged on its own:
  // teaser rails, menus and comment boxes around a real story are page furniture, not evidence.
  // <article> cards nested in the block (embedded videos, related stories) are furniture too,
  // unless they hold much of its prose: then the block is a listing of cards.
  const b = s.main;
  const storyLike =
    !!b &&
    Math.min(b.linkDensity, b.spanLinkDensity) < 0.35 &&
    b.teasers <= Math.max(1, b.paras / 6) &&
    (b.articles <= 2 || b.cards < 0.3);
  const m = Math.max(s.mass, storyLike && b ? b.words : 0);
  if (m >= 500) add(2.2, `${num(m)} words of paragraph text`);
  else if (m >= 250) add(1.5, `${num(m)} words of paragraph text`);
  else if (m >= 120) add(0.5, `${num(m)} words of paragraph text`);
  else if (m >= 50) add(-1, `only ${num(m)} words of paragraph text`);
  else add(-2.5, `only ${num(m)} words of paragraph text`);
  // A story block that carries most of the page's prose under its own headline is judged on its
  // own even when short: the furniture around a 100-word brief is the site's, not the page's.
  // Only on pages that say they are articles: a short prose block under a heading is also the
  // shape of product, contact and app pages.
  const declared =
    !!s.ldArticle || /^(article|blog|news)$/.test(s.ogType ?? '') || s.hasPublished || s.url.date;
  // A single paragraph in a page of links is a listing's blurb (a category or index intro), not a brief.
  const focused =
    storyLike &&
    !!b &&
    b.headline &&
    b.share >= 0.6 &&
    declared &&
    b.words >= 40 &&
    (b.paras >= 2 || s.linkDensity <= 0.75);
  const strong = storyLike && !!b && (b.words >= 250 || focused);
  // One headline right above the story block: the shape of an article page.
  if (storyLike && b && b.headline && b.pageH1 <= 2 && (m >= 100 || focused))
    add(0.6, 'a headline over the main block');
  if (strong && b) {
    if (b.linkDensity < 0.2) add(0.5, `${pct(b.linkDensity)} link text in the main block`);
    if (b.teasers >= 6) add(-1, `${b.teasers} headline teasers in the main block`);
  } else {
    const story = m >= 250;
    if (s.bodyChars > 500) {
      if (s.linkDensity > 0.75) add(-2.5, `${pct(s.linkDensity)} link text`);
      else if (s.linkDensity > 0.55) add(story ? -1 : -2, `${pct(s.linkDensity)} link text`);
      else if (s.linkDensity > 0.4) add(story ? -0.5 : -1, `${pct(s.linkDensity)} link text`);
      else if (s.linkDensity < 0.2) add(0.5, `${pct(s.linkDensity)} link text`);
    }
    if (s.teasers >= 12) add(m >= 500 ? -0.5 : -1.5, `${s.teasers} headline teasers`);
    else if (s.teasers >= 6 && m < 250) add(-1, `${s.teasers} headline teasers`);
    if (s.articles >= 4) add(-1.2, `${s.articles} <article> elements`);
  }
  // A log-in box in the header of a story is common; a log-in page has little else.
  const loginUrl = /^(login|log-in|signin|sign-in|signup|sign-up|register|registration|account)$/i.test(
    s.url.negative ?? '',
  );
  if (s.passwords > 0) add(m < 200 || loginUrl ? -2.5 : -0.5, 'a password field');
  else if (s.inputs >= 4 && m < 250) add(-1, `a form with ${s.inputs} fields`);
  // Readers discuss posts: a comment form is the mark of an article or blog post.
  if (s.commentForm) add(0.5, 'a comment form');
  // The page's text also sits, editable, in a text field: a paste site's raw view or an editor
  // (a wiki's edit page), whatever its template declares. Articles keep their fields empty; a
  // share box's embed code is far shorter than the story beside it.
  if (s.fieldText >= 1000 && s.fieldText >= m * 6 * 0.5)
    add(-4, 'its text sits in a text field (a paste or an editor)');
  // What the page says it is.
  if (s.hints.error) add(-3, `an error title ("${s.hints.error}")`);
  if (s.shop >= 2) add(-1.5, `${s.shop} price and cart markers`);
  if (s.url.repository) add(-2.5, 'a code repository page');
  if (s.url.legal) add(-3, 'a legal or policy page');

  // The URL's shape.
  if (s.url.root) add(-2.5, 'the site root');
  else if (s.canonicalRoot) add(-2, 'canonical URL is the site root');
  if (s.url.negative) add(-1.2, `URL looks like a ${s.url.negative} page`);
  if (s.url.date) add(0.8, 'a date in the URL');
  if (s.url.slug) add(0.6, 'a headline slug in the URL');
  return v;
}

const BIAS = -0.8;

export interface DetectOptions {
  /**
   * Work budget in ms (default DEFAULT_BUDGET_MS): past it detect() gives up with isArticle false
   * and a "gave up" reason rather than hold up the page. The node bound (MAX_NODES) comes first on
   * ordinary pages; the budget guards slow devices and pathological DOMs.
   */
  budgetMs?: number;
}

/** Generous: detect() takes a few ms in a browser and ~50 ms median under jsdom on a loaded machine. */
export const DEFAULT_BUDGET_MS = 1000;

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function detect(doc: Document, url: string, opts: DetectOptions = {}): DetectResult {
  try {
    const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
    const start = clock();
    const sig = readSignals(doc, url, start + budget, clock);
    if (sig.timedOut || clock() - start > budget)
      return { isArticle: false, score: 0, reasons: [`gave up: detection ran past its ${budget} ms budget`] };
    const vs = votes(sig);
    const sum = vs.reduce((a, b) => a + b.w, BIAS);
    const score = Math.round((1 / (1 + Math.exp(-sum))) * 1000) / 1000;
    const reasons = vs
      .slice()
      .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
      .map(x => `${x.w > 0 ? '+' : '−'} ${x.why}`);
    if (sig.truncated) reasons.push(`(read the first ${num(MAX_NODES)} nodes only)`);
    return { isArticle: score >= ARTICLE_THRESHOLD, score, reasons };
  } catch (e) {
    return {
      isArticle: false,
      score: 0,
      reasons: [`detection failed: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
}
