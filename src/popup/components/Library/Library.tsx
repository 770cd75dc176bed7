/**
 * The Library tab: every saved annotation (or page), newest first; search as you type with matches
 * marked; filters; a windowed list that stays smooth at 10,000 items. Activating a row opens its
 * page and reveals the highlight there.
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { LibraryStats } from '../../../shared/messages';
import type { Color } from '../../../shared/types';
import { libraryClient, openAndReveal } from '../../client';
import { useDebouncedCallback } from '../../hooks/use-debounced-callback';
import { prefetchSearch, SEARCH_LIMIT, useLibraryData } from '../../hooks/use-library-data';
import { isFiltered, type LibraryFilter } from '../../library-filter';
import { rowUrl } from '../../library-rows';
import { markFirstPaint, markOnce, markSearchResults } from '../../perf';
import { describeError } from '../common/errors';
import { Empty, ErrorNotice, Loading } from '../common/Notice';
import { Filters } from './Filters';
import { LibraryRow, ROW_HEIGHT, rowLabel } from './LibraryRow';
import { VirtualList } from './VirtualList';

export const SEARCH_DEBOUNCE_MS = 80;

export function Library({
  filter,
  onFilterChange,
  colorLabels,
  announce,
}: {
  filter: LibraryFilter;
  onFilterChange: (patch: Partial<LibraryFilter>) => void;
  colorLabels: Partial<Record<Color, string>>;
  announce: (message: string) => void;
}) {
  const [text, setText] = useState(filter.q);
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const { data, rowAt, ensure, retry } = useLibraryData(filter);
  const commitQuery = useDebouncedCallback((q: string) => {
    // Only when the list will search anew (the trimmed query changes); otherwise nothing would take it.
    if (q.trim() !== filter.q.trim()) prefetchSearch(q, filter);
    onFilterChange({ q });
  }, SEARCH_DEBOUNCE_MS);

  // Filter choices and page titles are secondary: fetched once the list has its fresh rows (so they
  // do not compete with it in the worker); failures only cost labels.
  const listed = data.status !== 'loading' && !(data.status === 'ready' && data.cached);
  useEffect(() => {
    if (!listed) return;
    let live = true;
    void libraryClient.stats().then(r => live && r.ok && setStats(r.value));
    void libraryClient.listPages({ limit: 1000, sort: 'updated' }).then(r => {
      if (live && r.ok) setTitles(new Map(r.value.items.map(p => [p.url, p.title])));
    });
    return () => {
      live = false;
    };
  }, [listed]);

  useLayoutEffect(() => {
    if (data.status === 'loading') return;
    markFirstPaint('library');
    if (data.status === 'ready' && data.mode === 'list' && !data.cached) markOnce('gleaner:library-fresh');
    if (data.status === 'ready' && data.mode === 'search') markSearchResults(data.query);
  }, [data]);

  const open = useCallback(
    (i: number) => {
      const row = rowAt(i);
      if (!row) return;
      announce('Opening the page…');
      void openAndReveal(rowUrl(row), row.kind === 'annotation' ? row.id : null).then(r => {
        if (!r.ok) announce(describeError(r.error, 'open the page'));
        else if (row.kind === 'annotation' && !r.value.revealed)
          announce("The page opened, but the highlight couldn't be found on it.");
      });
    },
    [rowAt, announce],
  );

  let body;
  if (data.status === 'loading') body = <Loading>Loading your library…</Loading>;
  else if (data.status === 'error')
    body = <ErrorNotice onRetry={retry}>{describeError(data.error, 'load your library')}</ErrorNotice>;
  else if (data.count === 0)
    body = (
      <Empty>
        {data.mode === 'search' ? (
          <p>
            Nothing matches “{data.query}”. Try fewer or different words
            {isFiltered({ ...filter, q: '' }) ? ', or clear the filters' : ''}.
          </p>
        ) : isFiltered(filter) ? (
          <p>Nothing matches these filters.</p>
        ) : (
          <p>
            Your library is empty. Highlight passages on any page, or save a page from the “This page” tab,
            and they will appear here.
          </p>
        )}
      </Empty>
    );
  else
    body = (
      <VirtualList
        key={`${data.mode}:${filter.show}`}
        id="library-list"
        label={data.mode === 'search' ? `Search results for ${data.query}` : 'Your library'}
        count={data.count}
        rowHeight={ROW_HEIGHT}
        height={400}
        renderRow={i => {
          const row = rowAt(i);
          return (
            <LibraryRow row={row} title={row?.kind === 'annotation' ? titles.get(row.pageUrl) : undefined} />
          );
        }}
        rowLabel={i => rowLabel(rowAt(i))}
        onActivate={open}
        onRangeChange={ensure}
      />
    );

  return (
    <div class="library">
      <Filters
        filter={{ ...filter, q: text }}
        stats={stats}
        colorLabels={colorLabels}
        onQuery={q => {
          setText(q);
          commitQuery(q);
        }}
        onChange={onFilterChange}
      />
      <p class="count muted" role="status">
        {data.status === 'ready'
          ? data.mode === 'search'
            ? data.count >= SEARCH_LIMIT
              ? `The ${SEARCH_LIMIT} best results; add words to narrow it down`
              : `${data.count} result${data.count === 1 ? '' : 's'}`
            : `${data.count} ${filter.show === 'pages' ? 'page' : 'highlight'}${data.count === 1 ? '' : 's'}, newest first`
          : ''}
      </p>
      {body}
    </div>
  );
}
