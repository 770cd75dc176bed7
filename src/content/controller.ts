/**
 * The content script's behaviour on one page: settings, the selection toolbar and cards, highlights, figure
 * marks, re-anchoring and SPA navigation. index.ts only wires this to the message handlers.
 */
import type { PageAnalysis } from '../analysis/types';
import { toBackground } from '../shared/clients';
import {
  DEFAULT_SETTINGS,
  isExcluded,
  loadSettings,
  onSettingsChanged,
  type Settings,
} from '../shared/settings';
import type { Annotation, Color } from '../shared/types';
import { normalizePageUrl } from '../shared/url';
import type { BackgroundApi } from './api';
import { FigureMarks } from './figures';
import { createHighlighter, MARK_TAG, type Highlighter } from './highlighter';
import { Highlights } from './highlights';
import { caretFromPoint, hitTest } from './hit-test';
import { watchContent, watchUrl, type ContentWatcher } from './observe';
import { PageAnalyzer, pageInputFrom } from './page-analysis';
import { debounce, whenIdle } from './schedule';
import { clearSelection, selectedRange } from './selection';
import type { CardDraft } from './toolbar/HighlightCard';
import { rangeBoxes } from './toolbar/position';
import { PageUi } from './ui';
import { copyText } from './clipboard';
import { attachPageEvents } from './events';

export class ContentController {
  settings: Settings = DEFAULT_SETTINGS;
  readonly highlighter: Highlighter;
  readonly highlights: Highlights;
  readonly figures: FigureMarks;
  readonly analyzer: PageAnalyzer;
  readonly ui: PageUi;
  private watcher: ContentWatcher | null = null;
  private stops: (() => void)[] = [];
  private toolbarRange: Range | null = null;
  private cardRange: Range | null = null;
  private figureKey: string | null = null;
  /** The figure card was opened by hovering (it closes when the pointer leaves), not by a click. */
  private figureByHover = false;
  private active = false;

  constructor(
    readonly doc: Document,
    api: BackgroundApi = toBackground,
  ) {
    this.highlighter = createHighlighter(doc, write => (this.watcher ? this.watcher.mute(write) : write()));
    this.analyzer = new PageAnalyzer(doc);
    this.figures = new FigureMarks(this.highlighter);
    this.ui = new PageUi(doc, {
      color: c => this.highlightToolbarRange(c, null),
      note: () => this.highlightToolbarRange(this.settings.defaultColor, 'note'),
      tag: () => this.highlightToolbarRange(this.settings.defaultColor, 'tags'),
      copy: () => void this.copyQuote(),
      closeToolbar: () => this.hideToolbar(),
      openReattach: () => this.openReattach(),
      reattach: id => void this.reattach(id),
      closeReattach: () => this.closeReattach(),
      saveCard: d => void this.saveCard(d, true),
      deleteCard: () => void this.deleteCard(),
      closeCard: d => this.closeCard(d),
      pinFigure: () => this.pinFigure(),
      closeFigure: () => this.closeFigure(),
      dismiss: id => this.ui.dismiss(id),
    });
    this.highlights = new Highlights({
      api,
      highlighter: this.highlighter,
      notify: n => this.ui.notify(n),
      root: () => doc.body,
      beforeFirstSave: async url => {
        const res = await api('savePage', pageInputFrom(url, this.safeAnalysis(), doc));
        if (!res.ok) throw new Error(res.error.message);
      },
    });
  }

  get excluded(): boolean {
    return isExcluded(this.doc.location.hostname, this.settings);
  }

  async start(): Promise<void> {
    this.settings = await loadSettings();
    this.stops.push(onSettingsChanged(s => this.applySettings(s)));
    if (!this.excluded) this.activate();
  }

