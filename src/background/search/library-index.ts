/**
 * The search index over the library: annotations (quote, note, tags) and pages (title, URL, site,
 * authors), held in worker memory and rebuilt lazily from IndexedDB on the first search after the
 * worker starts (nothing here must survive the worker: the database is the truth).
 *
 * Consistency: handlers report every committed write through `noteChange()`. While the index is
 * built those changes are applied at once; while a build is reading its snapshot they are queued
 * and replayed after it (each change is an idempotent upsert or removal of the latest state, so
 * replaying one the snapshot already holds is harmless). `invalidate()` (import, delete-all, a
 * dropped connection) throws the index away and cancels a build in flight.
 */
import type { LibraryStats, SearchHit, SearchQuery } from '../../shared/messages';
import type { Annotation, PageRecord } from '../../shared/types';
import { annotationHitRow, pageHitRow, quoteOf } from '../../shared/rows';
import { siteOf } from '../../shared/url';
import { summarize } from '../db/library';
import { onConnectionDropped } from '../db/open';
import { read } from '../db/tx';
import { publicPage } from '../db/schema';
import { snippet } from './snippet';
import { TextIndex } from './text-index';
import { queryTerms } from './tokenize';

export type Change =
  | { kind: 'annotation'; id: string; value: Annotation | null }
  | { kind: 'page'; url: string; value: PageRecord | null };

interface Built {
  text: TextIndex;
  annotations: Map<string, Annotation>;
  pages: Map<string, PageRecord>;
}

let built: Built | null = null;
let building: Promise<Built> | null = null;
let pending: Change[] = [];
let epoch = 0;

onConnectionDropped(() => invalidate());

const W = { quote: 1, note: 1.2, tags: 1.5, title: 2, url: 0.6, site: 0.8, authors: 1 };

function apply(index: Built, change: Change): void {
  if (change.kind === 'annotation') {
    const key = `a:${change.id}`;
    if (!change.value) {
      index.annotations.delete(change.id);
      index.text.remove(key);
      return;
    }
    const a = change.value;
    index.annotations.set(a.id, a);
    index.text.set(key, [
      { text: quoteOf(a), weight: W.quote },
      { text: a.note, weight: W.note },
      { text: a.tags.join(' '), weight: W.tags },
    ]);
  } else {
    const key = `p:${change.url}`;
    if (!change.value) {
      index.pages.delete(change.url);
      index.text.remove(key);
      return;
    }
    const p = change.value;
    index.pages.set(p.url, p);
    index.text.set(key, [
      { text: p.title, weight: W.title },
      { text: urlWords(p.url), weight: W.url },
      { text: p.siteName ?? '', weight: W.site },
      { text: p.authors.join(' '), weight: W.authors },
    ]);
  }
}

