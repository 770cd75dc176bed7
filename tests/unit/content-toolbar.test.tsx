// @vitest-environment jsdom
/** @jsxImportSource preact */
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FigureCard, formatValue } from '../../src/content/toolbar/FigureCard';
import { HighlightCard, parseTags } from '../../src/content/toolbar/HighlightCard';
import { placePanel } from '../../src/content/toolbar/position';
import { ReattachList } from '../../src/content/toolbar/ReattachList';
import { SelectionToolbar } from '../../src/content/toolbar/SelectionToolbar';
import type { Figure } from '../../src/analysis/types';
import type { Annotation } from '../../src/shared/types';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror="window.__pwned=1">"\'&<script>alert(1)</script>';
const labels = { yellow: HOSTILE, green: 'evidence', blue: '', pink: '', purple: '' };
const boxes = [{ top: 300, left: 100, right: 400, bottom: 320 }];

function annotation(over: Partial<Annotation> = {}): Annotation {
  return {
    id: '7b0e8a52-3c55-4d39-9a77-7d3e4c1b1a10',
    pageUrl: 'https://example.org/a',
    target: {
      source: 'https://example.org/a',
      selector: [{ type: 'TextQuoteSelector', exact: HOSTILE, prefix: '', suffix: '' }],
    },
    kind: 'highlight',
    color: 'green',
    note: HOSTILE,
    tags: [HOSTILE, 'nato'],
    created: '2026-01-01T00:00:00.000Z',
    updated: '2026-01-01T00:00:00.000Z',
    orphaned: false,
    ...over,
  };
}

/**
 * A click the way the browser makes it (trusted). jsdom's isTrusted is unforgeable from script, as in
 * browsers; the test reaches jsdom's implementation object (a symbol-keyed field) to set it.
 */
function trustedClick(el: Element) {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  const impl = <T,>(o: object) => {
    const key = Object.getOwnPropertySymbols(o).find(s => String(s) === 'Symbol(impl)');
    if (!key) throw new Error('jsdom internals changed: cannot make a trusted event');
    return (o as Record<symbol, T>)[key]!;
  };
  const eventImpl = impl<{ isTrusted: boolean }>(e);
  eventImpl.isTrusted = true;
  // dispatchEvent() resets isTrusted (as the DOM spec says); jsdom's internal dispatch does not.
  impl<{ _dispatch(ev: unknown): void }>(el)._dispatch(eventImpl);
}

