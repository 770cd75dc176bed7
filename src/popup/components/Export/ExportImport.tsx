/** The "Export and import" tab. */
import type { LibraryFilter } from '../../library-filter';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';

export function ExportImport({
  pageUrl,
  filter,
  announce,
}: {
  pageUrl: string | null;
  filter: LibraryFilter;
  announce: (message: string) => void;
}) {
  return (
    <div class="export-import">
      <section aria-labelledby="export-h">
        <h2 id="export-h">Export</h2>
        <ExportForm pageUrl={pageUrl} filter={filter} announce={announce} />
      </section>
      <section aria-labelledby="import-h">
        <h2 id="import-h">Import</h2>
        <p class="muted">Bring back a Gleaner export, for instance from another browser or computer.</p>
        <ImportForm onImported={r => announce(`Import finished: ${r.added} added.`)} />
      </section>
    </div>
  );
}
