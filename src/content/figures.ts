/**
 * Key-figure marks: the analysis' key figures drawn with the `figure` style (a dotted underline), on article
 * pages when the setting is on. They are display only; pinning one (from its card) makes an annotation.
 */
import type { Figure, TextMap } from '../analysis/types';
import type { Highlighter } from './highlighter';

const KEY = 'f:';

export class FigureMarks {
  private figures: Figure[] = [];
  private readonly ranges = new Map<number, Range>();

  constructor(private readonly highlighter: Highlighter) {}

  get shown(): boolean {
    return this.ranges.size > 0;
  }

  /** Mark the key figures (`figure.key`); returns how many could be placed. */
  show(figures: Figure[], textMap: TextMap): number {
    this.clear();
    this.figures = figures;
    figures.forEach((f, i) => {
      if (!f.key) return;
      const range = textMap.toRange(f.start, f.end);
      if (!range || range.collapsed) return;
      this.ranges.set(i, range);
      this.highlighter.set(KEY + i, range, 'figure');
    });
    return this.ranges.size;
  }

  clear(): void {
    for (const i of this.ranges.keys()) this.highlighter.remove(KEY + i);
    this.ranges.clear();
    this.figures = [];
  }

  /** True when a mark lost its text (the page re-rendered it): the caller re-analyses. */
  stale(): boolean {
    for (const r of this.ranges.values()) if (r.collapsed || !r.startContainer.isConnected) return true;
    return false;
  }

  *entries(): Generator<readonly [string, Range]> {
    for (const [i, r] of this.ranges) yield [String(i), r] as const;
  }

  figure(key: string): { figure: Figure; range: Range } | null {
    const i = Number(key);
    const figure = this.figures[i];
    const range = this.ranges.get(i);
    return figure && range ? { figure, range } : null;
  }
}
