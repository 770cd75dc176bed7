// @vitest-environment jsdom
/** @jsxImportSource preact */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, downloadFile, libraryClient } from '../../src/popup/client';
import { ExportImport } from '../../src/popup/components/Export/ExportImport';
import { MAX_IMPORT_BYTES } from '../../src/popup/components/Export/ImportForm';
import { EMPTY_FILTER } from '../../src/popup/library-filter';
import { assertInert, errR, HOSTILE, okR, URL_A } from './popup-fixtures';

vi.mock('../../src/popup/client', async () => (await import('./popup-fixtures')).popupClientMock(vi));

const announce = vi.fn();
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

function chooseFile(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('Export', () => {
  it('exports this page by default and downloads the file', async () => {
    const file = { filename: 'gleaner-page.json', mime: 'application/ld+json', text: '{}', count: 3 };
    vi.mocked(libraryClient.exportLibrary).mockResolvedValue(okR(file));
    render(<ExportImport pageUrl={URL_A} filter={EMPTY_FILTER} announce={announce} />);
    fireEvent.click(screen.getByRole('radio', { name: 'JSON (W3C Web Annotation)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await screen.findByText('Exported 3 items to gleaner-page.json.');
    expect(libraryClient.exportLibrary).toHaveBeenCalledWith('json', { kind: 'page', url: URL_A });
    expect(downloadFile).toHaveBeenCalledWith(file);
  });

  it('exports the current filter (query included) or everything', async () => {
    vi.mocked(libraryClient.exportLibrary).mockResolvedValue(
      okR({ filename: 'x.csv', mime: 'text/csv', text: 'a', count: 1 }),
    );
    render(
      <ExportImport
        pageUrl={null}
        filter={{ ...EMPTY_FILTER, q: ' nato ', color: 'green', from: '2026-01-01' }}
        announce={announce}
      />,
    );
    expect((screen.getByRole('radio', { name: /This page/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'CSV (spreadsheet)' }));
    fireEvent.click(screen.getByRole('radio', { name: /current search and filters/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() =>
      expect(libraryClient.exportLibrary).toHaveBeenCalledWith('csv', {
        kind: 'filter',
        query: { q: 'nato', color: 'green', from: '2026-01-01T00:00:00.000Z' },
      }),
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Everything' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(libraryClient.exportLibrary).toHaveBeenLastCalledWith('csv', { kind: 'all' }));
  });

  it('copies Markdown to the clipboard', async () => {
    vi.mocked(libraryClient.exportLibrary).mockResolvedValue(
      okR({ filename: 'x.md', mime: 'text/markdown', text: '# x', count: 1 }),
    );
    render(<ExportImport pageUrl={URL_A} filter={EMPTY_FILTER} announce={announce} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    await screen.findByText('Copied 1 item to the clipboard.');
    expect(copyText).toHaveBeenCalledWith('# x');
  });

  it('shows an export failure in plain words', async () => {
    vi.mocked(libraryClient.exportLibrary).mockResolvedValue(errR('unavailable'));
    render(<ExportImport pageUrl={URL_A} filter={EMPTY_FILTER} announce={announce} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Couldn't export: that part of Gleaner isn't answering/,
    );
    expect(downloadFile).not.toHaveBeenCalled();
  });
});

describe('Import', () => {
  it('imports a JSON file and shows the report', async () => {
    vi.mocked(libraryClient.importLibrary).mockResolvedValue(
      okR({ added: 5, updated: 2, skipped: 1, pages: 3 }),
    );
    render(<ExportImport pageUrl={null} filter={EMPTY_FILTER} announce={announce} />);
    chooseFile(new File(['{"items":[]}'], 'notes.json', { type: 'application/json' }));
    await screen.findByText('Imported “notes.json”: 5 added, 2 updated, 1 skipped (3 pages).');
    expect(libraryClient.importLibrary).toHaveBeenCalledWith('{"items":[]}', 'json');
  });

  it('refuses a file over 50 MB before reading it', async () => {
    render(<ExportImport pageUrl={null} filter={EMPTY_FILTER} announce={announce} />);
    const big = new File(['x'], 'huge.json');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const text = vi.spyOn(big, 'text');
    chooseFile(big);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /“huge.json” is 50 MB; Gleaner imports files up to 50 MB/,
    );
    expect(text).not.toHaveBeenCalled();
    expect(libraryClient.importLibrary).not.toHaveBeenCalled();
  });

  it('shows the import error, with a hostile file name as text', async () => {
    vi.mocked(libraryClient.importLibrary).mockResolvedValue(errR('bad-request', 'line 1: not JSON'));
    const { container } = render(<ExportImport pageUrl={null} filter={EMPTY_FILTER} announce={announce} />);
    chooseFile(new File(['nope'], `${HOSTILE}.json`));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`Couldn't import “${HOSTILE}.json”: line 1: not JSON.`);
    assertInert(container);
  });
});
