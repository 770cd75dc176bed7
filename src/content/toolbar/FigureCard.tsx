/** The card of a key-figure mark: what the analysis understood, and Pin to keep it as an annotation. */
import type { Approx, Figure } from '../../analysis/types';
import { Floating, trusted } from './Floating';
import type { Box } from './position';

export interface FigureCardProps {
  figure: Figure;
  boxes: Box[];
  pinned: boolean;
  onPin: () => void;
  onClose: () => void;
}

const APPROX: Record<Approx, string> = {
  eq: 'exact',
  approx: 'approximately',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
};

export function formatValue(value: Figure['value']): string {
  const num = (n: number) =>
    Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(n);
  if (typeof value === 'number') return num(value);
  if (Array.isArray(value)) return `${num(value[0])} – ${num(value[1])}`;
  return String(value);
}

export function FigureCard(p: FigureCardProps) {
  const f = p.figure;
  return (
    <Floating
      boxes={p.boxes}
      class="card"
      role="dialog"
      label="Gleaner key figure"
      onKeyDown={e => {
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onClose();
        }
      }}
    >
      <header>
        <span>Key figure</span>
        <button type="button" aria-label="Close" onClick={trusted(p.onClose)}>
          ×
        </button>
      </header>
      <dl>
        <dt>Kind</dt>
        <dd>{f.kind}</dd>
        <dt>Value</dt>
        <dd>
          {formatValue(f.value)}
          {f.unit ? ` ${f.unit}` : ''}
        </dd>
        <dt>Precision</dt>
        <dd>{APPROX[f.approx] ?? f.approx}</dd>
        {f.counted ? (
          <>
            <dt>Counted</dt>
            <dd>{f.counted}</dd>
          </>
        ) : null}
      </dl>
      <div class="actions">
        <span />
        <button type="button" class="primary" disabled={p.pinned} onClick={trusted(p.onPin)}>
          {p.pinned ? 'Pinned' : 'Pin'}
        </button>
      </div>
    </Floating>
  );
}
