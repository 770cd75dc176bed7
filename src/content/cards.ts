/**
 * The cards: a highlight's card (note, tags, colour, delete with undo) and a key figure's card (hover or
 * click; Pin makes it an annotation). Opened by hit-testing clicks and hovers against the drawn ranges.
 */
import type { Color } from '../shared/types';
import type { FigureMarks } from './figures';
import type { Highlights } from './highlights';
import { caretFromPoint, hitTest } from './hit-test';
import type { CardDraft } from './toolbar/HighlightCard';
import { rangeBoxes } from './toolbar/position';
import type { PageUi } from './ui';

export class Cards {
  private cardRange: Range | null = null;
  private figureKey: string | null = null;
  /** The figure card was opened by hovering (it closes when the pointer leaves), not by a click. */
  private figureByHover = false;

  constructor(
    private readonly doc: Document,
    private readonly ui: PageUi,
    private readonly highlights: Highlights,
    private readonly figures: FigureMarks,
    private readonly defaultColor: () => Color,
  ) {}

  /** A click at (x, y): open the card of the highlight or key figure under it. True when one opened. */
  onClickAt(x: number, y: number): boolean {
    const caret = caretFromPoint(this.doc, x, y);
    const hit = hitTest(this.highlights.ranges(), caret, x, y)[0];
    if (hit) {
      this.openCard(hit, null);
      return true;
    }
    const fig = this.figures.shown ? hitTest(this.figures.entries(), caret, x, y)[0] : undefined;
    if (fig) {
      this.openFigure(fig);
      this.figureByHover = false;
      return true;
    }
    return false;
  }

  /** Hover over a key figure opens its card; leaving it closes a card opened by hover. */
  onHoverAt(x: number, y: number): void {
    if (!this.figures.shown || this.ui.state.card || this.ui.state.toolbar || this.ui.state.reattach) return;
    const fig = hitTest(this.figures.entries(), caretFromPoint(this.doc, x, y), x, y)[0];
    if (fig && fig !== this.figureKey) {
      this.openFigure(fig);
      this.figureByHover = true;
    } else if (!fig && this.figureByHover) this.closeFigure();
  }

  openCard(id: string, focus: 'note' | 'tags' | null): void {
    const e = this.highlights.entries.get(id);
    if (!e) return;
    this.cardRange = e.range;
    this.ui.update({
      card: { annotation: e.annotation, boxes: e.range ? rangeBoxes(e.range) : [], focus, status: '' },
      figure: null,
    });
  }

  async saveCard(draft: CardDraft, close: boolean): Promise<void> {
    const card = this.ui.state.card;
    if (!card) return;
    const id = card.annotation.id;
    const res = await this.highlights.update({ id, ...draft });
    const still = this.ui.state.card?.annotation.id === id;
    if (res.ok) {
      if (still && close) this.ui.update({ card: null });
      return;
    }
    const text = `Not saved yet (${res.message ?? 'unknown error'}). Your change is kept and will be retried.`;
    if (still) {
      const annotation = this.highlights.entries.get(id)?.annotation ?? card.annotation;
      this.ui.update({ card: { ...card, annotation, status: text } });
    } else this.ui.notify({ kind: 'error', key: 'save', text });
  }

  closeCard(draft: CardDraft | null): void {
    const card = this.ui.state.card;
    if (!card) return;
    if (draft) {
      // Closed with changes: keep them (saved in the background, errors reported as a notice).
      void this.highlights.update({ id: card.annotation.id, ...draft }).then(res => {
        if (!res.ok)
          this.ui.notify({
            kind: 'error',
            key: 'save',
            text: `Your edit is not saved yet (${res.message}).`,
          });
      });
    }
    this.cardRange = null;
    this.ui.update({ card: null });
  }

  async deleteCard(): Promise<void> {
    const card = this.ui.state.card;
    if (!card) return;
    const undo = await this.highlights.remove(card.annotation.id);
    if (!undo) return;
    this.ui.update({ card: null });
    this.ui.notify({
      kind: 'info',
      key: 'undo',
      text: 'Highlight deleted.',
      timeoutMs: 5000,
      action: { label: 'Undo', run: () => void undo() },
    });
  }

  private openFigure(key: string): void {
    const f = this.figures.figure(key);
    if (!f) return;
    this.figureKey = key;
    const pinned = [...this.highlights.entries.values()].some(
      e => e.annotation.kind === 'figure' && e.range && sameRange(e.range, f.range),
    );
    this.ui.update({ figure: { figure: f.figure, boxes: rangeBoxes(f.range), pinned } });
  }

  pinFigure(): void {
    const f = this.figureKey ? this.figures.figure(this.figureKey) : null;
    if (!f) return;
    const a = this.highlights.create(f.range, this.defaultColor(), 'figure');
    if (a && this.ui.state.figure) this.ui.update({ figure: { ...this.ui.state.figure, pinned: true } });
  }

  closeFigure(): void {
    this.figureKey = null;
    this.figureByHover = false;
    if (this.ui.state.figure) this.ui.update({ figure: null });
  }

  /** Close both cards (saving the highlight card's unsaved changes). */
  closeAll(): void {
    this.closeFigure();
    if (this.ui.state.card) this.closeCard(this.ui.cardDraft.current?.() ?? null);
  }

  /** The cards' boxes after scroll or resize. */
  repositioned(): Partial<PageUi['state']> {
    const s = this.ui.state;
    const patch: Partial<PageUi['state']> = {};
    if (s.card && this.cardRange) patch.card = { ...s.card, boxes: rangeBoxes(this.cardRange) };
    const f = this.figureKey ? this.figures.figure(this.figureKey) : null;
    if (s.figure && f) patch.figure = { ...s.figure, boxes: rangeBoxes(f.range) };
    return patch;
  }
}

function sameRange(a: Range, b: Range): boolean {
  try {
    return (
      a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
      a.compareBoundaryPoints(Range.END_TO_END, b) === 0
    );
  } catch {
    return false;
  }
}
