/**
 * What the exporters get: a snapshot of (part of) the library. Exporters are pure functions of
 * it, so they run in the background, in tests and in Node alike.
 */
import type { Annotation, PageRecord } from '../types';

export interface ExportPage extends PageRecord {
  /** Stored-only: the page exists only because of its annotations (kept so import loses nothing). */
  implicit?: boolean;
}

export interface LibrarySnapshot {
  pages: ExportPage[];
  annotations: Annotation[];
  /** ISO time of the export. */
  exportedAt: string;
}

/** Annotations grouped under their pages, pages in the snapshot's order, annotations in reading order. */
export function byPage(snapshot: LibrarySnapshot): { page: ExportPage; annotations: Annotation[] }[] {
  const groups = new Map<string, { page: ExportPage; annotations: Annotation[] }>();
  for (const page of snapshot.pages) groups.set(page.url, { page, annotations: [] });
  for (const a of snapshot.annotations) {
    let g = groups.get(a.pageUrl);
    if (!g) {
      g = { page: implicitPage(a.pageUrl, a.created), annotations: [] };
      groups.set(a.pageUrl, g);
    }
    g.annotations.push(a);
  }
  for (const g of groups.values()) g.annotations.sort((a, b) => position(a) - position(b));
  return [...groups.values()];
}

function position(a: Annotation): number {
  for (const s of a.target.selector) if (s.type === 'TextPositionSelector') return s.start;
  return a.kind === 'page-note' ? -1 : Number.MAX_SAFE_INTEGER;
}

/**
 * The page record of a page that exists only because of its annotations (title = its URL): what the
 * library stores before or without savePage, and what an export shows for an annotation whose page is missing.
 */
export function implicitPage(url: string, at: string): ExportPage & { implicit: true } {
  return {
    url,
    title: url,
    authors: [],
    published: null,
    siteName: null,
    lang: null,
    summary: [],
    figures: [],
    entities: [],
    savedAt: at,
    updatedAt: at,
    annotationCount: 0,
    implicit: true,
  };
}

export { quoteOf } from '../rows';

/** "2026-11-26" from an ISO time, for file names. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}
