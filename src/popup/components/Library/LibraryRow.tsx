/**
 * One row of the library list: text only (the row itself is the focusable, activatable element).
 * Memoised on its props: a row object is kept for as long as its list lives, so re-renders of the
 * list (a keystroke in the search box, a scroll by one row) skip the rows already on screen.
 */
import { Component } from 'preact';
import type { Row } from '../../library-rows';
import { formatDate, hostOf } from '../common/format';
import { Marked } from '../common/Marked';

export const ROW_HEIGHT = 68;

export function rowLabel(row: Row | undefined): string | undefined {
  if (!row) return undefined;
  if (row.kind === 'page') return `Page: ${row.title || row.url}`;
  return row.quote ? `Highlight: ${row.quote.slice(0, 80)}` : `Note: ${row.note.slice(0, 80)}`;
}

interface Props {
  row: Row | undefined;
  /** The page title of an annotation row, when the row does not carry it. */
  title?: string | undefined;
}

function LibraryRowView({ row, title }: Props) {
  if (!row)
    return (
      <div class="lrow placeholder" aria-hidden="true">
        <span class="line" />
        <span class="line short" />
      </div>
    );
  const text = (plain: string) =>
    row.snippet !== undefined && row.marks ? <Marked text={row.snippet} marks={row.marks} /> : plain;
  if (row.kind === 'page') {
    return (
      <div class="lrow page-row">
        <span class="lrow-main">
          <span class="badge">Page</span> {row.snippet !== undefined ? text('') : row.title || row.url}
        </span>
        <span class="lrow-sub">{row.snippet !== undefined ? row.title || row.url : (row.summary ?? '')}</span>
        <span class="lrow-meta">
          {row.siteName || hostOf(row.url)} · {row.annotationCount} highlight
          {row.annotationCount === 1 ? '' : 's'} · {formatDate(row.updatedAt)}
        </span>
      </div>
    );
  }
  const pageTitle = row.pageTitle || title || hostOf(row.pageUrl);
  return (
    <div class={`lrow lrow-annotation color-${row.color}`}>
      <span class="lrow-main">
        <span class={`dot color-${row.color}`} aria-hidden="true" />
        {text(row.quote || row.note)}
      </span>
      <span class="lrow-sub">
        {row.quote && row.note ? row.note : ''}
        {row.tags.length > 0 && <span class="tags"> {row.tags.map(t => `#${t}`).join(' ')}</span>}
      </span>
      <span class="lrow-meta">
        {pageTitle} · {formatDate(row.updated)}
      </span>
    </div>
  );
}

/** (preact/compat's memo would bring compat's global event rewriting along: a class is enough.) */
export class LibraryRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return next.row !== this.props.row || next.title !== this.props.title;
  }
  override render() {
    return <LibraryRowView row={this.props.row} title={this.props.title} />;
  }
}
