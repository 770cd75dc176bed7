/**
 * A windowed list: fixed row height, only the rows in view plus `overscan` above and below are in
 * the DOM, so 10,000 items cost as much as 20. Keyboard: one row in the tab order (roving tabindex);
 * Up/Down/PageUp/PageDown/Home/End move, Enter or Space activates. Rows are role=listitem with
 * aria-setsize/aria-posinset, so assistive tech knows the full length of the list.
 *
 * Contract: `renderRow(i)` must be cheap and render text only (no focusable children); rows the
 * caller has not loaded yet may render a placeholder. `onRangeChange(start, end)` reports the
 * rendered window [start, end) so the caller can fetch what is missing.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useRovingKeys } from '../../hooks/use-roving-focus';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Viewport height used until (or where) the element can be measured; CSS sizes the element. */
  height: number;
  overscan?: number;
  label: string;
  id?: string;
  renderRow: (index: number) => ComponentChildren;
  rowKey?: (index: number) => string | number;
  rowLabel?: (index: number) => string | undefined;
  onActivate?: (index: number) => void;
  onRangeChange?: (start: number, end: number) => void;
}

export function VirtualList({
  count,
  rowHeight,
  height,
  overscan = 6,
  label,
  id,
  renderRow,
  rowKey = i => i,
  rowLabel,
  onActivate,
  onRangeChange,
}: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(height);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  const pageRows = Math.max(1, Math.floor(viewport / rowHeight) - 1);
  const move = useRovingKeys(count, 'vertical', pageRows);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new list (new filter or query) starts at the top.
  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [count, active]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);

  useEffect(() => {
    onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    box.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus({ preventScroll: true });
  }, [active, first]);

  const goTo = (index: number) => {
    const el = box.current;
    if (el) {
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + viewport) el.scrollTop = top + rowHeight - viewport;
      setScrollTop(el.scrollTop);
    }
    setActive(index);
    // Rendered already (the usual case): focus now. Otherwise once the window has moved to it.
    const row = box.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) row.focus({ preventScroll: true });
    else focusWanted.current = true;
  };

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    if ((e.key === 'Enter' || e.key === ' ') && onActivate) {
      e.preventDefault();
      onActivate(index);
      return;
    }
    const next = move(e.key, index);
    if (next === null) return;
    e.preventDefault();
    goTo(next);
  };

  // The tab stop stays on the active row while it is rendered, else on the first row in view.
  const tabStop =
    active >= first && active < last ? active : Math.min(count - 1, Math.floor(scrollTop / rowHeight));
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div
        key={rowKey(i)}
        class="vrow"
        role="listitem"
        aria-setsize={count}
        aria-posinset={i + 1}
        aria-label={rowLabel?.(i)}
        data-index={i}
        tabIndex={i === tabStop ? 0 : -1}
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        onKeyDown={e => onKeyDown(e, i)}
        onFocus={() => setActive(i)}
        onClick={() => onActivate?.(i)}
      >
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      id={id}
      class="vlist"
      role="list"
      aria-label={label}
      onScroll={e => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div class="vlist-inner" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