  private applySettings(next: Settings): void {
    const prev = this.settings;
    this.settings = next;
    this.ui.update({ labels: next.colorLabels });
    if (this.excluded) return this.deactivate();
    if (!this.active) return this.activate();
    if (!next.selectionToolbar) this.hideToolbar();
    if (next.highlightFigures !== prev.highlightFigures || next.autoDetect !== prev.autoDetect)
      this.refreshFigures();
  }

  private activate(): void {
    if (this.active) return;
    this.active = true;
    this.ui.update({ labels: this.settings.colorLabels });
    this.stops.push(attachPageEvents(this.doc, this));
    whenIdle(() => {
      if (!this.active) return;
      this.watcher = watchContent(this.doc.body, () => this.onContentChange(), {
        isOwn: n => this.ui.isOwnNode(n) || (n.nodeType === 1 && (n as Element).localName === MARK_TAG),
      });
      this.stops.push(watchUrl(href => this.onUrlChange(href), { normalize: safeNormalize }));
      void this.highlights.load(this.doc.location.href);
      this.refreshFigures();
    });
  }

  private deactivate(): void {
    this.active = false;
    for (const stop of this.stops.splice(1)) stop();
    this.watcher?.stop();
    this.watcher = null;
    this.highlighter.clear();
    this.figures.clear();
    this.ui.update({ toolbar: null, card: null, figure: null });
  }

  /** Analysis only when allowed: autoDetect on, or already computed on request. */
  private safeAnalysis(): PageAnalysis | null {
    try {
      return (this.settings.autoDetect ? this.analyzer.get() : this.analyzer.current)?.analysis ?? null;
    } catch {
      return null;
    }
  }

  refreshFigures(): void {
    this.figures.clear();
    if (!this.active || !this.settings.highlightFigures) return;
    const state = this.settings.autoDetect ? this.tryAnalyze() : this.analyzer.current;
    if (state?.analysis.isArticle) this.figures.show(state.analysis.figures, state.textMap);
  }

  private tryAnalyze() {
    try {
      return this.analyzer.get();
    } catch {
      return null; // a page the analysis cannot handle still gets highlights
    }
  }

  private readonly figuresLater = debounce(() => whenIdle(() => this.refreshFigures()), 500);

  private onContentChange(): void {
    void this.highlights.reanchor();
    if (this.figures.shown && this.figures.stale()) {
      this.analyzer.invalidate();
      this.figuresLater();
    }
  }

  private onUrlChange(href: string): void {
    this.hideToolbar();
    this.ui.update({ card: null, figure: null });
    this.analyzer.invalidate();
    this.figures.clear();
    void this.highlights.load(href);
    // The new view renders after the URL changes: mark figures once it settles.
    this.figuresLater();
  }

  // --- selection toolbar -------------------------------------------------------------------------------

  onSelectionEnd(): void {
    if (!this.settings.selectionToolbar) return;
    const range = selectedRange(this.doc, n => this.ui.isOwnNode(n));
    if (!range) return this.hideToolbar();
    this.toolbarRange = range;
    const orphans = this.highlights.orphans().length;
    this.ui.update({ toolbar: { boxes: rangeBoxes(range), orphans }, reattach: null, figure: null });
  }

  get toolbarShown(): boolean {
    return !!this.ui.state.toolbar;
  }

  hideToolbar(): void {
    if (this.ui.state.reattach) return; // the re-attach list still needs the selection
    this.toolbarRange = null;
    if (this.ui.state.toolbar) this.ui.update({ toolbar: null });
  }

  private openReattach(): void {
    const range = this.toolbarRange;
    if (!range) return;
    const items = this.highlights.orphans().map(a => ({
      id: a.id,
      quote: a.target.selector.find(s => s.type === 'TextQuoteSelector')?.exact ?? '',
      note: a.note,
    }));
    this.ui.update({ toolbar: null, reattach: { boxes: rangeBoxes(range), items } });
  }

  private async reattach(id: string): Promise<void> {
    const range = this.toolbarRange;
    this.closeReattach();
    if (!range) return;
    clearSelection(this.doc);
    if (await this.highlights.reattach(id, range))
      this.ui.notify({ kind: 'info', text: 'Highlight re-attached.', timeoutMs: 2500 });
  }

