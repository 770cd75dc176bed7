/**
 * The page events the content script listens to: one capturing listener on the document (and one on the
 * window for resize), never on page elements. Synthetic events (isTrusted false) are ignored, so a page
 * script cannot open our UI or trigger our actions.
 */

export interface PageEventSink {
  readonly toolbarShown: boolean;
  readonly ui: { owns(e: Event): boolean; focusToolbar(): boolean };
  onSelectionEnd(): void;
  onClickAt(x: number, y: number): boolean;
  onHoverAt(x: number, y: number): void;
  closeAll(): void;
  hideToolbar(): void;
  reposition(): void;
}

const TYPES = [
  'pointerdown',
  'pointerup',
  'click',
  'keydown',
  'keyup',
  'mousemove',
  'scroll',
  'selectionchange',
];
const HOVER_MS = 120;
const INTERACTIVE =
  'a[href], button, input, textarea, select, label, summary, [contenteditable], [role="button"]';

export function attachPageEvents(doc: Document, ctl: PageEventSink): () => void {
  const win = doc.defaultView;
  let hover: { x: number; y: number } | null = null;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const reposition = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      ctl.reposition();
    });
  };

  const onEvent = (e: Event) => {
    if (!e.isTrusted) return;
    if (e.type === 'scroll' || e.type === 'resize') return reposition();
    if (e.type === 'selectionchange') {
      if (ctl.toolbarShown && doc.getSelection()?.isCollapsed) ctl.hideToolbar();
      return;
    }
    if (ctl.ui.owns(e)) return;
    switch (e.type) {
      case 'pointerdown':
        ctl.closeAll();
        break;
      case 'pointerup':
        if ((e as PointerEvent).button === 0) setTimeout(() => ctl.onSelectionEnd(), 0);
        break;
      case 'click': {
        const m = e as MouseEvent;
        if (m.button !== 0 || m.ctrlKey || m.metaKey || m.shiftKey || m.altKey) break;
        if (!doc.getSelection()?.isCollapsed) break;
        const target = e.target as Element | null;
        if (target?.closest?.(INTERACTIVE)) break;
        ctl.onClickAt(m.clientX, m.clientY);
        break;
      }
      case 'mousemove': {
        // Throttled with a trailing call: the pointer's resting place is always examined.
        const m = e as MouseEvent;
        hover = m.buttons === 0 ? { x: m.clientX, y: m.clientY } : null;
        hoverTimer ??= setTimeout(() => {
          hoverTimer = undefined;
          if (hover) ctl.onHoverAt(hover.x, hover.y);
        }, HOVER_MS);
        break;
      }
      case 'keydown': {
        const k = e as KeyboardEvent;
        if (k.key === 'Tab' && !k.shiftKey && ctl.toolbarShown && ctl.ui.focusToolbar()) k.preventDefault();
        else if (k.key === 'Escape') ctl.closeAll();
        break;
      }
      case 'keyup': {
        const k = e as KeyboardEvent;
        const selecting = k.shiftKey || k.key === 'Shift' || ((k.ctrlKey || k.metaKey) && k.key === 'a');
        if (selecting) ctl.onSelectionEnd();
        break;
      }
    }
  };

  const opts: AddEventListenerOptions = { capture: true, passive: false };
  for (const type of TYPES) doc.addEventListener(type, onEvent, opts);
  win?.addEventListener('resize', onEvent, { passive: true });
  return () => {
    for (const type of TYPES) doc.removeEventListener(type, onEvent, opts);
    win?.removeEventListener('resize', onEvent);
    if (frame) cancelAnimationFrame(frame);
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
  };
}
