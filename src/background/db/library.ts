/**
 * Whole-library operations: the newest-first window, stats, delete-all, the export snapshot and
 * applying an import.
 */
import type { ImportReport, LibraryStats, ListAnnotationsQuery, Page } from '../../shared/messages';
import type { ParsedImport } from '../../shared/export/import';
import { implicitPage, type ExportPage } from '../../shared/export/types';
import type { Annotation, PageRecord } from '../../shared/types';
import { siteOf } from '../../shared/url';
import type { StoredPage } from './schema';
import { allRequests, observed, read, write } from './tx';

/** The order of the library list: newest `updated` first, ties by id (as filterAnnotations sorts). */
export const newestFirst = (a: Annotation, b: Annotation): number =>
  b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id);

/**
 * `from`/`to` as a key range on `updated` (a bare yyyy-mm-dd `to` covers that whole day); undefined
 * for no bounds, null when the bounds exclude everything.
 */
function updatedRange(from: string | undefined, to: string | undefined): IDBKeyRange | null | undefined {
  const upper = to && to.length === 10 ? `${to}T23:59:59.999Z` : to;
  if (from !== undefined && upper !== undefined) return from <= upper ? IDBKeyRange.bound(from, upper) : null;
  if (from !== undefined) return IDBKeyRange.lowerBound(from);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper);
  return undefined;
}

/**
 * The window [offset, offset + limit) of the newest-first annotation list, read through the
 * `byUpdated` index in a fixed handful of requests whatever the window or library size: a key
 * cursor finds the `updated` keys at the window's two edges (advance() skips without loading
 * records), one getAll() loads the records between them, and counts size and place the window. Order and
 * totals are those of filterAnnotations. Serves the unfiltered list and date ranges; returns null
 * for the filters it does not serve (page, site, tag, colour), which the caller answers with
 * filterAnnotations.
 *
 * Why not a value cursor: each continue() is a round trip to the browser's IndexedDB backend, and
 * 100 of them cost ~400 ms on a loaded machine (bench/popup.bench.ts); getAll is one.
 * Ties: the records between the edge keys include whole tie groups at both ends; sorting them
 * (newest first, then id) and counting the records strictly newer than the upper edge puts the
 * window exactly where filterAnnotations would.
 */
