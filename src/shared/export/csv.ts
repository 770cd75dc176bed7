/**
 * CSV export: one row per annotation, RFC 4180 (comma, CRLF, double quotes doubled, a field
 * quoted when it holds a comma, quote, CR or LF). Cells that a spreadsheet would read as a
 * formula (starting with = + - @, tab or CR, after optional spaces, also their full-width forms)
 * get a leading apostrophe (OWASP CSV injection; quoting alone does not stop evaluation).
 * A UTF-8 BOM lets Excel read the file as UTF-8.
 */
import { byPage, quoteOf, type LibrarySnapshot } from './types';

export const CSV_COLUMNS = [
  'id',
  'page_url',
  'page_title',
  'site',
  'kind',
  'color',
  'quote',
  'note',
  'tags',
  'created',
  'updated',
  'orphaned',
] as const;

const FORMULA = /^[\s\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** One CSV field: formula-guarded, then quoted if needed. */
export function csvCell(value: string): string {
  const guarded = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || /^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(snapshot: LibrarySnapshot): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { page, annotations } of byPage(snapshot)) {
    for (const a of annotations) {
      rows.push(
        [
          a.id,
          a.pageUrl,
          page.title,
          page.siteName ?? '',
          a.kind,
          a.color,
          quoteOf(a),
          a.note,
          a.tags.join('; '),
          a.created,
          a.updated,
          String(a.orphaned),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
