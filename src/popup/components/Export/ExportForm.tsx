/** Export Markdown, JSON (W3C Web Annotation), CSV or HTML for this page, the current filter or everything. */
import { useState } from 'preact/hooks';
import type { ExportFormat, ExportScope } from '../../../shared/messages';
import { copyText, downloadFile, libraryClient } from '../../client';
import { isFiltered, toExportScope, type LibraryFilter } from '../../library-filter';
import { describeError } from '../common/errors';

const FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'markdown', label: 'Markdown' },
  { id: 'json', label: 'JSON (W3C Web Annotation)' },
  { id: 'csv', label: 'CSV (spreadsheet)' },
  { id: 'html', label: 'HTML' },
];

type ScopeId = 'page' | 'filter' | 'all';

export function ExportForm({
  pageUrl,
  filter,
  announce,
}: {
  pageUrl: string | null;
  filter: LibraryFilter;
  announce: (message: string) => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scopeId, setScopeId] = useState<ScopeId>(pageUrl ? 'page' : 'all');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const scope = (): ExportScope =>
    scopeId === 'page' && pageUrl
      ? { kind: 'page', url: pageUrl }
      : scopeId === 'filter'
        ? toExportScope(filter)
        : { kind: 'all' };

  const run = async (how: 'download' | 'copy') => {
    setBusy(true);
    setResult(null);
    const r = await libraryClient.exportLibrary(format, scope());
    setBusy(false);
    if (!r.ok) return setResult({ ok: false, text: describeError(r.error, 'export') });
    const n = `${r.value.count} item${r.value.count === 1 ? '' : 's'}`;
    if (how === 'copy') {
      const c = await copyText(r.value.text);
      setResult(
        c.ok
          ? { ok: true, text: `Copied ${n} to the clipboard.` }
          : { ok: false, text: "Couldn't copy to the clipboard; download the file instead." },
      );
    } else {
      downloadFile(r.value);
      setResult({ ok: true, text: `Exported ${n} to ${r.value.filename}.` });
    }
    announce(how === 'copy' ? 'Copied.' : 'Export ready.');
  };

  return (
    <form
      class="export-form"
      onSubmit={e => {
        e.preventDefault();
        void run('download');
      }}
    >
      <fieldset>
        <legend>Format</legend>
        {FORMATS.map(f => (
          <label key={f.id} class="choice">
            <input
              type="radio"
              name="format"
              value={f.id}
              checked={format === f.id}
              onChange={() => setFormat(f.id)}
            />{' '}
            {f.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>What</legend>
        <label class="choice">
          <input
            type="radio"
            name="scope"
            value="page"
            disabled={!pageUrl}
            checked={scopeId === 'page'}
            onChange={() => setScopeId('page')}
          />{' '}
          This page{!pageUrl && <span class="muted"> (not available here)</span>}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="scope"
            value="filter"
            checked={scopeId === 'filter'}
            onChange={() => setScopeId('filter')}
          />{' '}
          The library's current search and filters
          {!isFiltered(filter) && <span class="muted"> (none set: everything)</span>}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="scope"
            value="all"
            checked={scopeId === 'all'}
            onChange={() => setScopeId('all')}
          />{' '}
          Everything
        </label>
      </fieldset>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Download
        </button>
        {format === 'markdown' && (
          <button type="button" disabled={busy} onClick={() => void run('copy')}>
            Copy to clipboard
          </button>
        )}
      </div>
      {result && (
        <p class={result.ok ? 'ok' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </form>
  );
}
