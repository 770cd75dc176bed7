/**
 * One highlight with its note and tags, editable in place: changes are saved when the field loses
 * focus (or on Ctrl/Cmd+Enter in the note). The quote is page text and is rendered as text.
 */
import { useState } from 'preact/hooks';
import type { AnnotationPatch } from '../../../shared/messages';
import { COLORS, type Annotation, type Color } from '../../../shared/types';
import { quoteOf } from '../../../shared/rows';
import { parseTags } from '../common/format';

export function AnnotationItem({
  annotation: a,
  colorLabels,
  onSave,
  onDelete,
  onReveal,
}: {
  annotation: Annotation;
  colorLabels: Partial<Record<Color, string>>;
  onSave: (patch: AnnotationPatch) => Promise<boolean>;
  onDelete: () => void;
  onReveal?: () => void;
}) {
  const [note, setNote] = useState(a.note);
  const [tags, setTags] = useState(a.tags.join(', '));
  // Follow the saved values when they change (a save elsewhere, an undo), never on mount: an effect
  // would run after the first keystroke and throw it away.
  const [saved, setSaved] = useState({ note: a.note, tags: a.tags.join(', ') });
  if (saved.note !== a.note || saved.tags !== a.tags.join(', ')) {
    setSaved({ note: a.note, tags: a.tags.join(', ') });
    if (saved.note !== a.note) setNote(a.note);
    if (saved.tags !== a.tags.join(', ')) setTags(a.tags.join(', '));
  }
  const quote = quoteOf(a);
  const saveNote = () => {
    if (note !== a.note) void onSave({ id: a.id, note });
  };
  const saveTags = () => {
    const next = parseTags(tags);
    if (next.join('\n') !== a.tags.join('\n')) void onSave({ id: a.id, tags: next });
    else setTags(a.tags.join(', '));
  };
  const label = quote ? `Highlight: ${quote.slice(0, 60)}` : 'Page note';
  return (
    <li class={`annotation color-${a.color}`} role="listitem" aria-label={label}>
      {quote ? (
        onReveal ? (
          <button type="button" class="quote" onClick={onReveal} title="Show on the page">
            {quote}
          </button>
        ) : (
          <blockquote class="quote">{quote}</blockquote>
        )
      ) : (
        <p class="quote muted">Note on the whole page</p>
      )}
      <label class="field">
        <span class="sr-only">Note</span>
        <textarea
          rows={2}
          placeholder="Add a note…"
          value={note}
          onInput={e => setNote(e.currentTarget.value)}
          onBlur={saveNote}
          onKeyDown={e => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              saveNote();
            }
          }}
        />
      </label>
      <div class="annotation-row">
        <label class="field tags-field">
          <span class="sr-only">Tags, separated by commas</span>
          <input
            type="text"
            placeholder="tags, comma separated"
            value={tags}
            onInput={e => setTags(e.currentTarget.value)}
            onBlur={saveTags}
            onKeyDown={e => {
              if (e.key === 'Enter') {
                e.preventDefault();
                saveTags();
              }
            }}
          />
        </label>
        <label class="field">
          <span class="sr-only">Colour</span>
          <select
            value={a.color}
            onChange={e => void onSave({ id: a.id, color: e.currentTarget.value as Color })}
          >
            {COLORS.map(c => (
              <option key={c} value={c}>
                {colorLabels[c] ? `${c}: ${colorLabels[c]}` : c}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="link danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
