/**
 * The in-page UI state and its rendering into the closed shadow root. The host element joins the page only
 * while something is shown.
 */
import { h, render } from 'preact';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { Notice } from './api';
import { App, type UiActions, type UiState } from './toolbar/App';
import type { CardDraft } from './toolbar/HighlightCard';
import { createUiHost, type UiHost } from './toolbar/host';

export class PageUi {
  private host: UiHost | null = null;
  private nextId = 1;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Set by the open card: its unsaved changes, or null when there are none. */
  readonly cardDraft: { current: (() => CardDraft | null) | null } = { current: null };
  state: UiState = {
    labels: { ...DEFAULT_SETTINGS.colorLabels },
    toolbar: null,
    reattach: null,
    card: null,
    figure: null,
    notices: [],
  };

  constructor(
    private readonly doc: Document,
    private readonly actions: UiActions,
  ) {}

  update(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    const s = this.state;
    const visible = !!(s.toolbar || s.reattach || s.card || s.figure || s.notices.length);
    if (!visible && !this.host) return;
    this.host ??= createUiHost(this.doc);
    // Show the host before rendering: layout effects run inside render() (the card focuses its field there),
    // and an element under a hidden host cannot take focus.
    if (visible) this.host.show();
    render(h(App, { state: s, actions: this.actions, draftRef: this.cardDraft }), this.host.container);
    if (!visible) this.host.hide();
  }

  owns(event: Event): boolean {
    return !!this.host && this.host.owns(event);
  }

  isOwnNode(node: Node): boolean {
    return !!this.host && (node === this.host.element || this.host.element.contains(node));
  }

  /** Focus the toolbar's first button (keyboard users reach it with Tab). */
  focusToolbar(): boolean {
    const button = this.host?.container.querySelector<HTMLButtonElement>('[role="toolbar"] button');
    button?.focus();
    return !!button;
  }

  notify(notice: Notice): void {
    const notices = this.state.notices.filter(n => !(notice.key && n.key === notice.key));
    for (const n of this.state.notices) if (!notices.includes(n)) this.clearTimer(n.id);
    const id = this.nextId++;
    const timeout = notice.timeoutMs ?? (notice.action ? 0 : 6000);
    if (timeout > 0)
      this.timers.set(
        id,
        setTimeout(() => this.dismiss(id), timeout),
      );
    // Keep the newest few: a flood of errors must not cover the page.
    this.update({ notices: [...notices, { ...notice, id }].slice(-3) });
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    this.update({ notices: this.state.notices.filter(n => n.id !== id) });
  }

  private clearTimer(id: number): void {
    const t = this.timers.get(id);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(id);
  }
}
