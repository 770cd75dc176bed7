/**
 * The key figures as a compact table. Each row is a button-like cell: activating it asks the page to
 * scroll to the figure and flash it. Indexes are into PageAnalysis.figures (what revealFigure takes).
 */
import type { Figure } from '../../../analysis/types';
import { formatFigure } from '../common/format';
import { figureRows } from './figure-rows';

export function FiguresTable({
  figures,
  onReveal,
}: {
  figures: readonly Figure[];
  onReveal: (index: number) => void;
}) {
  const { rows, fallback } = figureRows(figures);
  if (rows.length === 0) return <p class="muted">No figures found on this page.</p>;
  return (
    <>
      {fallback && <p class="muted small">No figure stands out; these are the ones found.</p>}
      <table class="figures">
        <caption class="sr-only">Key figures; activate one to show it on the page</caption>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">What</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ f, index }) => (
            <tr key={index}>
              <td>
                <button
                  type="button"
                  class="figure-value"
                  title={`${f.sentence}\n\nShow on the page`}
                  onClick={() => onReveal(index)}
                >
                  {formatFigure(f)}
                </button>
              </td>
              <td class="counted">{f.counted || f.text}</td>
              <td class="kind">{f.kind}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