  private closeReattach(): void {
    this.toolbarRange = null;
    this.ui.update({ reattach: null, toolbar: null });
  }

  private highlightToolbarRange(color: Color, focus: 'note' | 'tags' | null): void {
    const range = this.toolbarRange;
    this.hideToolbar();
    if (!range) return;
    const a = this.highlights.create(range, color);
    clearSelection(this.doc);
    if (a && focus) this.openCard(a.id, focus);
  }

  /** The context menu / keyboard command path (works with the toolbar off). */
  highlightSelection(color: Color | null): Annotation | null {
    if (!this.active) return null;
    const range = selectedRange(this.doc, n => this.ui.isOwnNode(n)) ?? this.toolbarRange;
    if (!range) return null;
    this.hideToolbar();
    const a = this.highlights.create(range, color ?? this.settings.defaultColor);
    clearSelection(this.doc);
    return a;
  }

  private async copyQuote(): Promise<void> {
    const range = this.toolbarRange;
    if (!range) return;
    const quote = range.toString().trim().replace(/\s+/g, ' ');
    const title = this.doc.title.trim();
    const text = `“${quote}”\n— ${title ? `${title}, ` : ''}${this.doc.location.href}`;
    const ok = await copyText(this.doc, text);
    this.ui.notify(
      ok
        ? { kind: 'info', text: 'Quote copied.', timeoutMs: 2500 }
        : { kind: 'error', text: 'The browser refused to copy. Select the text and press Ctrl+C.' },
    );
  }

  // --- cards -------------------------------------------------------------------------------------------

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

  private async saveCard(draft: CardDraft, close: boolean): Promise<void> {
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

  private async deleteCard(): Promise<void> {
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

  private pinFigure(): void {
    const f = this.figureKey ? this.figures.figure(this.figureKey) : null;
    if (!f) return;
    const a = this.highlights.create(f.range, this.settings.defaultColor, 'figure');
    if (a && this.ui.state.figure) this.ui.update({ figure: { ...this.ui.state.figure, pinned: true } });
  }

  closeFigure(): void {
    this.figureKey = null;
    this.figureByHover = false;
    if (this.ui.state.figure) this.ui.update({ figure: null });
  }

  /** Outside press: close the toolbar and the cards (saving a card's unsaved changes). */
  closeAll(): void {
    if (this.ui.state.reattach) this.closeReattach();
    this.hideToolbar();
    this.closeFigure();
    if (this.ui.state.card) this.closeCard(this.ui.cardDraft.current?.() ?? null);
  }

  /** Scroll and resize move the text: move the panels with it. */
  reposition(): void {
    const s = this.ui.state;
    const patch: Partial<typeof s> = {};
    if (s.toolbar && this.toolbarRange)
      patch.toolbar = { ...s.toolbar, boxes: rangeBoxes(this.toolbarRange) };
    if (s.reattach && this.toolbarRange)
      patch.reattach = { ...s.reattach, boxes: rangeBoxes(this.toolbarRange) };
    if (s.card && this.cardRange) patch.card = { ...s.card, boxes: rangeBoxes(this.cardRange) };
    const f = this.figureKey ? this.figures.figure(this.figureKey) : null;
    if (s.figure && f) patch.figure = { ...s.figure, boxes: rangeBoxes(f.range) };
    if (Object.keys(patch).length) this.ui.update(patch);
  }

  // --- reveal ------------------------------------------------------------------------------------------

  revealRange(range: Range): void {
    const el =
      range.startContainer.nodeType === 1
        ? (range.startContainer as Element)
        : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.highlighter.set('flash', range, 'flash');
    setTimeout(() => this.highlighter.remove('flash'), 1500);
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

function safeNormalize(href: string): string {
  try {
    return normalizePageUrl(href);
  } catch {
    return href;
  }
}
