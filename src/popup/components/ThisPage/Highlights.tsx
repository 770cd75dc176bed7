/**
 * The user's highlights on this page in document order (TextPositionSelector start), editable in
 * place, then the orphans (passages the page no longer contains) with how to re-attach them.
 * Deleting offers undo through restoreAnnotation.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AnnotationPatch } from '../../../shared/messages';
import type { Annotation, Color } from '../../../shared/types';
import { libraryClient, pageClient } from '../../client';
import { describeError } from '../common/errors';
import { Empty, ErrorNotice, Loading } from '../common/Notice';
import { AnnotationItem } from './AnnotationItem';

const positionOf = (a: Annotation) => {
  const p = a.target.selector.find(s => s.type === 'TextPositionSelector');
  return p && p.type === 'TextPositionSelector' ? p.start : Number.MAX_SAFE_INTEGER;
};

export function byDocumentOrder(list: readonly Annotation[]): Annotation[] {
  return [...list].sort((a, b) => positionOf(a) - positionOf(b) || a.created.localeCompare(b.created));
}

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; items: Annotation[] };

export function Highlights({
  tabId,
  url,
  colorLabels,
  announce,
}: {
  tabId: number;
  url: string;
  colorLabels: Partial<Record<Color, string>>;
  announce: (message: string) => void;
}) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void libraryClient.annotationsForPage(url).then(r => {
      if (!live) return;
      setLoad(
        r.ok
          ? { kind: 'ready', items: r.value }
          : { kind: 'error', message: describeError(r.error, 'load your highlights') },
      );
    });
    return () => {
      live = false;
    };
  }, [url, attempt]);

  const replace = (next: Annotation) =>
    setLoad(l => (l.kind === 'ready' ? { ...l, items: l.items.map(a => (a.id === next.id ? next : a)) } : l));

  const save = useCallback(
    async (patch: AnnotationPatch) => {
      const r = await libraryClient.updateAnnotation(patch);
      if (!r.ok) {
        announce(describeError(r.error, 'save the change'));
        return false;
      }
      replace(r.value);
      announce('Saved.');
      void pageClient.annotationsChanged(tabId);
      return true;
    },
    [announce, tabId],
  );

  const remove = async (a: Annotation) => {
    const r = await libraryClient.deleteAnnotation(a.id);
    if (!r.ok) return announce(describeError(r.error, 'delete the highlight'));
    setLoad(l => (l.kind === 'ready' ? { ...l, items: l.items.filter(x => x.id !== a.id) } : l));
    setDeleted(r.value);
    announce('Highlight deleted.');
    void pageClient.annotationsChanged(tabId);
  };

  const undo = async () => {
    if (!deleted) return;
    const r = await libraryClient.restoreAnnotation(deleted);
    if (!r.ok) return announce(describeError(r.error, 'restore the highlight'));
    setLoad(l => (l.kind === 'ready' ? { ...l, items: [...l.items, r.value] } : l));
    setDeleted(null);
    announce('Highlight restored.');
    void pageClient.annotationsChanged(tabId);
  };

  if (load.kind === 'loading') return <Loading>Loading your highlights…</Loading>;
  if (load.kind === 'error')
    return <ErrorNotice onRetry={() => setAttempt(n => n + 1)}>{load.message}</ErrorNotice>;

  const anchored = byDocumentOrder(load.items.filter(a => !a.orphaned));
  const orphans = byDocumentOrder(load.items.filter(a => a.orphaned));
  const item = (a: Annotation, reveal: boolean) => (
    <AnnotationItem
      key={a.id}
      annotation={a}
      colorLabels={colorLabels}
      onSave={save}
      onDelete={() => void remove(a)}
      onReveal={reveal ? () => void pageClient.revealAnnotation(tabId, a.id) : undefined}
    />
  );
  return (
    <>
      {deleted && (
        <p class="undo-bar">
          Highlight deleted.{' '}
          <button type="button" class="link" onClick={() => void undo()}>
            Undo
          </button>
        </p>
      )}
      {anchored.length === 0 && orphans.length === 0 ? (
        <Empty>
          <p>No highlights on this page yet. Select text on the page and choose a colour to keep it.</p>
        </Empty>
      ) : (
        <ul class="annotations" role="list" aria-label="Your highlights on this page">
          {anchored.map(a => item(a, true))}
        </ul>
      )}
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-h">
          <h3 id="orphans-h">Not found on the page ({orphans.length})</h3>
          <p class="muted">
            The page has changed and these passages could not be found again. To re-attach one, select the
            passage on the page, highlight it again and copy the note across, then delete the old one here.
          </p>
          <ul class="annotations" role="list" aria-label="Highlights not found on the page">
            {orphans.map(a => item(a, false))}
          </ul>
        </section>
      )}
    </>
  );
}
