/** One row of the library list: text only (the row itself is the focusable, activatable element). */
import type { Row } from '../../hooks/use-library-data';
import { formatDate, hostOf } from '../common/format';
import { Marked } from '../common/Marked';
import { quoteOf } from '../ThisPage/AnnotationItem';

export const ROW_HEIGHT = 68;

export function rowLabel(row: Row | undefined): string | undefined {
  if (!row) return undefined;
  if (row.type === 'page') return `Page: ${row.page.title || row.page.url}`;
  const q = quoteOf(row.annotation);
  return q ? `Highlight: ${q.slice(0, 80)}` : `Note: ${row.annotation.note.slice(0, 80)}`;
}

export function LibraryRow({ row, titles }: { row: Row | undefined; titles: ReadonlyMap<string, string> }) {
  if (!row)
    return (
      <div class="lrow placeholder" aria-hidden="true">
        <span class="line" />
        <span class="line short" />
      </div>
    );
  const text = (plain: string) =>
    row.snippet !== undefined && row.marks ? <Marked text={row.snippet} marks={row.marks} /> : plain;
  if (row.type === 'page') {
    const p = row.page;
    return (
      <div class="lrow page-row">
        <span class="lrow-main">
          <span class="badge">Page</span> {row.snippet !== undefined ? text('') : p.title || p.url}
        </span>
        <span class="lrow-sub">{row.snippet !== undefined ? p.title || p.url : (p.summary[0] ?? '')}</span>
        <span class="lrow-meta">
          {p.siteName || hostOf(p.url)} · {p.annotationCount} highlight{p.annotationCount === 1 ? '' : 's'} ·{' '}
          {formatDate(p.updatedAt)}
        </span>
      </div>
    );
  }
  const a = row.annotation;
  const quote = quoteOf(a);
  const title = row.page?.title || titles.get(a.pageUrl) || hostOf(a.pageUrl);
  return (
    <div class={`lrow lrow-annotation color-${a.color}`}>
      <span class="lrow-main">
        <span class={`dot color-${a.color}`} aria-hidden="true" />
        {text(quote || a.note)}
      </span>
      <span class="lrow-sub">
        {quote && a.note ? a.note : ''}
        {a.tags.length > 0 && <span class="tags"> {a.tags.map(t => `#${t}`).join(' ')}</span>}
      </span>
      <span class="lrow-meta">
        {title} · {formatDate(a.updated)}
      </span>
    </div>
  );
}
