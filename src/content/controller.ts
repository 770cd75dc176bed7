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
import { watchContent, watchUrl, type ContentWatcher } from './observe';
import { PageAnalyzer, pageInputFrom, textStageIn } from './page-analysis';
import { debounce, whenIdle } from './schedule';
import { clearSelection, selectedRange } from './selection';
import { rangeBoxes } from './toolbar/position';
import { PageUi } from './ui';
import { copyText } from './clipboard';
import { attachPageEvents } from './events';
import { Cards } from './cards';

export class ContentController {
  settings: Settings = DEFAULT_SETTINGS;
  readonly highlighter: Highlighter;
  readonly highlights: Highlights;
  readonly figures: FigureMarks;
  readonly analyzer: PageAnalyzer;
  readonly ui: PageUi;
  readonly cards: Cards;
  private watcher: ContentWatcher | null = null;
  private stops: (() => void)[] = [];
  private toolbarRange: Range | null = null;
  private active = false;

  constructor(
    readonly doc: Document,
    api: BackgroundApi = toBackground,
  ) {
    this.highlighter = createHighlighter(doc, write => (this.watcher ? this.watcher.mute(write) : write()));
    // Our own UI host appearing mid-analysis is not a page change (no re-run of the body step).
    this.analyzer = new PageAnalyzer(doc, undefined, {
      isOwn: n => this.ui.isOwnNode(n),
      textStage: input => textStageIn(api, input),
    });
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
      saveCard: d => void this.cards.saveCard(d, true),
      deleteCard: () => void this.cards.deleteCard(),
      closeCard: d => this.cards.closeCard(d),
      pinFigure: () => this.cards.pinFigure(),
      closeFigure: () => this.cards.closeFigure(),
      dismiss: id => this.ui.dismiss(id),
    });
    this.highlights = new Highlights({
      api,
      highlighter: this.highlighter,
      notify: n => this.ui.notify(n),
      root: () => doc.body,
      beforeFirstSave: async url => {
        const res = await api('savePage', pageInputFrom(url, await this.safeAnalysis(), doc));
        if (!res.ok) throw new Error(res.error.message);
      },
    });
    this.cards = new Cards(doc, this.ui, this.highlights, this.figures, () => this.settings.defaultColor);
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
      void this.refreshFigures();
  }

  private activate(): void {
    if (this.active) return;
    this.active = true;
    this.ui.update({ labels: this.settings.colorLabels });
    this.stops.push(attachPageEvents(this.doc, this));
    whenIdle(() => {
      // No <body> (an SVG or XML document): nothing to highlight.
      if (!this.active || !this.doc.body) return;
      this.watcher = watchContent(this.doc.body, () => this.onContentChange(), {
        isOwn: n => this.ui.isOwnNode(n) || (n.nodeType === 1 && (n as Element).localName === MARK_TAG),
      });
      this.stops.push(watchUrl(href => this.onUrlChange(href), { normalize: safeNormalize }));
      void this.highlights.load(this.doc.location.href);
      void this.refreshFigures();
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
  private async safeAnalysis(): Promise<PageAnalysis | null> {
    try {
      return (this.settings.autoDetect ? await this.analyzer.get() : this.analyzer.current)?.analysis ?? null;
    } catch {
      return null;
    }
  }

  /** Mark the key figures; on its own (autoDetect) it loads the engine only for pages that look like articles. */
  async refreshFigures(): Promise<void> {
    this.figures.clear();
    if (!this.active || !this.settings.highlightFigures) return;
    const href = this.doc.location.href;
    let state = this.analyzer.current;
    if (!state && this.settings.autoDetect && this.analyzer.looksLikeArticle())
      state = await this.tryAnalyze();
    // The page may have navigated, or the user turned figures off, while the engine loaded.
    if (!this.active || !this.settings.highlightFigures || this.doc.location.href !== href) return;
    this.figures.clear();
    if (state?.analysis.isArticle) this.figures.show(state.analysis.figures, state.textMap);
  }

  private async tryAnalyze() {
    try {
      return await this.analyzer.get();
    } catch {
      return null; // a page the analysis cannot handle still gets highlights
    }
  }

  private readonly figuresLater = debounce(() => whenIdle(() => void this.refreshFigures()), 500);

  private onContentChange(): void {
    void this.highlights.reanchor();
    if (this.figures.shown && this.figures.stale()) {
      this.analyzer.invalidate();
      this.figuresLater();
    }
  }

  private onUrlChange(href: string): void {
    this.hideToolbar();
    this.cards.closeFigure();
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
    if (a && focus) this.cards.openCard(a.id, focus);
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

  onClickAt(x: number, y: number): boolean {
    return this.cards.onClickAt(x, y);
  }

  onHoverAt(x: number, y: number): void {
    if (this.ui.state.toolbar || this.ui.state.reattach) return;
    this.cards.onHoverAt(x, y);
  }

  /** Outside press: close the toolbar and the cards (saving a card's unsaved changes). */
  closeAll(): void {
    if (this.ui.state.reattach) this.closeReattach();
    this.hideToolbar();
    this.cards.closeAll();
  }

  /** Scroll and resize move the text: move the panels with it. */
  reposition(): void {
    const s = this.ui.state;
    const patch: Partial<typeof s> = {};
    if (s.toolbar && this.toolbarRange)
      patch.toolbar = { ...s.toolbar, boxes: rangeBoxes(this.toolbarRange) };
    if (s.reattach && this.toolbarRange)
      patch.reattach = { ...s.reattach, boxes: rangeBoxes(this.toolbarRange) };
    Object.assign(patch, this.cards.repositioned());
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

function safeNormalize(href: string): string {
  try {
    return normalizePageUrl(href);
  } catch {
    return href;
  }
}