export async function newestAnnotations(query: ListAnnotationsQuery): Promise<Page<Annotation> | null> {
  if (query.pageUrl !== undefined || query.site !== undefined || query.tag !== undefined) return null;
  if (query.color !== undefined) return null;
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const range = updatedRange(query.from, query.to);
  if (range === null) return { items: [], total: 0 };
  return read(['annotations'], async tx => {
    const store = tx.objectStore('annotations');
    const index = store.index('byUpdated');
    // Every annotation has an `updated` key, so without bounds the store's count is the index's,
    // and in Chromium it is ~4x cheaper (an index count checks every entry against its record).
    const total = await (range === undefined ? store.count() : index.count(range));
    if (offset >= total || limit <= 0) return { items: [], total };
    let cursor = await index.openKeyCursor(range, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    if (!cursor) return { items: [], total }; // the store shrank under us: nothing to show there
    const high = cursor.key;
    const last = Math.min(offset + limit, total) - 1;
    if (last > offset) cursor = await cursor.advance(last - offset);
    const low = cursor?.key ?? (range?.lower as string | undefined);
    const between = low === undefined ? IDBKeyRange.upperBound(high) : IDBKeyRange.bound(low, high);
    const upper = range?.upper as string | undefined;
    // Both requests go out before either is awaited (observed: an abort must not go unhandled).
    const loading = observed(index.getAll(between));
    // Records strictly newer than the upper edge: none at offset 0; else a count over at most
    // `offset` index entries.
    const newer =
      offset === 0 || high === upper
        ? 0
        : await index.count(
            upper === undefined
              ? IDBKeyRange.lowerBound(high, true)
              : IDBKeyRange.bound(high, upper, true, false),
          );
    const items = await loading;
    items.sort(newestFirst);
    return { items: items.slice(offset - newer, offset - newer + limit), total };
  });
}

/**
 * Counts for the filter menus (sites, tags) and the totals, from records already in memory (the
 * search index holds them: see ../search/library-index.ts). Tags and sites: the 200 most used.
 */
export function summarize(
  pages: Iterable<Pick<PageRecord, 'url' | 'siteName'>>,
  annotations: Iterable<Pick<Annotation, 'orphaned' | 'tags'>>,
): LibraryStats {
  const tags = new Map<string, number>();
  let orphans = 0;
  let annotationCount = 0;
  for (const a of annotations) {
    annotationCount++;
    if (a.orphaned) orphans++;
    for (const t of a.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  const sites = new Map<string, number>();
  let pageCount = 0;
  for (const p of pages) {
    pageCount++;
    const site = p.siteName || siteOf(p.url);
    sites.set(site, (sites.get(site) ?? 0) + 1);
  }
  const ranked = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 200);
  return {
    pages: pageCount,
    annotations: annotationCount,
    orphans,
    tags: ranked(tags).map(([tag, count]) => ({ tag, count })),
    sites: ranked(sites).map(([site, count]) => ({ site, count })),
  };
}

/** Stats straight from the database (a full read; the handler prefers the search index's copy). */
export async function stats(): Promise<LibraryStats> {
  const { pages, annotations } = await read(['pages', 'annotations'], async tx => ({
    pages: await tx.objectStore('pages').getAll(),
    annotations: await tx.objectStore('annotations').getAll(),
  }));
  return summarize(pages, annotations);
}

export async function deleteAll(): Promise<{ pages: number; annotations: number }> {
  return write(['pages', 'annotations'], async tx => {
    const pages = tx.objectStore('pages');
    const annotations = tx.objectStore('annotations');
    const counts = { pages: await pages.count(), annotations: await annotations.count() };
    await pages.clear();
    await annotations.clear();
    return counts;
  });
}

/** Every page and annotation (export of the whole library). */
export async function everything(): Promise<{ pages: StoredPage[]; annotations: Annotation[] }> {
  return read(['pages', 'annotations'], async tx => ({
    pages: await tx.objectStore('pages').getAll(),
    annotations: await tx.objectStore('annotations').getAll(),
  }));
}

export async function pagesByUrl(urls: Iterable<string>): Promise<StoredPage[]> {
  return read(['pages'], async tx => {
    const store = tx.objectStore('pages');
    const found = await allRequests([...new Set(urls)].map(u => store.get(u)));
    return found.filter((p): p is StoredPage => p !== undefined);
  });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function pageContent(p: ExportPage | StoredPage): unknown {
  const { annotationCount: _count, implicit: _implicit, ...rest } = p;
  return rest;
}

/**
 * Apply a validated import in ONE strict transaction: all of it or nothing.
 * Annotations: new id -> added; same content -> skipped; different and the file's `updated` is
 * not older -> updated; else (ours is newer, or the id lives on another page) -> skipped.
 * Pages: missing -> added; different and the file's `updatedAt` is not older -> metadata
 * replaced (savedAt kept as the earlier one). Every touched page's annotationCount is recounted.
 */
export async function applyImport(parsed: ParsedImport, now: string): Promise<ImportReport> {
  return write(['pages', 'annotations'], async tx => {
    const pages = tx.objectStore('pages');
    const annotations = tx.objectStore('annotations');
    const report: ImportReport = { added: 0, updated: 0, skipped: parsed.skipped, pages: 0 };
    const touched = new Set<string>();
    // Issue the reads together and the writes without awaiting each one: requests of one
    // transaction run in order anyway, and 10,000 sequential awaits cost seconds in Chromium.
    const existingAnnotations = await allRequests(parsed.annotations.map(a => annotations.get(a.id)));
    const writes: Promise<unknown>[] = [];
    parsed.annotations.forEach((a, i) => {
      const existing = existingAnnotations[i];
      if (!existing) report.added++;
      else if (same(existing, a)) {
        report.skipped++;
        return;
      } else if (existing.pageUrl === a.pageUrl && a.updated >= existing.updated) report.updated++;
      else {
        report.skipped++;
        return;
      }
      writes.push(observed(annotations.put(a)));
      touched.add(a.pageUrl);
    });
    const existingPages = await allRequests(parsed.pages.map(p => pages.get(p.url)));
    parsed.pages.forEach((p, i) => {
      const existing = existingPages[i];
      if (existing && (same(pageContent(existing), pageContent(p)) || p.updatedAt < existing.updatedAt))
        return;
      const record: StoredPage = {
        ...p,
        savedAt: existing && existing.savedAt < p.savedAt ? existing.savedAt : p.savedAt,
        implicit: (p.implicit ?? false) && (existing?.implicit ?? true),
        annotationCount: 0,
      };
      writes.push(observed(pages.put(record)));
      report.pages++;
      touched.add(p.url);
    });
    await allRequests(writes);
    for (const url of touched) {
      const existing = await pages.get(url);
      const count = await annotations.index('byPage').count(url);
      if (!existing) report.pages++;
      if (!existing || existing.annotationCount !== count) {
        await pages.put({ ...(existing ?? implicitPage(url, now)), annotationCount: count });
      }
    }
    return report;
  });
}
