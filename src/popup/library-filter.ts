/** The library's filter, shared by the Library tab (what is listed) and Export ("the current filter"). */
import type { ExportScope, ListAnnotationsQuery } from '../shared/messages';
import type { Color } from '../shared/types';

export interface LibraryFilter {
  q: string;
  site: string;
  tag: string;
  color: Color | '';
  /** yyyy-mm-dd from <input type=date>, inclusive; '' for open. */
  from: string;
  to: string;
  /** Without a query the list shows highlights or pages; a query searches both. */
  show: 'annotations' | 'pages';
}

export const EMPTY_FILTER: LibraryFilter = {
  q: '',
  site: '',
  tag: '',
  color: '',
  from: '',
  to: '',
  show: 'annotations',
};

const fromBound = (d: string) => (d ? `${d}T00:00:00.000Z` : undefined);
const toBound = (d: string) => (d ? `${d}T23:59:59.999Z` : undefined);

/** The filter as a storage query (dates as inclusive ISO bounds on `updated`). */
export function toListQuery(f: LibraryFilter): ListAnnotationsQuery {
  const q: ListAnnotationsQuery = {};
  if (f.site) q.site = f.site;
  if (f.tag) q.tag = f.tag;
  if (f.color) q.color = f.color;
  const from = fromBound(f.from);
  const to = toBound(f.to);
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

export function toExportScope(f: LibraryFilter): ExportScope {
  const query: ListAnnotationsQuery & { q?: string } = toListQuery(f);
  if (f.q.trim()) query.q = f.q.trim();
  return { kind: 'filter', query };
}

export function isFiltered(f: LibraryFilter): boolean {
  return Boolean(f.q.trim() || f.site || f.tag || f.color || f.from || f.to);
}

/** Search has no date bounds on the wire: apply them here, to what the search returned. */
export function inDateRange(f: LibraryFilter, item: { updated: string } | { updatedAt: string }): boolean {
  const when = 'updated' in item ? item.updated : item.updatedAt;
  const from = fromBound(f.from);
  const to = toBound(f.to);
  return (!from || when >= from) && (!to || when <= to);
}
