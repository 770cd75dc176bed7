import type { Figure } from '../../../analysis/types';

export const FALLBACK_FIGURES = 5;

/**
 * The key figures in text order; when the analysis marks none as key, the best-scored few (in text
 * order) so the reader still sees the numbers. `index` is the position in PageAnalysis.figures.
 */
export function figureRows(figures: readonly Figure[]): {
  rows: { f: Figure; index: number }[];
  fallback: boolean;
} {
  const all = figures.map((f, index) => ({ f, index }));
  const key = all.filter(r => r.f.key);
  if (key.length > 0 || all.length === 0) return { rows: key, fallback: false };
  const top = [...all].sort((a, b) => b.f.score - a.f.score).slice(0, FALLBACK_FIGURES);
  return { rows: top.sort((a, b) => a.f.start - b.f.start), fallback: true };
}
