/** Save the page's analysis snapshot; export this page (Markdown to the clipboard, the rest as files). */
import { useEffect, useState } from 'preact/hooks';
import type { PageAnalysis } from '../../../analysis/types';
import type { ExportFormat, PageInput } from '../../../shared/messages';
import type { PageRecord } from '../../../shared/types';
import { copyText, downloadFile, libraryClient } from '../../client';
import { describeError } from '../common/errors';
import { formatDate } from '../common/format';

export function pageInputOf(a: PageAnalysis): PageInput {
  return {
    url: a.url,
    title: a.meta.title ?? '',
    authors: a.meta.authors,
    published: a.meta.published,
    siteName: a.meta.siteName,
    lang: a.meta.lang,
    summary: a.summary,
    figures: a.figures,
    entities: a.entities,
  };
}

export function PageActions({
  analysis,
  announce,
}: {
  analysis: PageAnalysis;
  announce: (message: string) => void;
}) {
  const [record, setRecord] = useState<PageRecord | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void libraryClient.getPage(analysis.url).then(r => {
      if (live && r.ok) setRecord(r.value);
    });
    return () => {
      live = false;
    };
  }, [analysis.url]);

  const save = async () => {
    setBusy(true);
    const r = await libraryClient.savePage(pageInputOf(analysis));
    setBusy(false);
    if (!r.ok) return announce(describeError(r.error, 'save this page'));
    setRecord(r.value);
    announce('Page saved to your library.');
  };

  const exportAs = async (format: ExportFormat) => {
    setBusy(true);
    const r = await libraryClient.exportLibrary(format, { kind: 'page', url: analysis.url });
    setBusy(false);
    if (!r.ok) return announce(describeError(r.error, 'export this page'));
    if (format === 'markdown') {
      const c = await copyText(r.value.text);
      announce(
        c.ok
          ? `Copied this page's notes as Markdown (${r.value.count} item${r.value.count === 1 ? '' : 's'}).`
          : "Couldn't copy to the clipboard; try a download instead.",
      );
    } else {
      downloadFile(r.value);
      announce(`Downloading ${r.value.filename}.`);
    }
  };

  return (
    <div class="page-actions row" role="group" aria-label="Save or export this page">
      <button
        type="button"
        class="primary"
        disabled={busy}
        title={record ? `Saved ${formatDate(record.savedAt)}; click to update the saved copy` : undefined}
        onClick={() => void save()}
      >
        {record ? 'Saved ✓' : 'Save page'}
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('markdown')}>
        Copy Markdown
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('json')} aria-label="Download JSON">
        JSON
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('csv')} aria-label="Download CSV">
        CSV
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('html')} aria-label="Download HTML">
        HTML
      </button>
    </div>
  );
}
