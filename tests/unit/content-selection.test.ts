// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { selectedRange } from '../../src/content/selection';

function select(node: Node, start: number, end: number, endNode: Node = node) {
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(endNode, end);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(r);
}

beforeEach(() => {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.textContent = 'Plain article text.';
  const ce = document.createElement('div');
  ce.setAttribute('contenteditable', 'true');
  ce.textContent = 'Editable text.';
  const ta = document.createElement('textarea');
  ta.value = 'Textarea text';
  const own = document.createElement('gleaner-ui-test');
  own.textContent = 'Our own UI text.';
  const blank = document.createElement('p');
  blank.textContent = '     ';
  document.body.append(p, ce, ta, own, blank);
});

describe('selectedRange', () => {
  it('returns a copy of a real selection in the article', () => {
    const t = document.querySelector('p')!.firstChild!;
    select(t, 0, 5);
    const r = selectedRange(document)!;
    expect(r.toString()).toBe('Plain');
    document.getSelection()!.removeAllRanges();
    expect(r.toString()).toBe('Plain'); // a clone: independent of later selection changes
  });

  it('ignores collapsed and blank selections', () => {
    const t = document.querySelector('p')!.firstChild!;
    select(t, 3, 3);
    expect(selectedRange(document)).toBeNull();
    select(document.querySelectorAll('p')[1]!.firstChild!, 0, 5);
    expect(selectedRange(document)).toBeNull();
  });

  it('ignores selections in contenteditable content and while a text field has focus', () => {
    select(document.querySelector('[contenteditable]')!.firstChild!, 0, 8);
    expect(selectedRange(document)).toBeNull();
    const ta = document.querySelector('textarea')!;
    ta.focus();
    select(document.querySelector('p')!.firstChild!, 0, 5);
    expect(selectedRange(document)).toBeNull();
    ta.blur();
    select(document.querySelector('p')!.firstChild!, 0, 5);
    expect(selectedRange(document)?.toString()).toBe('Plain');
  });

  it('ignores selections inside our own UI', () => {
    const own = document.querySelector('gleaner-ui-test')!;
    select(own.firstChild!, 0, 3);
    expect(selectedRange(document, n => own.contains(n))).toBeNull();
  });
});
