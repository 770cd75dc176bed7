/**
 * The card of one highlight: colour, note and tags, Save and Delete. Closing with unsaved changes saves
 * them (a note is never dropped because the user clicked elsewhere). Notes and tags are rendered only here,
 * inside the closed shadow root, as Preact text.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { COLORS, type Annotation, type Color } from '../../shared/types';
import { Floating, trusted } from './Floating';
import type { Box } from './position';
import { colorName } from './SelectionToolbar';

export interface CardDraft {
  note: string;
  tags: string[];
  color: Color;
}

export interface HighlightCardProps {
  annotation: Annotation;
  boxes: Box[];
  labels: Record<Color, string>;
  focus: 'note' | 'tags' | null;
  /** An error from the last save, shown in the card (the draft stays). */
  status: string;
  onSave: (draft: CardDraft) => void;
  onDelete: () => void;
  onClose: (draft: CardDraft | null) => void;
  /** Lets the owner read the unsaved changes when the card is closed from outside (a click elsewhere). */
  draftRef?: { current: (() => CardDraft | null) | null } | undefined;
}

export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, 100);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out.slice(0, 100);
}

export function HighlightCard(p: HighlightCardProps) {
  const a = p.annotation;
  const [note, setNote] = useState(a.note);
  const [tagText, setTagText] = useState(a.tags.join(', '));
  const [color, setColor] = useState<Color>(a.color);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);

  // A layout effect runs inside render(), so focus lands before the next keystroke is dispatched: with
  // useEffect (deferred to the next frame) a user who types right after "Tag" lost the first letter.
  useLayoutEffect(() => {
    const target =
      p.focus === 'note' ? noteRef.current : p.focus === 'tags' ? tagRef.current : firstRef.current;
    target?.focus({ preventScroll: true });
    // Focus once, when the card opens for this annotation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a.id]);

  const draft = (): CardDraft => ({ note, tags: parseTags(tagText), color });
  const dirty = () => {
    const d = draft();
    return d.note !== a.note || d.color !== a.color || d.tags.join('\u0000') !== a.tags.join('\u0000');
  };
  if (p.draftRef) p.draftRef.current = () => (dirty() ? draft() : null);
  const quote = a.target.selector.find(s => s.type === 'TextQuoteSelector');

  return (
    <Floating
      boxes={p.boxes}
      class="card"
      role="dialog"
      label="Gleaner highlight"
      onKeyDown={e => {
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onClose(dirty() ? draft() : null);
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          p.onSave(draft());
        }
      }}
    >
      <header>
        <span>{a.kind === 'figure' ? 'Pinned figure' : 'Highlight'}</span>
        <button type="button" aria-label="Close" onClick={trusted(() => p.onClose(dirty() ? draft() : null))}>
          ×
        </button>
      </header>
      {quote && quote.type === 'TextQuoteSelector' ? (
        <div class="quote">“{quote.exact.slice(0, 300)}”</div>
      ) : null}
      <div class="row" role="radiogroup" aria-label="Colour">
        {COLORS.map((c, i) => (
          <button
            key={c}
            ref={i === 0 ? firstRef : undefined}
            type="button"
            class="swatch"
            role="radio"
            aria-checked={c === color}
            aria-pressed={c === color}
            aria-label={colorName(c, p.labels)}
            title={colorName(c, p.labels)}
            onClick={trusted(() => setColor(c))}
          >
            <span class={`c-${c}`} />
          </button>
        ))}
      </div>
      <label>
        Note
        <textarea
          ref={noteRef}
          value={note}
          maxLength={100_000}
          onInput={e => setNote(e.currentTarget.value)}
        />
      </label>
      <label>
        Tags (comma-separated)
        <input ref={tagRef} value={tagText} onInput={e => setTagText(e.currentTarget.value)} />
      </label>
      {p.status ? (
        <div class="status" role="alert">
          {p.status}
        </div>
      ) : null}
      <div class="actions">
        <button type="button" class="danger" onClick={trusted(p.onDelete)}>
          Delete
        </button>
        <button type="button" class="primary" onClick={trusted(() => p.onSave(draft()))}>
          Save
        </button>
      </div>
    </Floating>
  );
}
