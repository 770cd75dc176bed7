/** Non-blocking messages (errors with Retry, "Deleted · Undo"): a polite live region in a corner. */
import type { Notice } from '../api';
import { trusted } from './Floating';

export interface ShownNotice extends Notice {
  id: number;
}

export function Notices(p: { notices: ShownNotice[]; onDismiss: (id: number) => void }) {
  if (!p.notices.length) return null;
  return (
    <div class="notices" role="status" aria-live="polite">
      {p.notices.map(n => (
        <div key={n.id} class={`panel notice ${n.kind}`}>
          <p>{n.text}</p>
          {n.action ? (
            <button
              type="button"
              class="primary"
              onClick={trusted(() => {
                p.onDismiss(n.id);
                n.action?.run();
              })}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss" onClick={trusted(() => p.onDismiss(n.id))}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
