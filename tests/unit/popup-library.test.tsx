// @vitest-environment jsdom
/** @jsxImportSource preact */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListAnnotationsQuery } from '../../src/shared/messages';
import { libraryClient, openAndReveal } from '../../src/popup/client';
import { Library } from '../../src/popup/components/Library/Library';
import { writeHead } from '../../src/popup/library-cache';
import { EMPTY_FILTER, type LibraryFilter } from '../../src/popup/library-filter';
import { annotationRow } from '../../src/popup/library-rows';
import { annotation, assertInert, errR, HOSTILE, okR, pageRecord } from './popup-fixtures';

vi.mock('../../src/popup/client', async () => (await import('./popup-fixtures')).popupClientMock(vi));

const announce = vi.fn();
function Harness({ initial = EMPTY_FILTER }: { initial?: LibraryFilter }) {
  const [filter, setFilter] = useState(initial);
  return (
    <Library
      filter={filter}
      onFilterChange={p => setFilter(f => ({ ...f, ...p }))}
      colorLabels={{ green: 'evidence' }}
      announce={announce}
    />
  );
}

/** A library of `total` annotations served in pages, like the storage API. */
function serveLibrary(total: number) {
  vi.mocked(libraryClient.listAnnotations).mockImplementation(async (q: ListAnnotationsQuery) => {
    const offset = q.offset ?? 0;
    const n = Math.max(0, Math.min(q.limit ?? 50, total - offset));
    return okR({
      items: Array.from({ length: n }, (_, i) =>
        annotation({ id: `id-${offset + i}`, exact: `quote ${offset + i}` }),
      ),
      total,
    });
  });
}

