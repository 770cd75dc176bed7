// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPageChange, watchContent, watchUrl } from '../../src/content/observe';

const flush = () => new Promise(r => setTimeout(r, 0));

describe('watchContent', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<article><p>One</p><p>Two</p></article>';
    root = document.querySelector('article')!;
  });

  it('debounces a burst of page mutations into one call', async () => {
    const onChange = vi.fn();
    const w = watchContent(root, onChange, { debounceMs: 20 });
    root.append(document.createElement('p'));
    root.firstChild!.textContent = 'changed';
    await flush();
    root.append(document.createElement('p'));
    await new Promise(r => setTimeout(r, 60));
    expect(onChange).toHaveBeenCalledTimes(1);
    w.stop();
  });

  it('ignores our own writes made through mute()', async () => {
    const onChange = vi.fn();
    const w = watchContent(root, onChange, { debounceMs: 10 });
    w.mute(() => {
      const mark = document.createElement('gleaner-mark');
      root.firstElementChild!.append(mark);
      root.firstElementChild!.firstChild!.textContent = 'rewritten by us';
    });
    await new Promise(r => setTimeout(r, 40));
    expect(onChange).not.toHaveBeenCalled();
    w.stop();
  });

  it('ignores mutations that only add or remove our own nodes', async () => {
    const onChange = vi.fn();
    const isOwn = (n: Node) => n.nodeType === 1 && (n as Element).localName === 'gleaner-mark';
    const w = watchContent(root, onChange, { debounceMs: 10, isOwn });
    const mark = document.createElement('gleaner-mark');
    root.append(mark);
    mark.remove();
    await new Promise(r => setTimeout(r, 40));
    expect(onChange).not.toHaveBeenCalled();
    root.append(document.createElement('p'));
    await new Promise(r => setTimeout(r, 40));
    expect(onChange).toHaveBeenCalledTimes(1);
    w.stop();
  });

  it('isPageChange: text edits count, our own nodes do not', () => {
    const own = document.createElement('gleaner-mark');
    const isOwn = (n: Node) => n === own;
    const rec = (over: Partial<MutationRecord>) =>
      ({
        type: 'childList',
        target: root,
        addedNodes: [],
        removedNodes: [],
        ...over,
      }) as unknown as MutationRecord;
    expect(isPageChange(rec({ type: 'characterData' }), isOwn)).toBe(true);
    expect(isPageChange(rec({ addedNodes: [own] as unknown as NodeList }), isOwn)).toBe(false);
    expect(isPageChange(rec({ target: own }), isOwn)).toBe(false);
    expect(
      isPageChange(rec({ addedNodes: [document.createElement('p')] as unknown as NodeList }), isOwn),
    ).toBe(true);
  });
});

describe('watchUrl', () => {
  afterEach(() => history.replaceState(null, '', '/'));

  it('reports pushState navigation (seen by the poll), once per normalised URL', async () => {
    const seen: string[] = [];
    const stop = watchUrl(href => seen.push(href), {
      pollMs: 10,
      normalize: h => h.replace(/#.*$/, ''),
    });
    history.pushState(null, '', '/story-2');
    await new Promise(r => setTimeout(r, 40));
    history.pushState(null, '', '/story-2#section'); // same page, fragment only
    await new Promise(r => setTimeout(r, 40));
    expect(seen).toEqual([`${location.origin}/story-2`]);
    stop();
  });

  it('reacts to popstate at once, without waiting for the poll', async () => {
    const seen: string[] = [];
    const stop = watchUrl(href => seen.push(href), { pollMs: 60_000 });
    history.pushState(null, '', '/story-3');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual([`${location.origin}/story-3`]);
    stop();
  });

  it('stops polling after stop()', async () => {
    const seen: string[] = [];
    const stop = watchUrl(href => seen.push(href), { pollMs: 10 });
    stop();
    history.pushState(null, '', '/story-4');
    await new Promise(r => setTimeout(r, 40));
    expect(seen).toEqual([]);
  });
});
