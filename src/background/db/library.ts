/**
 * Whole-library operations: stats, delete-all, the export snapshot and applying an import.
 */
import type { ImportReport, LibraryStats } from '../../shared/messages';
import type { ParsedImport } from '../../shared/export/import';
import { implicitPage, type ExportPage } from '../../shared/export/types';
import type { Annotation } from '../../shared/types';
import { siteOf } from '../../shared/url';
import type { StoredPage } from './schema';
import { allRequests, observed, read, write } from './tx';

export async function stats(): Promise<LibraryStats> {
  const { pages, annotations } = await read(['pages', 'annotations'], async tx => ({
    pages: await tx.objectStore('pages').getAll(),
    annotations: await tx.objectStore('annotations').getAll(),
  }));
  const tags = new Map<string, number>();
  let orphans = 0;
  for (const a of annotations) {
    if (a.orphaned) orphans++;
    for (const t of a.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  const sites = new Map<string, number>();
  for (const p of pages) {
    const site = p.siteName || siteOf(p.url);
    sites.set(site, (sites.get(site) ?? 0) + 1);
  }
  const ranked = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 200);
  return {
    pages: pages.length,
    annotations: annotations.length,
    orphans,
    tags: ranked(tags).map(([tag, count]) => ({ tag, count })),
    sites: ranked(sites).map(([site, count]) => ({ site, count })),
  };
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