beforeEach(() => {
  localStorage.clear();
  vi.mocked(libraryClient.listAnnotations).mockResolvedValue(okR({ items: [], total: 0 }));
  vi.mocked(libraryClient.search).mockResolvedValue(okR([]));
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Library', () => {
  it('says plainly when the library is empty', async () => {
    render(<Harness />);
    expect(await screen.findByText(/Your library is empty/)).toBeTruthy();
  });

  it('shows an error in plain words and retries', async () => {
    vi.mocked(libraryClient.listAnnotations).mockResolvedValueOnce(
      errR('unavailable', 'not implemented yet'),
    );
    render(<Harness />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Couldn't load your library: that part of Gleaner isn't answering/);
    serveLibrary(3);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('quote 2')).toBeTruthy();
  });

  it('renders a window of a 10,000-item library, not all of it, fetching one block', async () => {
    serveLibrary(10_000);
    render(<Harness />);
    const list = await screen.findByRole('list', { name: 'Your library' });
    await screen.findByText('quote 0');
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByText('10000 highlights, newest first')).toBeTruthy();
    expect(libraryClient.listAnnotations).toHaveBeenCalledTimes(1);
    expect(vi.mocked(libraryClient.listAnnotations).mock.calls[0]![0]).toMatchObject({
      offset: 0,
      limit: 100,
    });
    // Scrolling far fetches the block there, and only the rows in view are rendered.
    list.scrollTop = 68 * 5000;
    fireEvent.scroll(list);
    expect(await screen.findByText('quote 5000')).toBeTruthy();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(30);
    expect(within(list).queryByText('quote 0')).toBeNull();
  });

  it('moves through rows with the keyboard (roving tabindex) and opens one with Enter', async () => {
    serveLibrary(50);
    render(<Harness />);
    await screen.findByText('quote 0');
    const list = screen.getByRole('list', { name: 'Your library' });
    const tabStops = () =>
      within(list)
        .getAllByRole('listitem')
        .filter(r => r.tabIndex === 0);
    expect(tabStops()).toHaveLength(1);
    const first = tabStops()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-index')).toBe('1'));
    expect(tabStops().map(r => r.getAttribute('data-index'))).toEqual(['1']);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-index')).toBe('49'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await waitFor(() =>
      expect(openAndReveal).toHaveBeenCalledWith('https://news.example/a/patriot', 'id-49'),
    );
  });

  it('searches as you type and marks the matches with <mark> elements', async () => {
    const hit = annotation({ exact: 'Patriot systems for Ukraine', note: 'check figure' });
    vi.mocked(libraryClient.search).mockResolvedValue(
      okR([
        {
          type: 'annotation',
          score: 1,
          page: pageRecord(),
          annotation: hit,
          snippet: 'Patriot systems for Ukraine',
          marks: [[0, 7]],
        },
        {
          type: 'page',
          score: 0.5,
          page: pageRecord({ title: 'Other page' }),
          annotation: null,
          snippet: 'about Patriot',
          marks: [[6, 13]],
        },
      ]),
    );
    render(<Harness />);
    await screen.findByText(/Your library is empty/);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'patriot' } });
    await screen.findByText('2 results');
    expect(libraryClient.search).toHaveBeenCalledWith(expect.objectContaining({ q: 'patriot' }));
    const marks = [...document.querySelectorAll('mark')].map(m => m.textContent);
    expect(marks).toEqual(['Patriot', 'Patriot']);
    expect(screen.getByRole('list', { name: 'Search results for patriot' })).toBeTruthy();
  });

  it('debounces a burst of keystrokes into one trailing search', async () => {
    render(<Harness />);
    await screen.findByText(/Your library is empty/);
    const box = screen.getByRole('searchbox');
    for (const v of ['n', 'na', 'nat', 'nato']) fireEvent.input(box, { target: { value: v } });
    await waitFor(() =>
      expect(libraryClient.search).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'nato' })),
    );
    // The first keystroke goes at once; the rest collapse into the trailing call.
    expect(vi.mocked(libraryClient.search).mock.calls.map(c => c[0].q)).toEqual(['n', 'nato']);
    expect(await screen.findByText(/Nothing matches “nato”/)).toBeTruthy();
  });

  it('renders hostile titles, quotes, notes and snippets as text', async () => {
    const evil = annotation({ exact: HOSTILE, note: HOSTILE, tags: [HOSTILE] });
    vi.mocked(libraryClient.search).mockResolvedValue(
      okR([
        {
          type: 'annotation',
          score: 1,
          page: pageRecord({ title: HOSTILE }),
          annotation: evil,
          snippet: HOSTILE,
          marks: [
            [0, 4],
            [2, 90],
            [-5, -1],
          ],
        },
      ]),
    );
    const { container } = render(<Harness />);
    await screen.findByText(/Your library is empty/);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'img' } });
    await screen.findByText('1 result');
    expect(container.textContent).toContain(HOSTILE);
    assertInert(container);
  });

  it('passes filters to the storage query', async () => {
    vi.mocked(libraryClient.stats).mockResolvedValue(
      okR({
        pages: 1,
        annotations: 1,
        orphans: 0,
        tags: [{ tag: 'nato', count: 1 }],
        sites: [{ site: 'news.example', count: 1 }],
      }),
    );
    render(<Harness />);
    await screen.findByText(/Your library is empty/);
    await screen.findByRole('option', { name: '#nato (1)' });
    const [site, tag, colour] = screen.getAllByRole('combobox');
    fireEvent.change(colour!, { target: { value: 'green' } });
    fireEvent.change(tag!, { target: { value: 'nato' } });
    fireEvent.change(site!, { target: { value: 'news.example' } });
    await waitFor(() =>
      expect(libraryClient.listAnnotations).toHaveBeenLastCalledWith({
        color: 'green',
        tag: 'nato',
        site: 'news.example',
        offset: 0,
        limit: 100,
      }),
    );
    expect(await screen.findByText('Nothing matches these filters.')).toBeTruthy();
  });

  it('paints the cached head of the library at once, then replaces it with the fresh list', async () => {
    writeHead('annotations', 2, [
      annotationRow(annotation({ exact: 'cached one' })),
      annotationRow(annotation({ exact: 'cached two' })),
    ]);
    let answer: (v: Awaited<ReturnType<typeof libraryClient.listAnnotations>>) => void = () => {};
    vi.mocked(libraryClient.listAnnotations).mockReturnValueOnce(new Promise(done => (answer = done)));
    render(<Harness />);
    // Before the worker answers: the cached rows, and no secondary calls competing with the list.
    expect(screen.getByText('cached one')).toBeTruthy();
    expect(libraryClient.stats).not.toHaveBeenCalled();
    answer(okR({ items: [annotation({ exact: 'fresh one' })], total: 1 }));
    expect(await screen.findByText('fresh one')).toBeTruthy();
    expect(screen.queryByText('cached one')).toBeNull();
    expect(screen.getByText('1 highlight, newest first')).toBeTruthy();
    await waitFor(() => expect(libraryClient.stats).toHaveBeenCalled());
    // The fresh head is what the next opening paints first.
    expect(localStorage.getItem('gleaner:library-head:annotations')).toContain('fresh one');
  });

  it('does not use the cached head for a filtered list', async () => {
    writeHead('annotations', 1, [annotationRow(annotation({ exact: 'cached one' }))]);
    render(<Harness initial={{ ...EMPTY_FILTER, color: 'blue' }} />);
    expect(screen.queryByText('cached one')).toBeNull();
    expect(await screen.findByText('Nothing matches these filters.')).toBeTruthy();
  });
  it('asks for light search rows and shows a page title sent once on every row of that page', async () => {
    const a1 = annotationRow(annotation({ id: 'r1', exact: 'Patriot one', pageUrl: 'https://x.example/p' }));
    const a2 = annotationRow(annotation({ id: 'r2', exact: 'Patriot two', pageUrl: 'https://x.example/p' }));
    vi.mocked(libraryClient.search).mockResolvedValue(
      okR([
        {
          type: 'annotation',
          score: 2,
          page: null,
          annotation: null,
          row: { ...(a1 as Extract<typeof a1, { kind: 'annotation' }>), pageTitle: 'The X story' },
          snippet: 'Patriot one',
          marks: [[0, 7]],
        },
        {
          type: 'annotation',
          score: 1,
          page: null,
          annotation: null,
          row: a2,
          snippet: 'Patriot two',
          marks: [[0, 7]],
        },
      ]),
    );
    render(<Harness />);
    await screen.findByText(/Your library is empty/);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'patriot' } });
    await screen.findByText('2 results');
    expect(libraryClient.search).toHaveBeenCalledWith(
      expect.objectContaining({ q: 'patriot', shape: 'rows' }),
    );
    expect(screen.getAllByText(/The X story/)).toHaveLength(2);
    fireEvent.click(screen.getAllByRole('listitem')[1]!);
    await waitFor(() => expect(openAndReveal).toHaveBeenCalledWith('https://x.example/p', 'r2'));
  });

  it('ignores a cached head written by an older version (full records) and waits for the worker', async () => {
    localStorage.setItem(
      'gleaner:library-head:annotations',
      JSON.stringify({ v: 1, show: 'annotations', total: 1, items: [annotation({ exact: 'old shape' })] }),
    );
    serveLibrary(1);
    render(<Harness />);
    expect(screen.queryByText('old shape')).toBeNull();
    expect(await screen.findByText('quote 0')).toBeTruthy();
  });
});