describe('SelectionToolbar', () => {
  it('renders five colours and the three actions; page strings are text, never markup', () => {
    const { container } = render(
      <SelectionToolbar
        boxes={boxes}
        labels={labels}
        onColor={() => {}}
        onNote={() => {}}
        onTag={() => {}}
        onCopy={() => {}}
        onClose={() => {}}
        orphans={0}
        onReattach={() => {}}
      />,
    );
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map(b => b.textContent)).toEqual(['', '', '', '', '', 'Note', 'Tag', 'Copy quote']);
    expect(container.querySelector('img, script')).toBeNull();
    expect(buttons[0]!.getAttribute('aria-label')).toBe(`Highlight yellow: ${HOSTILE}`);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('acts on trusted clicks only', () => {
    const onColor = vi.fn();
    const { container } = render(
      <SelectionToolbar
        boxes={boxes}
        labels={labels}
        onColor={onColor}
        onNote={() => {}}
        onTag={() => {}}
        onCopy={() => {}}
        onClose={() => {}}
        orphans={0}
        onReattach={() => {}}
      />,
    );
    const green = container.querySelector('[data-color="green"]')!;
    fireEvent.click(green); // synthetic: a page script could do this
    expect(onColor).not.toHaveBeenCalled();
    trustedClick(green);
    expect(onColor).toHaveBeenCalledWith('green');
  });

  it('is one tab stop with arrow-key navigation and Escape to close', () => {
    const onClose = vi.fn();
    const { container } = render(
      <SelectionToolbar
        boxes={boxes}
        labels={labels}
        onColor={() => {}}
        onNote={() => {}}
        onTag={() => {}}
        onCopy={() => {}}
        onClose={onClose}
        orphans={0}
        onReattach={() => {}}
      />,
    );
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.filter(b => b.tabIndex === 0)).toHaveLength(1);
    buttons[0]!.focus();
    const bar = container.querySelector('[role="toolbar"]')!;
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(bar, { key: 'End' });
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(bar, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

describe('re-attaching orphans', () => {
  it('the toolbar offers Re-attach only when the page has orphans; the list shows quotes as text', () => {
    const onReattach = vi.fn();
    const onPick = vi.fn();
    const { container } = render(
      <>
        <SelectionToolbar
          boxes={boxes}
          labels={labels}
          onColor={() => {}}
          onNote={() => {}}
          onTag={() => {}}
          onCopy={() => {}}
          onClose={() => {}}
          orphans={2}
          onReattach={onReattach}
        />
        <ReattachList
          boxes={boxes}
          items={[{ id: 'x1', quote: HOSTILE, note: HOSTILE }]}
          onPick={onPick}
          onClose={() => {}}
        />
      </>,
    );
    const reattach = [...container.querySelectorAll('button')].find(b => b.textContent === 'Re-attach (2)')!;
    trustedClick(reattach);
    expect(onReattach).toHaveBeenCalled();
    expect(container.querySelector('img, script')).toBeNull();
    const item = container.querySelector('.orphans button')!;
    expect(item.textContent).toContain(HOSTILE.slice(0, 40));
    trustedClick(item);
    expect(onPick).toHaveBeenCalledWith('x1');
  });
});

describe('HighlightCard', () => {
  it('shows the note, tags and quote as text and saves the edited draft', async () => {
    const onSave = vi.fn();
    const { container } = render(
      <HighlightCard
        annotation={annotation()}
        boxes={boxes}
        labels={labels}
        focus="note"
        status=""
        onSave={onSave}
        onDelete={() => {}}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    const textarea = container.querySelector('textarea')!;
    expect(textarea.value).toBe(HOSTILE);
    expect(document.activeElement).toBe(textarea);
    expect(container.querySelector('.quote')!.textContent).toContain(HOSTILE);
    fireEvent.input(textarea, { target: { value: 'My note' } });
    const tags = container.querySelector('input')!;
    fireEvent.input(tags, { target: { value: 'a,  b , a,, c d ' } });
    await act(() => trustedClick(container.querySelector('[role="radio"][aria-label="pink"]')!));
    trustedClick([...container.querySelectorAll('button')].find(b => b.textContent === 'Save')!);
    expect(onSave).toHaveBeenCalledWith({ note: 'My note', tags: ['a', 'b', 'c d'], color: 'pink' });
  });

  it('closing with changes hands the draft over (nothing typed is lost); without changes, null', () => {
    const onClose = vi.fn();
    const draftRef = { current: null as null | (() => unknown) };
    const { container } = render(
      <HighlightCard
        annotation={annotation({ note: '' })}
        boxes={boxes}
        labels={labels}
        focus={null}
        status=""
        onSave={() => {}}
        onDelete={() => {}}
        onClose={onClose}
        draftRef={draftRef as never}
      />,
    );
    const dialog = container.querySelector('[role="dialog"]')!;
    expect(draftRef.current!()).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenLastCalledWith(null);
    fireEvent.input(container.querySelector('textarea')!, { target: { value: 'typed' } });
    expect(draftRef.current!()).toMatchObject({ note: 'typed' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenLastCalledWith({ note: 'typed', tags: [HOSTILE, 'nato'], color: 'green' });
  });

  it('shows a save error inside the card', () => {
    const { container } = render(
      <HighlightCard
        annotation={annotation()}
        boxes={boxes}
        labels={labels}
        focus={null}
        status="Not saved yet (unavailable)."
        onSave={() => {}}
        onDelete={() => {}}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('Not saved yet (unavailable).');
  });
});

describe('FigureCard', () => {
  const figure: Figure = {
    text: '$1.2 billion',
    start: 0,
    end: 12,
    value: 1.2e9,
    unit: 'USD',
    kind: 'money',
    approx: 'approx',
    counted: HOSTILE,
    sentence: '',
    score: 1,
    key: true,
  };

  it('shows kind, normalised value, unit, approximation and what is counted, as text', () => {
    const onPin = vi.fn();
    const { container } = render(
      <FigureCard figure={figure} boxes={boxes} pinned={false} onPin={onPin} onClose={() => {}} />,
    );
    const dd = [...container.querySelectorAll('dd')].map(d => d.textContent);
    expect(dd).toEqual(['money', '1,200,000,000 USD', 'approximately', HOSTILE]);
    expect(container.querySelector('img, script')).toBeNull();
    trustedClick([...container.querySelectorAll('button')].find(b => b.textContent === 'Pin')!);
    expect(onPin).toHaveBeenCalled();
  });

  it('formats ranges and dates', () => {
    expect(formatValue([3, 5])).toBe('3 – 5');
    expect(formatValue('2025-07-21')).toBe('2025-07-21');
  });
});

describe('placePanel', () => {
  const size = { width: 200, height: 40 };
  const viewport = { width: 1000, height: 800 };

  it('goes above the first line when there is room, centred and clamped', () => {
    const p = placePanel([{ top: 300, left: 100, right: 300, bottom: 320 }], size, viewport);
    expect(p).toEqual({ side: 'above', top: 252, left: 100 });
    const edge = placePanel([{ top: 300, left: 0, right: 20, bottom: 320 }], size, viewport);
    expect(edge.left).toBe(6);
  });

  it('goes below the last line when the selection is at the top of the viewport', () => {
    const rects = [
      { top: 10, left: 100, right: 600, bottom: 30 },
      { top: 30, left: 100, right: 300, bottom: 50 },
    ];
    const p = placePanel(rects, size, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBe(58);
  });

  it('never overlaps the selection when either side fits', () => {
    for (let top = 0; top < 760; top += 37) {
      const rect = { top, left: 50, right: 500, bottom: top + 20 };
      const p = placePanel([rect], size, viewport);
      const overlaps = p.top < rect.bottom && p.top + size.height > rect.top;
      expect(overlaps).toBe(false);
    }
  });

  it('parseTags trims, collapses and dedupes', () => {
    expect(parseTags(' x ,y,,x,  z  w')).toEqual(['x', 'y', 'z w']);
  });
});
