/**
 * The rows of the Library tab. Without a query: annotations (or pages) newest first, fetched in
 * blocks of BLOCK as the list scrolls, so opening a 10,000-item library fetches one block. With a
 * query: one search call (stale replies are dropped by sequence number).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../../shared/messages';
import type { CallError } from '../../shared/result';
import type { Annotation, PageRecord } from '../../shared/types';
import { libraryClient } from '../client';
import { readHead, writeHead } from '../library-cache';
import { inDateRange, isFiltered, toListQuery, type LibraryFilter } from '../library-filter';

export const BLOCK = 100;
export const SEARCH_LIMIT = 200;

export type Row =
  | {
      type: 'annotation';
      annotation: Annotation;
      page: PageRecord | null;
      snippet?: string;
      marks?: [number, number][];
    }
  | { type: 'page'; page: PageRecord; snippet?: string; marks?: [number, number][] };

export type LibraryData =
  | { status: 'loading' }
  | { status: 'error'; error: CallError }
  /** `cached`: rows from the last opening, shown until the worker answers (see library-cache.ts). */
  | { status: 'ready'; count: number; mode: 'list' | 'search'; query: string; cached?: boolean };

function hitRow(h: SearchHit): Row | null {
  if (h.type === 'annotation' && h.annotation)
    return { type: 'annotation', annotation: h.annotation, page: h.page, snippet: h.snippet, marks: h.marks };
  if (h.type === 'page' && h.page) return { type: 'page', page: h.page, snippet: h.snippet, marks: h.marks };
  return null;
}

const toRow = (item: Annotation | PageRecord, show: LibraryFilter['show']): Row =>
  show === 'pages'
    ? { type: 'page', page: item as PageRecord }
    : { type: 'annotation', annotation: item as Annotation, page: null };

/** The cached head of the unfiltered list, as the first state (read synchronously, once). */
function initial(filter: LibraryFilter): { data: LibraryData; map: Map<number, Row> } {
  const head = isFiltered(filter) ? null : readHead(filter.show);
  if (!head) return { data: { status: 'loading' }, map: new Map() };
  return {
    data: { status: 'ready', count: head.total, mode: 'list', query: '', cached: true },
    map: new Map(head.items.map((item, i) => [i, toRow(item, filter.show)])),
  };
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
      reply.value.items.forEach((item, i) => map.set(block * BLOCK + i, toRow(item, filter.show)));
      if (block === 0 && !isFiltered(filter)) writeHead(filter.show, reply.value.total, reply.value.items);
      if (block === 0) setData({ status: 'ready', count: reply.value.total, mode: 'list', query: '' });
      else setVersion(v => v + 1);
    },
    // The filter's fields are the identity of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filter.site, filter.tag, filter.color, filter.from, filter.to, filter.show],
  );

  useEffect(() => {
    const mySeq = ++seq.current;
    if (!q) {
      void fetchBlock(0, mySeq);
      return;
    }
    void libraryClient
      .search({
        q,
        limit: SEARCH_LIMIT,
        ...(filter.site ? { site: filter.site } : {}),
        ...(filter.tag ? { tag: filter.tag } : {}),
        ...(filter.color ? { color: filter.color } : {}),
      })
      .then(reply => {
        if (mySeq !== seq.current) return;
        if (!reply.ok) return setData({ status: 'error', error: reply.error });
        const map = new Map<number, Row>();
        for (const h of reply.value) {
          const row = hitRow(h);
          if (!row) continue;
          const item = row.type === 'annotation' ? row.annotation : row.page;
          if (inDateRange(filter, item)) map.set(map.size, row);
        }
        rows.current = { seq: mySeq, map };
        const i = map.size;
        setData({ status: 'ready', count: i, mode: 'search', query: q });
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
