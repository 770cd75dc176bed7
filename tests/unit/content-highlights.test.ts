// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundApi, Notice } from '../../src/content/api';
import { createHighlighter } from '../../src/content/highlighter';
import { Highlights } from '../../src/content/highlights';
import { isUuid } from '../../src/shared/uuid';
import type { Annotation } from '../../src/shared/types';
import { err, ok, type Result } from '../../src/shared/result';

/** An in-memory background: a Map of annotations, and a switch that makes every call fail. */
function fakeBackground() {
  const db = new Map<string, Annotation>();
  const calls: string[] = [];
  const state = { down: false };
  const api = (async (type: string, ...args: unknown[]): Promise<Result<unknown>> => {
    calls.push(type);
    if (state.down) return err('unavailable', 'the worker is not answering');
    switch (type) {
      case 'savePage':
        return ok({});
      case 'addAnnotation':
      case 'restoreAnnotation': {
        const a = structuredClone(args[0] as Annotation);
        db.set(a.id, a);
        return ok(a);
      }
      case 'updateAnnotation': {
        const patch = args[0] as Partial<Annotation> & { id: string };
        const a = db.get(patch.id);
        if (!a) return err('not-found', 'no such annotation');
        const next = { ...a, ...patch };
        db.set(a.id, next);
        return ok(next);
      }
      case 'deleteAnnotation': {
        const a = db.get(args[0] as string);
        if (!a) return err('not-found', 'no such annotation');
        db.delete(a.id);
        return ok(a);
      }
      case 'annotationsForPage':
        return ok([...db.values()].filter(a => a.pageUrl === args[0]));
      default:
        return err('internal', `unexpected ${type}`);
    }
  }) as BackgroundApi;
  return { api, db, calls, state };
}

const PAGE = `
  <article>
    <p>NATO Secretary-General Mark Rutte said the alliance would deliver more Patriot systems.</p>
    <p>Germany pledged two additional batteries, worth about $2 billion, by the end of the year.</p>
  </article>`;

/** Replace the body with test markup (parsed, so no innerHTML sink with a variable). */
function setBody(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map(n => document.importNode(n, true)));
}

function rangeOfText(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i >= 0) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + text.length);
      return r;
    }
  }
  throw new Error(`text not found: ${text}`);
}

function setup(settleMs = 10) {
  const bg = fakeBackground();
  const notices: Notice[] = [];
  const highlighter = createHighlighter(document);
  const h = new Highlights({
    api: bg.api,
    highlighter,
    notify: n => notices.push(n),
    root: () => document.body,
    slice: { yieldFn: async () => {} },
    settleMs,
    retryMs: 60_000,
  });
  return { bg, notices, highlighter, h };
}

beforeEach(() => {
  history.replaceState(null, '', '/article');
  setBody(PAGE);
});

