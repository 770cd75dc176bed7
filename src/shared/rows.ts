/**
 * The quote of an annotation and the light library rows (SearchQuery.shape 'rows') built from full
 * records: one definition for the background's search replies, the popup's list and the exporters.
 */
import type { HitRow } from './messages';
import type { Annotation, PageRecord } from './types';

export function quoteOf(a: Annotation): string {
  for (const s of a.target.selector) if (s.type === 'TextQuoteSelector') return s.exact;
  return '';
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** An annotation's row; quote and note are cut to `limits` when given (search replies). */
export function annotationHitRow(
  a: Annotation,
  pageTitle: string | undefined,
  limits?: { quote: number; note: number },
): Extract<HitRow, { kind: 'annotation' }> {
  const row: Extract<HitRow, { kind: 'annotation' }> = {
    kind: 'annotation',
    id: a.id,
    pageUrl: a.pageUrl,
    color: a.color,
    quote: limits ? cut(quoteOf(a), limits.quote) : quoteOf(a),
    note: limits ? cut(a.note, limits.note) : a.note,
    tags: a.tags,
    updated: a.updated,
  };
  if (pageTitle !== undefined) row.pageTitle = pageTitle;
  return row;
}

export function pageHitRow(p: PageRecord): Extract<HitRow, { kind: 'page' }> {
  return {
    kind: 'page',
    url: p.url,
    title: p.title,
    siteName: p.siteName,
    annotationCount: p.annotationCount,
    updatedAt: p.updatedAt,
  };
}
