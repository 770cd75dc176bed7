/**
 * A panel placed beside a text range (see position.ts): rendered hidden, measured, then moved into place, so
 * it never covers the text it belongs to. `boxes` are the range's client rects, recomputed by the owner on
 * scroll and resize.
 */
import type { AriaRole, ComponentChildren, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { placePanel, type Box, type Placement } from './position';

export interface FloatingProps {
  boxes: Box[];
  class: string;
  role?: AriaRole;
  label: string;
  children: ComponentChildren;
  onKeyDown?: (e: TargetedKeyboardEvent<HTMLDivElement>) => void;
  /** Keep the page's selection when the panel is pressed (toolbar). */
  keepSelection?: boolean;
}

export function Floating(props: FloatingProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const view = el.ownerDocument.defaultView;
    const size = { width: el.offsetWidth || 300, height: el.offsetHeight || 40 };
    const viewport = { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 };
    const next = placePanel(props.boxes, size, viewport);
    // Also place it in the DOM right now, not only on the re-render that setPlace schedules: a parent's
    // layout effect (the card focusing its tag field) runs before that re-render, and a still hidden panel
    // cannot take focus. The re-render then writes the same values.
    el.style.top = `${next.top}px`;
    el.style.left = `${next.left}px`;
    el.style.visibility = '';
    if (!place || next.top !== place.top || next.left !== place.left) setPlace(next);
  }, [props.boxes, place]);
  return (
    <div
      ref={ref}
      class={`panel ${props.class}`}
      role={props.role}
      aria-label={props.label}
      data-side={place?.side ?? ''}
      style={
        place
          ? { top: `${place.top}px`, left: `${place.left}px` }
          : { top: '0', left: '0', visibility: 'hidden' }
      }
      onKeyDown={props.onKeyDown}
      onMouseDown={props.keepSelection ? e => e.preventDefault() : undefined}
    >
      {props.children}
    </div>
  );
}

/** Wraps a handler so that only real user input runs it (not events a page script dispatched). */
export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return e => {
    if (e.isTrusted) fn(e);
  };
}
