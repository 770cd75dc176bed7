/**
 * The selection toolbar: five colours, Note, Tag and Copy quote. A WAI-ARIA toolbar: one Tab stop, arrow
 * keys move between buttons, Escape closes. Pressing it does not clear the page's selection.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { COLORS, type Color } from '../../shared/types';
import { Floating, trusted } from './Floating';
import type { Box } from './position';

export interface SelectionToolbarProps {
  boxes: Box[];
  labels: Record<Color, string>;
  onColor: (color: Color) => void;
  onNote: () => void;
  onTag: () => void;
  onCopy: () => void;
  onClose: () => void;
  /** Highlights of this page that lost their place: offer to re-attach one to this selection. */
  orphans: number;
  onReattach: () => void;
}

export function colorName(color: Color, labels: Record<Color, string>): string {
  const label = labels[color]?.trim();
  return label ? `${color}: ${label}` : color;
}

function moveFocus(e: TargetedKeyboardEvent<HTMLDivElement>, onClose: () => void) {
  const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
  const root = e.currentTarget.getRootNode() as ShadowRoot | Document;
  const at = buttons.indexOf(root.activeElement as HTMLButtonElement);
  let next = -1;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (at + 1) % buttons.length;
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (at - 1 + buttons.length) % buttons.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = buttons.length - 1;
  else if (e.key === 'Escape') {
    e.preventDefault();
    onClose();
    return;
  }
  if (next < 0) return;
  e.preventDefault();
  buttons[next]?.focus();
}

export function SelectionToolbar(p: SelectionToolbarProps) {
  return (
    <Floating
      boxes={p.boxes}
      class="toolbar"
      role="toolbar"
      label="Gleaner: highlight the selection"
      keepSelection
      onKeyDown={e => moveFocus(e, p.onClose)}
    >
      {COLORS.map((c, i) => (
        <button
          key={c}
          type="button"
          class="swatch"
          tabIndex={i === 0 ? 0 : -1}
          title={`Highlight ${colorName(c, p.labels)}`}
          aria-label={`Highlight ${colorName(c, p.labels)}`}
          data-color={c}
          onClick={trusted(() => p.onColor(c))}
        >
          <span class={`c-${c}`} />
        </button>
      ))}
      <span class="sep" />
      <button type="button" tabIndex={-1} onClick={trusted(p.onNote)}>
        Note
      </button>
      <button type="button" tabIndex={-1} onClick={trusted(p.onTag)}>
        Tag
      </button>
      <button type="button" tabIndex={-1} onClick={trusted(p.onCopy)}>
        Copy quote
      </button>
      {p.orphans > 0 ? (
        <button type="button" tabIndex={-1} onClick={trusted(p.onReattach)}>
          Re-attach ({p.orphans})
        </button>
      ) : null}
    </Floating>
  );
}
