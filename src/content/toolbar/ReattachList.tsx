/**
 * Re-attaching orphans: the highlights of this page that lost their place, listed by their quote; picking
 * one moves it onto the current selection.
 */
import { Floating, trusted } from './Floating';
import type { Box } from './position';

export interface OrphanItem {
  id: string;
  quote: string;
  note: string;
}

export interface ReattachListProps {
  boxes: Box[];
  items: OrphanItem[];
  onPick: (id: string) => void;
  onClose: () => void;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ReattachList(p: ReattachListProps) {
  return (
    <Floating
      boxes={p.boxes}
      class="card"
      role="dialog"
      label="Re-attach a highlight to the selection"
      keepSelection
      onKeyDown={e => {
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onClose();
        }
      }}
    >
      <header>
        <span>Re-attach to the selection</span>
        <button type="button" aria-label="Close" onClick={trusted(p.onClose)}>
          ×
        </button>
      </header>
      <ul class="orphans">
        {p.items.map((o, i) => (
          <li key={o.id}>
            <button type="button" autoFocus={i === 0} onClick={trusted(() => p.onPick(o.id))}>
              <span class="quote">“{clip(o.quote, 120)}”</span>
              {o.note ? <span class="sub">{clip(o.note, 80)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </Floating>
  );
}
