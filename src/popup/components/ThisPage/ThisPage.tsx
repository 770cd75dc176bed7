/**
 * The "This page" tab: what the analysis found on the current tab and the user's highlights there.
 * Renders the first meaningful paint of the popup (the header), marked for the benchmark.
 */
import type { Color } from '../../../shared/types';
import type { PageState } from '../../hooks/use-page-analysis';
import { pageClient } from '../../client';
import { describeError } from '../common/errors';
import { ErrorNotice, Loading } from '../common/Notice';
import { EntitiesList } from './EntitiesList';
import { FiguresTable } from './FiguresTable';
import { Highlights } from './Highlights';
import { PageActions } from './PageActions';
import { PageHeader } from './PageHeader';

export function ThisPage({
  state,
  retry,
  colorLabels,
  announce,
  onOpenLibrary,
}: {
  state: PageState;
  retry: () => void;
  colorLabels: Partial<Record<Color, string>>;
  announce: (message: string) => void;
  onOpenLibrary: () => void;
}) {
  if (state.kind === 'loading') return <Loading>Reading this page…</Loading>;
  if (state.kind === 'unreadable')
    return (
      <div class="notice notice-empty">
        <p>{state.reason}</p>
        <button type="button" onClick={onOpenLibrary}>
          Open your library
        </button>
      </div>
    );
  if (state.kind === 'error') return <ErrorNotice onRetry={retry}>{state.message}</ErrorNotice>;

  const { analysis, tabId } = state;
  const reveal = async (index: number) => {
    const r = await pageClient.revealFigure(tabId, index);
    if (!r.ok) announce(describeError(r.error, 'show the figure on the page'));
    else if (!r.value) announce("That figure couldn't be found on the page any more.");
  };
  return (
    <div class="this-page">
      <PageHeader analysis={analysis} />
      <PageActions analysis={analysis} announce={announce} />
      {analysis.summary.length > 0 && (
        <section aria-labelledby="summary-h">
          <h3 id="summary-h">Summary</h3>
          <ul class="summary">
            {analysis.summary.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      {(analysis.isArticle || analysis.figures.some(f => f.key)) && (
        <>
          <section aria-labelledby="figures-h">
            <h3 id="figures-h">Key figures</h3>
            <FiguresTable figures={analysis.figures} onReveal={i => void reveal(i)} />
          </section>
          <section aria-labelledby="people-h">
            <h3 id="people-h">People and organisations</h3>
            <EntitiesList entities={analysis.entities} />
          </section>
        </>
      )}
      <section aria-labelledby="highlights-h">
        <h3 id="highlights-h">Your highlights</h3>
        <Highlights tabId={tabId} url={analysis.url} colorLabels={colorLabels} announce={announce} />
      </section>
    </div>
  );
}
