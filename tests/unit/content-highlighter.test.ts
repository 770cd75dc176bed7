// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createHighlighter, MARK_TAG } from '../../src/content/highlighter';
import { hitTest } from '../../src/content/hit-test';

function rangeOver(text: Text, start: number, end: number): Range {
  const r = document.createRange();
  r.setStart(text, start);
  r.setEnd(text, end);
  return r;
}

describe('wrapping fallback (no CSS Custom Highlight API in jsdom)', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p id="p">Alpha <b>beta gamma</b> delta.</p><p id="q">Second paragraph.</p>';
  });

  it('wraps exactly the range and removes without a trace', () => {
    const before = document.body.innerHTML;
    const p = document.getElementById('p')!;
    const h = createHighlighter(document);
    expect(h.native).toBe(false);
    const first = p.firstChild as Text; // "Alpha "
    const bold = p.querySelector('b')!.firstChild as Text; // "beta gamma"
    const r = document.createRange();
    r.setStart(first, 2);
    r.setEnd(bold, 4);
    h.set('a:1', r, 'yellow');
    const marks = [...document.querySelectorAll(MARK_TAG)];
    expect(marks.map(m => m.textContent)).toEqual(['pha ', 'beta']);
    expect(marks.every(m => m.getAttribute('data-gleaner') === 'yellow')).toBe(true);
    expect(h.rangeOf('a:1')!.toString()).toBe('pha beta');
    h.remove('a:1');
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    // The split text nodes are merged back: the same node count as before.
    expect(p.childNodes).toHaveLength(3);
    expect((p.firstChild as Text).data).toBe('Alpha ');
  });

  it('keeps overlapping highlights apart and clears them all', () => {
    const before = document.body.innerHTML;
    const q = document.getElementById('q')!.firstChild as Text;
    const h = createHighlighter(document);
    h.set('a:1', rangeOver(q, 0, 6), 'green');
    const q2 = document.getElementById('q')!.lastChild as Text; // " paragraph."
    h.set('a:2', rangeOver(q2, 1, 10), 'blue');
    expect(h.keys().sort()).toEqual(['a:1', 'a:2']);
    expect(h.styleOf('a:2')).toBe('blue');
    h.set('a:2', h.rangeOf('a:2')!, 'pink'); // re-colour replaces the drawing
    expect(document.querySelectorAll(`${MARK_TAG}[data-gleaner="pink"]`)).toHaveLength(1);
    expect(document.querySelectorAll(`${MARK_TAG}[data-gleaner="blue"]`)).toHaveLength(0);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('clear(keep) leaves the kept keys', () => {
    const q = document.getElementById('q')!.firstChild as Text;
    const h = createHighlighter(document);
    h.set('a:1', rangeOver(q, 0, 6), 'green');
    h.set('f:0', rangeOver(q.parentNode!.lastChild as Text, 1, 5), 'figure');
    h.clear(k => k.startsWith('f:'));
    expect(h.keys()).toEqual(['f:0']);
  });

  it('runs its DOM writes through the guard', () => {
    const q = document.getElementById('q')!.firstChild as Text;
    let guarded = 0;
    const h = createHighlighter(document, w => {
      guarded++;
      w();
    });
    h.set('a:1', rangeOver(q, 0, 6), 'green');
    h.remove('a:1');
    expect(guarded).toBe(2);
  });
});

describe('native highlighter (CSS Custom Highlight API)', () => {
  it('registers one Highlight per style under gleaner-<style> and removes ranges', () => {
    const registry = new Map<string, Set<Range>>();
    class FakeHighlight extends Set<Range> {
      priority = 0;
    }
    const win = { Highlight: FakeHighlight, CSS: { highlights: registry } };
    const doc = { defaultView: win } as unknown as Document;
    document.body.innerHTML = '<p>Some text here</p>';
    const t = document.querySelector('p')!.firstChild as Text;
    const h = createHighlighter(doc);
    expect(h.native).toBe(true);
    h.set('a:1', rangeOver(t, 0, 4), 'yellow');
    h.set('a:2', rangeOver(t, 5, 9), 'yellow');
    h.set('f:0', rangeOver(t, 10, 14), 'figure');
    expect(registry.get('gleaner-yellow')!.size).toBe(2);
    expect(registry.get('gleaner-figure')!.size).toBe(1);
    h.set('a:2', h.rangeOf('a:2')!, 'green');
    expect(registry.get('gleaner-yellow')!.size).toBe(1);
    expect(registry.get('gleaner-green')!.size).toBe(1);
    // The page deleted our registry entry: the next draw puts it back.
    registry.delete('gleaner-yellow');
    h.set('a:3', rangeOver(t, 0, 2), 'yellow');
    expect(registry.get('gleaner-yellow')!.size).toBe(2);
    h.clear();
    expect([...registry.values()].every(s => s.size === 0)).toBe(true);
  });
});

describe('hitTest', () => {
  it('returns the ranges containing the caret whose rects contain the point, shortest first', () => {
    document.body.innerHTML = '<p>The quick brown fox</p>';
    const t = document.querySelector('p')!.firstChild as Text;
    const long = rangeOver(t, 0, 15);
    const short = rangeOver(t, 4, 9);
    const other = rangeOver(t, 16, 19);
    const rect = { left: 0, top: 0, right: 100, bottom: 20, width: 100, height: 20, x: 0, y: 0 };
    for (const r of [long, short, other])
      r.getClientRects = () => Object.assign([rect], { item: () => rect }) as unknown as DOMRectList;
    const caret = { node: t, offset: 6 };
    expect(
      hitTest(
        [
          ['long', long],
          ['short', short],
          ['other', other],
        ],
        caret,
        10,
        10,
      ),
    ).toEqual(['short', 'long']);
    // The caret snapped to the text but the point is outside the line boxes (a margin click): no hit.
    expect(hitTest([['long', long]], caret, 300, 10)).toEqual([]);
  });
});