describe('Highlights', () => {
  it('creates: draws at once, stores a UUID record with quote and position selectors', async () => {
    const { bg, h, highlighter } = setup();
    const a = h.create(rangeOfText('more Patriot systems'), 'green')!;
    expect(isUuid(a.id)).toBe(true);
    expect(highlighter.has(`a:${a.id}`)).toBe(true);
    expect(a.pageUrl).toBe(`${location.origin}/article`);
    expect(a.target.selector.map(s => s.type).sort()).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    expect(bg.calls.slice(0, 2)).toEqual(
      ['savePage', 'addAnnotation'].slice(bg.calls[0] === 'savePage' ? 0 : 1),
    );
    expect(h.pendingCount).toBe(0);
  });

  it('never loses a highlight when the background is down: message, kept in memory, saved on retry', async () => {
    const { bg, h, notices, highlighter } = setup();
    bg.state.down = true;
    const a = h.create(rangeOfText('two additional batteries'), 'yellow')!;
    await vi.waitFor(() => expect(notices.length).toBeGreaterThan(0));
    expect(notices.at(-1)).toMatchObject({ kind: 'error', action: { label: 'Retry now' } });
    expect(h.pendingCount).toBe(1);
    expect(highlighter.has(`a:${a.id}`)).toBe(true);
    bg.state.down = false;
    notices.at(-1)!.action!.run();
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    expect(h.pendingCount).toBe(0);
  });

  it('keeps unsaved highlights across SPA navigation and saves them for their own page', async () => {
    const { bg, h } = setup();
    await h.load(location.href);
    bg.state.down = true;
    const a = h.create(rangeOfText('Mark Rutte'), 'blue')!;
    await vi.waitFor(() => expect(h.pendingCount).toBe(1));
    history.pushState(null, '', '/other');
    document.body.innerHTML = '<p>Another story entirely.</p>';
    bg.state.down = false;
    await h.load(location.href);
    expect(h.entries.has(a.id)).toBe(false);
    await h.retryPending();
    expect(bg.db.get(a.id)?.pageUrl).toBe(`${location.origin}/article`);
  });

  it('restores stored highlights on load, on the same text', async () => {
    const first = setup();
    const a = first.h.create(rangeOfText('about $2 billion'), 'pink')!;
    await vi.waitFor(() => expect(first.bg.db.has(a.id)).toBe(true));
    // A "reload": fresh DOM, fresh controller, same storage.
    setBody(PAGE);
    const { h } = setup();
    const stored = first.bg;
    const h2 = new Highlights({
      api: stored.api,
      highlighter: createHighlighter(document),
      notify: () => {},
      root: () => document.body,
      slice: { yieldFn: async () => {} },
    });
    await h2.load(location.href);
    expect(h2.entries.get(a.id)?.range?.toString()).toBe('about $2 billion');
    h.dispose();
    h2.dispose();
  });

  it('a reload that changes nothing redraws nothing; a changed record is anchored and drawn again', async () => {
    const { bg, h, highlighter } = setup();
    const a = h.create(rangeOfText('Mark Rutte'), 'blue')!;
    const b = h.create(rangeOfText('two additional batteries'), 'yellow')!;
    await vi.waitFor(() => expect(bg.db.size).toBe(2));
    await h.load(location.href);
    const set = vi.spyOn(highlighter, 'set');
    // An echo (the same versions announced again) must not re-anchor or redraw.
    await h.load(location.href);
    expect(set).not.toHaveBeenCalled();
    // Another context recolours b: a new version, so b alone is anchored and drawn again.
    bg.db.set(b.id, { ...bg.db.get(b.id)!, color: 'green', updated: '2099-01-01T00:00:00.000Z' });
    await h.load(location.href);
    expect(set.mock.calls.map(c => [c[0], c[2]])).toEqual([[`a:${b.id}`, 'green']]);
    expect(h.entries.get(b.id)!.range!.toString()).toBe('two additional batteries');
    expect(h.entries.get(a.id)!.range!.toString()).toBe('Mark Rutte');
    h.dispose();
  });

  it('restores on a long page with the text index built in slices before the first anchor', async () => {
    const paras = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i} says <b>something</b> new.</p>`);
    setBody(`<article>${paras.join('')}<p>Germany pledged about $2 billion in the last line.</p></article>`);
    const first = setup();
    const a = first.h.create(rangeOfText('about $2 billion'), 'pink')!;
    await vi.waitFor(() => expect(first.bg.db.has(a.id)).toBe(true));
    first.h.dispose();
    // A "reload" of the same page: the clock advances 10 ms per reading, so every check is due and the walk
    // pauses at each of its checks; nothing is drawn before the index is complete.
    setBody(`<article>${paras.join('')}<p>Germany pledged about $2 billion in the last line.</p></article>`);
    let t = 0;
    const events: string[] = [];
    const highlighter = createHighlighter(document);
    const set = highlighter.set.bind(highlighter);
    highlighter.set = (...args: Parameters<typeof set>) => {
      events.push('draw');
      set(...args);
    };
    const h2 = new Highlights({
      api: first.bg.api,
      highlighter,
      notify: () => {},
      root: () => document.body,
      slice: { sliceMs: 8, now: () => (t += 10), yieldFn: async () => void events.push('yield') },
    });
    await h2.load(location.href);
    expect(h2.entries.get(a.id)?.range?.toString()).toBe('about $2 billion');
    expect(events.indexOf('draw')).toBeGreaterThan(3); // the walk paused several times (an unsliced build: once)
    expect(events.slice(0, events.indexOf('draw')).every(e => e === 'yield')).toBe(true);
    h2.dispose();
  });

  it('flags an orphan in storage after the settle delay and un-flags it when it anchors again', async () => {
    const { bg, h } = setup(10);
    const a = h.create(rangeOfText('Germany pledged two additional batteries'), 'green')!;
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    document.body.innerHTML = '<p>Something else entirely now stands on this page.</p>';
    await h.load(location.href);
    expect(h.entries.get(a.id)!.range).toBeNull();
    await vi.waitFor(() => expect(bg.db.get(a.id)!.orphaned).toBe(true));
    setBody(PAGE);
    await h.reanchor();
    expect(h.entries.get(a.id)!.range?.toString()).toBe('Germany pledged two additional batteries');
    await vi.waitFor(() => expect(bg.db.get(a.id)!.orphaned).toBe(false));
  });

  it('re-attaches an orphan to a new selection and clears its orphan flag', async () => {
    const { bg, h } = setup(10);
    const a = h.create(rangeOfText('Germany pledged two additional batteries'), 'green')!;
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    setBody('<p>Berlin has pledged a pair of extra batteries, the ministry said.</p>');
    await h.load(location.href);
    await vi.waitFor(() => expect(bg.db.get(a.id)!.orphaned).toBe(true));
    expect(h.orphans().map(o => o.id)).toEqual([a.id]);
    expect(await h.reattach(a.id, rangeOfText('Berlin has pledged a pair of extra batteries'))).toBe(true);
    expect(bg.db.get(a.id)).toMatchObject({ orphaned: false });
    expect(JSON.stringify(bg.db.get(a.id)!.target.selector)).toContain(
      'Berlin has pledged a pair of extra batteries',
    );
    expect(h.orphans()).toEqual([]);
    // And it anchors on the next load.
    await h.load(location.href);
    expect(h.entries.get(a.id)!.range!.toString()).toBe('Berlin has pledged a pair of extra batteries');
  });

  it('re-anchors after the page re-renders the text (stale live ranges)', async () => {
    const { bg, h } = setup();
    const a = h.create(rangeOfText('more Patriot systems'), 'green')!;
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    setBody(`<div class="ad">Advertisement</div>${PAGE}`);
    expect(h.entries.get(a.id)!.range!.toString()).not.toBe('more Patriot systems');
    await h.reanchor();
    expect(h.entries.get(a.id)!.range!.toString()).toBe('more Patriot systems');
  });

  it('edits note, tags and colour; delete offers an undo that restores it', async () => {
    const { bg, h, highlighter } = setup();
    const a = h.create(rangeOfText('Mark Rutte'), 'yellow')!;
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    expect(await h.update({ id: a.id, note: 'check this', tags: ['nato'], color: 'purple' })).toEqual({
      ok: true,
    });
    expect(bg.db.get(a.id)).toMatchObject({ note: 'check this', tags: ['nato'], color: 'purple' });
    expect(highlighter.styleOf(`a:${a.id}`)).toBe('purple');
    const undo = await h.remove(a.id);
    expect(bg.db.has(a.id)).toBe(false);
    expect(highlighter.has(`a:${a.id}`)).toBe(false);
    expect(await undo!()).toBe(true);
    expect(bg.db.get(a.id)?.note).toBe('check this');
    expect(h.entries.get(a.id)!.range!.toString()).toBe('Mark Rutte');
    expect(highlighter.has(`a:${a.id}`)).toBe(true);
  });

  it('reports a failed edit and keeps the local change for retry', async () => {
    const { bg, h } = setup();
    const a = h.create(rangeOfText('Mark Rutte'), 'yellow')!;
    await vi.waitFor(() => expect(bg.db.has(a.id)).toBe(true));
    bg.state.down = true;
    const res = await h.update({ id: a.id, note: 'important' });
    expect(res.ok).toBe(false);
    expect(h.entries.get(a.id)!.annotation.note).toBe('important');
    bg.state.down = false;
    await h.retryPending();
    expect(bg.db.get(a.id)!.note).toBe('important');
  });

  it('refuses blank selections', () => {
    document.body.innerHTML = '<p>a</p><p>   </p>';
    const { h } = setup();
    const r = document.createRange();
    r.selectNodeContents(document.querySelectorAll('p')[1]!);
    expect(h.create(r, 'yellow')).toBeNull();
  });
});
