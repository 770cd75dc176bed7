/**
 * The head of the unfiltered library (its first rows and total), kept in the extension origin's
 * localStorage so the popup can paint the list at once on opening, before the worker has answered;
 * the list is always re-fetched and replaced right after (stale-while-revalidate, stale for the
 * length of one storage call at most). localStorage is synchronous, which is the point: it is read
 * during the first render. The options page clears the same key on "Delete everything".
 *
 * Rows are kept in their light form (library-rows.ts): a few KB to parse on opening. Only the
 * unfiltered, query-less list is cached. Values are validated lightly on read; anything unexpected
 * (including a head written by an older version) is ignored, and the list simply waits for the worker.
 */
import type { Row } from './library-rows';

export const LIBRARY_HEAD_KEY = 'gleaner:library-head';
export const HEAD_ROWS = 30;

export interface LibraryHead {
  v: 2;
  show: 'annotations' | 'pages';
  total: number;
  items: Row[];
}

const KIND = { annotations: 'annotation', pages: 'page' } as const;

export function readHead(show: LibraryHead['show']): LibraryHead | null {
  try {
    const raw = localStorage.getItem(`${LIBRARY_HEAD_KEY}:${show}`);
    if (!raw) return null;
    const head = JSON.parse(raw) as Partial<LibraryHead>;
    if (
      head.v !== 2 ||
      head.show !== show ||
      typeof head.total !== 'number' ||
      !Array.isArray(head.items) ||
      head.items.length === 0 ||
      !head.items.every(r => typeof r === 'object' && r !== null && r.kind === KIND[show])
    )
      return null;
    return head as LibraryHead;
  } catch {
    return null;
  }
}

export function writeHead(show: LibraryHead['show'], total: number, items: readonly Row[]) {
  try {
    const head: LibraryHead = { v: 2, show, total, items: items.slice(0, HEAD_ROWS) };
    localStorage.setItem(`${LIBRARY_HEAD_KEY}:${show}`, JSON.stringify(head));
  } catch {
    // Full or unavailable: the cache is only an accelerator.
  }
}
