/**
 * What a library row shows, in one light shape for the list, the search results and the cached
 * head: an annotation's id, page, colour, quote, note, tags and date, or a page's title, site,
 * count and date. Search replies already come in this shape (SearchQuery.shape 'rows'); the list's
 * full records are brought down to it as they arrive, so rows never hold selectors or figures.
 */
import type { HitRow, SearchHit } from '../shared/messages';
import { annotationHitRow, pageHitRow } from '../shared/rows';
import type { Annotation, PageRecord } from '../shared/types';

export type Row = (
  Extract<HitRow, { kind: 'annotation' }> | (Extract<HitRow, { kind: 'page' }> & { summary?: string })
) & {
  /** Search hits: the matched text and [start, end) offsets of the matches in it. */
  snippet?: string;
  marks?: [number, number][];
};

/** A full annotation as a list row (the page title only when known and non-empty). */
export function annotationRow(a: Annotation, pageTitle?: string): Row {
  return annotationHitRow(a, pageTitle || undefined);
}

export function pageRow(p: PageRecord): Row {
  return { ...pageHitRow(p), summary: p.summary[0] ?? '' };
}

/**
 * Rows of a search reply, in order. Hits in either shape are accepted ('rows', or full records from
 * an older worker). A page title sent once (on the first hit of its page, or by the page's own hit)
 * is copied onto every row of that page.
 */
export function hitRows(hits: readonly SearchHit[]): Row[] {
  const titles = new Map<string, string>();
  for (const h of hits) {
    if (h.row?.kind === 'annotation' && h.row.pageTitle) titles.set(h.row.pageUrl, h.row.pageTitle);
    else if (h.row?.kind === 'page') titles.set(h.row.url, h.row.title);
  }
  const out: Row[] = [];
  for (const h of hits) {
    let row: Row | null = null;
    if (h.row) row = h.row.kind === 'annotation' ? { ...h.row } : { ...h.row };
    else if (h.type === 'annotation' && h.annotation) row = annotationRow(h.annotation, h.page?.title);
    else if (h.type === 'page' && h.page) row = pageRow(h.page);
    if (!row) continue;
    if (row.kind === 'annotation' && !row.pageTitle) {
      const title = titles.get(row.pageUrl);
      if (title) row.pageTitle = title;
    }
    row.snippet = h.snippet;
    row.marks = h.marks;
    out.push(row);
  }
  return out;
}

/** The row's date (list order and the date filter). */
export const rowDate = (row: Row): string => (row.kind === 'annotation' ? row.updated : row.updatedAt);

/** The page a row opens. */
export const rowUrl = (row: Row): string => (row.kind === 'annotation' ? row.pageUrl : row.url);
