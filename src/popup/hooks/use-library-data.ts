/**
 * The rows of the Library tab. Without a query: annotations (or pages) newest first, fetched in
 * blocks of BLOCK as the list scrolls, so opening a 10,000-item library fetches one block. With a
 * query: one search call in the light 'rows' shape (stale replies are dropped by sequence number).
 * Rows are kept in their light form (../library-rows.ts).
 *
 * A search starts in a layout effect, i.e. in the same task as the render that saw the keystroke: a
 * passive effect would wait for the next frame, and that wait was a third of keystroke-to-results.
 * The list's first block waits for the first paint (see below).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit, SearchQuery } from '../../shared/messages';
import type { CallError, Result } from '../../shared/result';
import type { Annotation, PageRecord } from '../../shared/types';
import { libraryClient } from '../client';
import { readHead, writeHead } from '../library-cache';
import { inDateRange, isFiltered, toListQuery, type LibraryFilter } from '../library-filter';
import { annotationRow, hitRows, pageRow, type Row } from '../library-rows';

export type { Row } from '../library-rows';

export const BLOCK = 100;
export const SEARCH_LIMIT = 200;

export type LibraryData =
  | { status: 'loading' }
  | { status: 'error'; error: CallError }
  /** `cached`: rows from the last opening, shown until the worker answers (see library-cache.ts). */
  | { status: 'ready'; count: number; mode: 'list' | 'search'; query: string; cached?: boolean };

const toRow = (item: Annotation | PageRecord, show: LibraryFilter['show']): Row =>
  show === 'pages' ? pageRow(item as PageRecord) : annotationRow(item as Annotation);

/** The cached head of the unfiltered list, as the first state (read synchronously, once). */
function initial(filter: LibraryFilter): { data: LibraryData; map: Map<number, Row> } {
  const head = isFiltered(filter) ? null : readHead(filter.show);
  if (!head) return { data: { status: 'loading' }, map: new Map() };
  return {
    data: { status: 'ready', count: head.total, mode: 'list', query: '', cached: true },
    map: new Map(head.items.map((row, i) => [i, row])),
  };
}

/** The search a list with this filter and query makes (one place, so a prefetch and the list agree). */
function searchQuery(q: string, filter: LibraryFilter): SearchQuery {
  return {
    q,
    limit: SEARCH_LIMIT,
    ...(filter.site ? { site: filter.site } : {}),
    ...(filter.tag ? { tag: filter.tag } : {}),
    ...(filter.color ? { color: filter.color } : {}),
    shape: 'rows',
  };
}

/** A search started by prefetchSearch, waiting for the list that will ask for it. Only the latest. */
let prefetched: { key: string; reply: Promise<Result<SearchHit[]>> } | null = null;

/**
 * Sends the search for `q` now, from the keystroke's own event handler, so the worker works on it while
 * the popup renders the keystroke; the list's layout effect then takes this reply instead of asking again.
 */
export function prefetchSearch(q: string, filter: LibraryFilter): void {
  const query = searchQuery(q.trim(), filter);
  if (!query.q) return;
  prefetched = { key: JSON.stringify(query), reply: libraryClient.search(query) };
}

function search(query: SearchQuery): Promise<Result<SearchHit[]>> {
  const key = JSON.stringify(query);
  const mine = prefetched?.key === key ? prefetched.reply : null;
  prefetched = null;
  return mine ?? libraryClient.search(query);
}

export function useLibraryData(filter: LibraryFilter) {
  const [first] = useState(() => initial(filter));
  const [data, setData] = useState<LibraryData>(first.data);
  const [, setVersion] = useState(0);
  // Rows of one list generation (seq); swapped in whole when the new list's first reply arrives, so
  // the old rows stay on screen instead of flashing placeholders while the user types.
  const rows = useRef({ seq: 0, map: first.map });
  const pending = useRef(new Set<string>());
  const seq = useRef(0);
  const [attempt, setAttempt] = useState(0);
  const q = filter.q.trim();

  const fetchBlock = useCallback(
    async (block: number, mySeq: number) => {
      const key = `${mySeq}:${block}`;
      if (pending.current.has(key)) return;
      pending.current.add(key);
      const query = { ...toListQuery(filter), offset: block * BLOCK, limit: BLOCK };
      const reply =
        filter.show === 'pages'
          ? await libraryClient.listPages({ ...query, sort: 'updated' })
          : await libraryClient.listAnnotations(query);
      pending.current.delete(key);
      if (mySeq !== seq.current) return;
      if (!reply.ok) {
        setData({ status: 'error', error: reply.error });
        return;
      }
      if (rows.current.seq !== mySeq) rows.current = { seq: mySeq, map: new Map() };
      const map = rows.current.map;
      const fresh = reply.value.items.map(item => toRow(item, filter.show));
      fresh.forEach((row, i) => map.set(block * BLOCK + i, row));
      if (block === 0 && !isFiltered(filter)) writeHead(filter.show, reply.value.total, fresh);
      if (block === 0) setData({ status: 'ready', count: reply.value.total, mode: 'list', query: '' });
      else setVersion(v => v + 1);
    },
    // The filter's fields are the identity of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filter.site, filter.tag, filter.color, filter.from, filter.to, filter.show],
  );

  const listSeq = useRef(-1);
  useLayoutEffect(() => {
    const mySeq = ++seq.current;
    if (!q) {
      listSeq.current = mySeq; // fetched by the passive effect below
      return;
    }
    void search(searchQuery(q, filter)).then(reply => {
      if (mySeq !== seq.current) return;
      if (!reply.ok) return setData({ status: 'error', error: reply.error });
      const map = new Map<number, Row>();
      for (const row of hitRows(reply.value)) if (inDateRange(filter, row)) map.set(map.size, row);
      rows.current = { seq: mySeq, map };
      const i = map.size;
      setData({ status: 'ready', count: i, mode: 'search', query: q });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, fetchBlock, attempt]);

  // The list's first block is asked for after the first paint, not in the commit: on opening, the
  // cached head is on screen already, and a page's first message to the worker also sets up its
  // runtime bindings, which would delay that paint. Searches (above) go out at once.
  useEffect(() => {
    if (!q && listSeq.current === seq.current) void fetchBlock(0, seq.current);
  }, [q, fetchBlock, attempt]);

  /** Make sure the rows [start, end) are loaded (list mode). */
  const ensure = useCallback(
    (start: number, end: number) => {
      // While the cached head is shown (seq 0), wait for the fresh first block before paging on.
      if (q || rows.current.seq !== seq.current) return;
      for (let b = Math.floor(start / BLOCK); b * BLOCK < end; b++)
        if (!rows.current.map.has(b * BLOCK)) void fetchBlock(b, seq.current);
    },
    [q, fetchBlock],
  );

  return {
    data,
    rowAt: (i: number) => rows.current.map.get(i),
    ensure,
    retry: () => setAttempt(n => n + 1),
  };
}