/** Host and path words of a URL (no scheme, no query noise). */
function urlWords(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname} ${decodeURIComponent(u.pathname).replace(/[/_-]+/g, ' ')}`;
  } catch {
    return url;
  }
}

export function noteChange(change: Change): void {
  if (built) apply(built, change);
  else if (building) pending.push(change);
}

export function invalidate(): void {
  built = null;
  building = null;
  pending = [];
  epoch++;
}

async function build(): Promise<Built> {
  const mine = epoch;
  const [pages, annotations] = await read(['pages', 'annotations'], tx =>
    Promise.all([tx.objectStore('pages').getAll(), tx.objectStore('annotations').getAll()]),
  );
  const index: Built = { text: new TextIndex(), annotations: new Map(), pages: new Map() };
  for (const p of pages) apply(index, { kind: 'page', url: p.url, value: publicPage(p) });
  for (const a of annotations) apply(index, { kind: 'annotation', id: a.id, value: a });
  if (mine !== epoch) return ensure();
  for (const c of pending) apply(index, c);
  pending = [];
  built = index;
  building = null;
  return index;
}

function ensure(): Promise<Built> {
  if (built) return Promise.resolve(built);
  building ??= build().catch(error => {
    building = null;
    pending = [];
    throw error;
  });
  return building;
}

/**
 * Start building the index without waiting (the popup's library views call this, so the first
 * search typed there finds the index ready). Failures surface on the next real search.
 */
export function warm(): void {
  ensure().catch(() => undefined);
}

/**
 * Library stats from the index's copy of every record: the index is read from the database once
 * per worker life (the library views warm it) and follows every write, so stats cost a pass over
 * memory instead of a second full read of both stores.
 */
export async function libraryStats(): Promise<LibraryStats> {
  const index = await ensure();
  return summarize(index.pages.values(), index.annotations.values());
}

function matchesSite(url: string, page: PageRecord | undefined, site: string): boolean {
  const s = site.toLowerCase().replace(/^www\./, '');
  return siteOf(url) === s || (page?.siteName ?? '').toLowerCase() === s;
}

/** Longest quote and note a 'rows' hit carries: a row shows one line of each (CSS ellipsis). */
export const ROW_QUOTE_CHARS = 200;
export const ROW_NOTE_CHARS = 300;
const ROW_LIMITS = { quote: ROW_QUOTE_CHARS, note: ROW_NOTE_CHARS };

/**
 * Ranked hits for a query: annotations and pages, filtered, best first. Shape 'rows' sends what a
 * library row shows (see SearchQuery.shape), with each page's title on its first hit only.
 */
export async function search(query: SearchQuery): Promise<SearchHit[]> {
  const terms = queryTerms(query.q);
  if (!terms.length) return [];
  const index = await ensure();
  const limit = query.limit ?? 50;
  const rows = query.shape === 'rows';
  const titled = new Set<string>();
  const onlyAnnotations = query.tag !== undefined || query.color !== undefined;
  const hits: SearchHit[] = [];
  for (const { key, score } of index.text.query(terms)) {
    if (hits.length >= limit) break;
    if (key.startsWith('a:')) {
      const a = index.annotations.get(key.slice(2));
      if (!a) continue;
      const page = index.pages.get(a.pageUrl) ?? null;
      if (query.site !== undefined && !matchesSite(a.pageUrl, page ?? undefined, query.site)) continue;
      if (query.tag !== undefined && !a.tags.includes(query.tag)) continue;
      if (query.color !== undefined && a.color !== query.color) continue;
      const texts = [quoteOf(a), a.note, a.tags.join(', ')];
      if (rows) {
        const first = page !== null && !titled.has(page.url);
        if (first) titled.add(page.url);
        const row = annotationHitRow(a, first ? page.title : undefined, ROW_LIMITS);
        hits.push({ type: 'annotation', score, page: null, annotation: null, row, ...best(texts, terms) });
      } else hits.push({ type: 'annotation', score, page, annotation: a, ...best(texts, terms) });
    } else {
      if (onlyAnnotations) continue;
      const page = index.pages.get(key.slice(2));
      if (!page) continue;
      if (query.site !== undefined && !matchesSite(page.url, page, query.site)) continue;
      const texts = [page.title, page.url, page.siteName ?? '', page.authors.join(', ')];
      if (rows) {
        // A page row shows its own title: later annotation hits of that page need not repeat it.
        titled.add(page.url);
        hits.push({
          type: 'page',
          score,
          page: null,
          annotation: null,
          row: pageHitRow(page),
          ...best(texts, terms),
        });
      } else hits.push({ type: 'page', score, page, annotation: null, ...best(texts, terms) });
    }
  }
  return hits;
}

/** The snippet of the first text matching the most query terms. */
function best(texts: string[], terms: string[]): { snippet: string; marks: [number, number][] } {
  let top = snippet(texts[0] ?? '', terms);
  for (const t of texts.slice(1)) {
    if (!t) continue;
    const s = snippet(t, terms);
    if (s.matched > top.matched) top = s;
  }
  return { snippet: top.snippet, marks: top.marks };
}
