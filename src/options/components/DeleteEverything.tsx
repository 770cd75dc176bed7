/**
 * Delete everything, in steps: ask, offer an export first (a JSON file of the whole library), then
 * delete on an explicit confirmation and report what was deleted.
 */
import { useState } from 'preact/hooks';
import { optionsClient } from '../client';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm'; exported: string | null; error: string | null }
  | { kind: 'busy' }
  | { kind: 'done'; pages: number; annotations: number }
  | { kind: 'error'; message: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function DeleteEverything() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const exportFirst = async () => {
    const r = await optionsClient.exportAll();
    if (!r.ok)
      return setStep({ kind: 'confirm', exported: null, error: `The export failed: ${r.error.message}` });
    optionsClient.download(r.value);
    setStep({
      kind: 'confirm',
      exported: `Saved ${plural(r.value.count, 'item')} to ${r.value.filename}.`,
      error: null,
    });
  };
  const remove = async () => {
    setStep({ kind: 'busy' });
    const r = await optionsClient.deleteAll();
    setStep(
      r.ok
        ? { kind: 'done', ...r.value }
        : { kind: 'error', message: `Nothing was deleted: ${r.error.message || r.error.code}.` },
    );
  };
  return (
    <section aria-labelledby="delete-h" class="danger-zone">
      <h2 id="delete-h">Delete everything</h2>
      <p class="help">Removes every saved page, highlight and note from this browser. Settings are kept.</p>
      {step.kind === 'idle' && (
        <button
          type="button"
          class="danger"
          onClick={() => setStep({ kind: 'confirm', exported: null, error: null })}
        >
          Delete everything…
        </button>
      )}
      {step.kind === 'confirm' && (
        <div class="confirm" role="group" aria-label="Confirm deleting everything">
          <p>
            <strong>This cannot be undone.</strong> Export your library first, so you can import it again
            later.
          </p>
          <div class="row">
            <button type="button" onClick={() => void exportFirst()}>
              Export everything (JSON)
            </button>
            <button type="button" class="danger" onClick={() => void remove()}>
              Delete everything now
            </button>
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
          {step.exported && <p role="status">{step.exported}</p>}
          {step.error && (
            <p class="error" role="alert">
              {step.error}
            </p>
          )}
        </div>
      )}
      {step.kind === 'busy' && <p role="status">Deleting…</p>}
      {step.kind === 'done' && (
        <p role="status">
          Deleted {plural(step.pages, 'page')} and {plural(step.annotations, 'highlight')}.
        </p>
      )}
      {step.kind === 'error' && (
        <p class="error" role="alert">
          {step.message}
        </p>
      )}
    </section>
  );
}
