/**
 * The popup: three tabs (This page, Library, Export and import) and one polite live region for
 * short confirmations. The library filter lives here because Export offers "the current filter".
 * `?view=page|library|export` picks the first tab (tests, benchmark); otherwise "This page", or the
 * Library when the page cannot be read.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Color } from '../../shared/types';
import { libraryClient } from '../client';
import { usePageAnalysis } from '../hooks/use-page-analysis';
import { EMPTY_FILTER, type LibraryFilter } from '../library-filter';
import { markFirstPaint } from '../perf';
import { tabpanelProps, Tabs } from './common/Tabs';
import { ExportImport } from './Export/ExportImport';
import { Library } from './Library/Library';
import { ThisPage } from './ThisPage/ThisPage';

type View = 'page' | 'library' | 'export';
const TABS = [
  { id: 'page', label: 'This page' },
  { id: 'library', label: 'Library' },
  { id: 'export', label: 'Export and import' },
] as const;

function initialView(search: string): View | null {
  const v = new URLSearchParams(search).get('view');
  return v === 'page' || v === 'library' || v === 'export' ? v : null;
}

export function App({ search = location.search }: { search?: string }) {
  const requested = useRef(initialView(search));
  const [view, setView] = useState<View>(requested.current ?? 'page');
  const [filter, setFilter] = useState<LibraryFilter>(EMPTY_FILTER);
  const [message, setMessage] = useState('');
  const [colorLabels, setColorLabels] = useState<Partial<Record<Color, string>>>({});
  const { state, retry } = usePageAnalysis();

  useEffect(() => {
    void libraryClient.settings().then(s => setColorLabels(s.colorLabels));
  }, []);

  // A page Gleaner cannot read has nothing to show under "This page": go to the library instead.
  useEffect(() => {
    if (state.kind === 'unreadable' && requested.current === null) setView('library');
  }, [state.kind]);

  useLayoutEffect(() => {
    if (view === 'page' && state.kind !== 'loading') markFirstPaint('page');
    if (view === 'export') markFirstPaint('export');
  }, [view, state.kind]);

  const announce = useCallback((m: string) => {
    // Re-announce an identical message: clear first, set on the next task.
    setMessage('');
    setTimeout(() => setMessage(m), 0);
  }, []);
  const onFilterChange = useCallback(
    (patch: Partial<LibraryFilter>) => setFilter(f => ({ ...f, ...patch })),
    [],
  );

  return (
    <div class="popup">
      <header class="bar">
        <h1>Gleaner</h1>
        <Tabs tabs={TABS} selected={view} onSelect={setView} label="Gleaner views" />
      </header>
      <div class={`panel panel-${view}`} {...tabpanelProps(view)}>
        {view === 'page' && (
          <ThisPage
            state={state}
            retry={retry}
            colorLabels={colorLabels}
            announce={announce}
            onOpenLibrary={() => setView('library')}
          />
        )}
        {view === 'library' && (
          <Library
            filter={filter}
            onFilterChange={onFilterChange}
            colorLabels={colorLabels}
            announce={announce}
          />
        )}
        {view === 'export' && (
          <ExportImport
            pageUrl={state.kind === 'ready' ? state.analysis.url : null}
            filter={filter}
            announce={announce}
          />
        )}
      </div>
      <p class="toast" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
