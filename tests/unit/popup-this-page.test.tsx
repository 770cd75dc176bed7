// @vitest-environment jsdom
/** @jsxImportSource preact */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { libraryClient, pageClient } from '../../src/popup/client';
import { ThisPage } from '../../src/popup/components/ThisPage/ThisPage';
import type { PageState } from '../../src/popup/hooks/use-page-analysis';
import {
  analysis,
  annotation,
  assertInert,
  errR,
  figure,
  HOSTILE,
  okR,
  pageRecord,
  URL_A,
} from './popup-fixtures';

vi.mock('../../src/popup/client', async () => (await import('./popup-fixtures')).popupClientMock(vi));

const announce = vi.fn();
const ready = (a = analysis()): PageState => ({ kind: 'ready', tabId: 7, analysis: a });
const show = (state: PageState) =>
  render(
    <ThisPage
      state={state}
      retry={vi.fn()}
      colorLabels={{ green: 'evidence' }}
      announce={announce}
      onOpenLibrary={vi.fn()}
    />,
  );

beforeEach(() => {
  vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(okR([]));
  vi.mocked(libraryClient.getPage).mockResolvedValue(okR(null));
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('This page', () => {
  it('shows the verdict, metadata, summary, key figures with markers and key people', async () => {
    show(ready());
    expect(screen.getByText('Article')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Allies pledge Patriot systems' })).toBeTruthy();
    expect(screen.getByText(/By Jane Doe · 12 Mar 2026 · Example News · 4 min read/)).toBeTruthy();
    expect(screen.getByText('Germany leads the effort.')).toBeTruthy();
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + the two key figures
    expect(within(table).getByRole('button', { name: 'USD 1.2B' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: '> 40' })).toBeTruthy();
    expect(within(table).getByText('Patriot systems')).toBeTruthy();
    expect(within(table).queryByText('not key')).toBeNull();
    expect(screen.getByText('Mark Rutte')).toBeTruthy();
    expect(screen.getByText(', NATO Secretary-General')).toBeTruthy();
    expect(screen.queryByText('Nobody')).toBeNull();
    await screen.findByText(/No highlights on this page yet/);
  });

  it('asks the page to reveal a figure by its index in the analysis', async () => {
    show(ready());
    fireEvent.click(screen.getByRole('button', { name: '> 40' }));
    await waitFor(() => expect(pageClient.revealFigure).toHaveBeenCalledWith(7, 2));
    vi.mocked(pageClient.revealFigure).mockResolvedValueOnce(errR('unavailable'));
    fireEvent.click(screen.getByRole('button', { name: 'USD 1.2B' }));
    await waitFor(() =>
      expect(announce).toHaveBeenCalledWith(expect.stringMatching(/^Couldn't show the figure/)),
    );
  });

  it('says why it cannot read a page, and offers the library', () => {
    const onOpenLibrary = vi.fn();
    render(
      <ThisPage
        state={{ kind: 'unreadable', reason: "Gleaner can't read this page. Browser pages are off limits." }}
        retry={vi.fn()}
        colorLabels={{}}
        announce={announce}
        onOpenLibrary={onOpenLibrary}
      />,
    );
    expect(screen.getByText(/Gleaner can't read this page/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open your library' }));
    expect(onOpenLibrary).toHaveBeenCalled();
  });

  it('shows loading, and an error with a retry', () => {
    const { unmount } = show({ kind: 'loading' });
    expect(screen.getByRole('status').textContent).toBe('Reading this page…');
    unmount();
    const retry = vi.fn();
    render(
      <ThisPage
        state={{ kind: 'error', tabId: 7, message: "Couldn't read this page: it isn't answering." }}
        retry={retry}
        colorLabels={{}}
        announce={announce}
        onOpenLibrary={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain("Couldn't read this page");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalled();
  });

  it('renders hostile page text as text and runs nothing', async () => {
    const a = analysis({
      reasons: [HOSTILE],
      meta: { ...analysis().meta, title: HOSTILE, authors: [HOSTILE], siteName: HOSTILE },
      summary: [HOSTILE],
      figures: [figure({ counted: HOSTILE, sentence: HOSTILE })],
      entities: [{ name: HOSTILE, kind: 'person', role: HOSTILE, mentions: 1, first: 0, key: true }],
    });
    vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(
      okR([annotation({ exact: HOSTILE, note: HOSTILE, tags: ['<b>x</b>'] })]),
    );
    const { container } = show(ready(a));
    await screen.findByDisplayValue(HOSTILE); // the note, in its textarea
    expect(screen.getByRole('heading', { name: HOSTILE })).toBeTruthy();
    expect(screen.getAllByText(HOSTILE, { exact: false }).length).toBeGreaterThanOrEqual(4);
    assertInert(container);
    expect(container.querySelector('b')).toBeNull();
  });
});

describe('highlights on this page', () => {
  it('lists highlights in document order and orphans apart, with how to re-attach', async () => {
    vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(
      okR([
        annotation({ exact: 'third', start: 300 }),
        annotation({ exact: 'first', start: 10 }),
        annotation({ exact: 'lost passage', start: 50, orphaned: true }),
        annotation({ exact: 'second', start: 120 }),
      ]),
    );
    show(ready());
    const list = await screen.findByRole('list', { name: 'Your highlights on this page' });
    const quotes = within(list)
      .getAllByRole('button', { name: /first|second|third/ })
      .map(b => b.textContent);
    expect(quotes).toEqual(['first', 'second', 'third']);
    const orphans = screen.getByRole('list', { name: 'Highlights not found on the page' });
    expect(within(orphans).getByText('lost passage')).toBeTruthy();
    expect(screen.getByText(/To re-attach one, select the passage on the page/)).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'second' }));
    expect(pageClient.revealAnnotation).toHaveBeenCalledWith(7, expect.any(String));
  });

  it('saves an edited note and tags in place, and tells the page', async () => {
    const a = annotation({ exact: 'passage', note: 'old' });
    vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(okR([a]));
    vi.mocked(libraryClient.updateAnnotation).mockImplementation(async patch =>
      okR({ ...a, ...patch } as typeof a),
    );
    show(ready());
    const note = await screen.findByDisplayValue('old');
    fireEvent.input(note, { target: { value: 'new note' } });
    fireEvent.blur(note);
    await waitFor(() =>
      expect(libraryClient.updateAnnotation).toHaveBeenCalledWith({ id: a.id, note: 'new note' }),
    );
    const tags = screen.getByPlaceholderText('tags, comma separated');
    fireEvent.input(tags, { target: { value: 'nato, #defence nato' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    await waitFor(() =>
      expect(libraryClient.updateAnnotation).toHaveBeenCalledWith({ id: a.id, tags: ['nato', 'defence'] }),
    );
    expect(pageClient.annotationsChanged).toHaveBeenCalledWith(7);
    expect(announce).toHaveBeenCalledWith('Saved.');
  });

  it('reports a failed save in plain words', async () => {
    const a = annotation({ note: 'old' });
    vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(okR([a]));
    vi.mocked(libraryClient.updateAnnotation).mockResolvedValue(errR('quota'));
    show(ready());
    const note = await screen.findByDisplayValue('old');
    fireEvent.input(note, { target: { value: 'x' } });
    fireEvent.blur(note);
    await waitFor(() => expect(announce).toHaveBeenCalledWith(expect.stringMatching(/storage is full/)));
  });

  it('deletes with undo', async () => {
    const a = annotation({ exact: 'doomed' });
    vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(okR([a]));
    vi.mocked(libraryClient.deleteAnnotation).mockResolvedValue(okR(a));
    vi.mocked(libraryClient.restoreAnnotation).mockResolvedValue(okR(a));
    show(ready());
    await screen.findByText('doomed');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByRole('button', { name: 'Undo' });
    expect(screen.queryByText('doomed')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('doomed');
    expect(libraryClient.restoreAnnotation).toHaveBeenCalledWith(a);
  });

  it('shows an error when the highlights cannot be loaded', async () => {
    vi.mocked(libraryClient.annotationsForPage).mockResolvedValue(errR('unavailable'));
    show(ready());
    expect((await screen.findByRole('alert')).textContent).toMatch(/Couldn't load your highlights/);
  });
});

describe('save and export this page', () => {
  it('saves the analysis snapshot', async () => {
    vi.mocked(libraryClient.savePage).mockResolvedValue(okR(pageRecord()));
    show(ready());
    fireEvent.click(screen.getByRole('button', { name: 'Save page' }));
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Page saved to your library.'));
    const input = vi.mocked(libraryClient.savePage).mock.calls[0]![0];
    expect(input).toMatchObject({
      url: URL_A,
      title: 'Allies pledge Patriot systems',
      authors: ['Jane Doe'],
    });
    expect(input.figures).toHaveLength(3);
    await screen.findByRole('button', { name: 'Saved ✓' });
  });

  it('copies Markdown to the clipboard and downloads the other formats', async () => {
    const client = await import('../../src/popup/client');
    const file = { filename: 'gleaner.md', mime: 'text/markdown', text: '# notes', count: 2 };
    vi.mocked(libraryClient.exportLibrary).mockResolvedValue(okR(file));
    show(ready());
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await waitFor(() => expect(client.copyText).toHaveBeenCalledWith('# notes'));
    expect(libraryClient.exportLibrary).toHaveBeenCalledWith('markdown', { kind: 'page', url: URL_A });
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(client.downloadFile).toHaveBeenCalledWith(file));
    expect(libraryClient.exportLibrary).toHaveBeenLastCalledWith('csv', { kind: 'page', url: URL_A });
  });
});
