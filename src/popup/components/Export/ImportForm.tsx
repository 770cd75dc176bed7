/**
 * Import a JSON file (Gleaner / W3C Web Annotation, or a Hypothesis export). The size is checked
 * before the file is read, so a huge file fails at once with a clear message instead of freezing
 * the popup. The report (added, updated, skipped) or the error is shown in plain words.
 */
import { useRef, useState } from 'preact/hooks';
import type { ImportFormat, ImportReport } from '../../../shared/messages';
import { libraryClient } from '../../client';
import { describeError } from '../common/errors';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string }
  | { kind: 'done'; name: string; report: ImportReport }
  | { kind: 'error'; message: string };

export function ImportForm({ onImported }: { onImported?: (report: ImportReport) => void }) {
  const [format, setFormat] = useState<ImportFormat>('json');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES)
      return setState({
        kind: 'error',
        message: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(0)} MB; Gleaner imports files up to 50 MB. Split the export, or export less.`,
      });
    setState({ kind: 'busy', name: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setState({ kind: 'error', message: `Couldn't read “${file.name}”.` });
    }
    const r = await libraryClient.importLibrary(text, format);
    if (!r.ok) return setState({ kind: 'error', message: describeError(r.error, `import “${file.name}”`) });
    setState({ kind: 'done', name: file.name, report: r.value });
    onImported?.(r.value);
    if (input.current) input.current.value = '';
  };

  return (
    <div class="import-form">
      <label class="field">
        Kind of file{' '}
        <select value={format} onChange={e => setFormat(e.currentTarget.value as ImportFormat)}>
          <option value="json">Gleaner or W3C Web Annotation JSON</option>
          <option value="hypothesis">Hypothesis JSON export</option>
        </select>
      </label>
      <label class="field">
        File{' '}
        <input
          ref={input}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={state.kind === 'busy'}
          onChange={e => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
          }}
        />
      </label>
      {state.kind === 'busy' && <p role="status">Importing “{state.name}”…</p>}
      {state.kind === 'done' && (
        <p class="ok" role="status">
          Imported “{state.name}”: {state.report.added} added, {state.report.updated} updated,{' '}
          {state.report.skipped} skipped ({state.report.pages} page{state.report.pages === 1 ? '' : 's'}).
        </p>
      )}
      {state.kind === 'error' && (
        <p class="error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
