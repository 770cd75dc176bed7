/**
 * The in-page UI's host: a custom element with a random name (pages cannot target it by name), a CLOSED
 * shadow root (the page's scripts cannot reach inside: notes and tags live only there), the styles inside it
 * (the page's CSS cannot reach in; `all: initial` on the host), and the top layer through the Popover API
 * where available, so page elements with a huge z-index cannot cover it.
 *
 * The host is created lazily (nothing is added to the page until there is something to show), appended to
 * <html> outside <body> (outside the observed article), and re-attached if the page removes it.
 */
import { appendChild, attachClosedShadow, randomElementName } from '../safe';
import { UI_CSS } from './styles';

export interface UiHost {
  readonly element: HTMLElement;
  /** The mount point inside the shadow root. */
  readonly container: HTMLElement;
  readonly shadow: ShadowRoot;
  show(): void;
  hide(): void;
  /** True when the event passed through our UI (clicks and keys inside the shadow root). */
  owns(event: Event): boolean;
}

export function createUiHost(doc: Document): UiHost {
  const element = doc.createElement(randomElementName('gleaner-ui'));
  const shadow = attachClosedShadow(element);
  const style = doc.createElement('style');
  style.textContent = UI_CSS;
  appendChild(shadow, style);
  const container = doc.createElement('div');
  appendChild(shadow, container);
  const popover = typeof (element as { showPopover?: unknown }).showPopover === 'function';
  if (popover) element.setAttribute('popover', 'manual');
  element.hidden = true;

  const attach = () => {
    if (element.parentNode !== doc.documentElement) appendChild(doc.documentElement, element);
  };

  return {
    element,
    container,
    shadow,
    show() {
      attach();
      element.hidden = false;
      if (popover && !element.matches(':popover-open')) {
        try {
          element.showPopover();
        } catch {
          // Not in the document or a modal dialog is open: the z-index fallback still applies.
        }
      }
    },
    hide() {
      element.hidden = true;
      if (popover && element.isConnected && element.matches(':popover-open')) {
        try {
          element.hidePopover();
        } catch {
          /* already hidden */
        }
      }
    },
    owns: event => event.composedPath().includes(element),
  };
}
