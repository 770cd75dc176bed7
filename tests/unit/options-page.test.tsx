// @vitest-environment jsdom
/** @jsxImportSource preact */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { optionsClient } from '../../src/options/client';
import { OptionsApp } from '../../src/options/components/OptionsApp';
import { parseSite } from '../../src/options/site-input';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../src/shared/settings';
import { assertInert, errR, HOSTILE, okR } from './popup-fixtures';

vi.mock('../../src/options/client', () => ({
  optionsClient: {
    loadSettings: vi.fn(),
    saveSettings: vi.fn(),
    onSettingsChanged: vi.fn(),
    commands: vi.fn(),
    shortcutSettings: vi.fn(() => ({
      url: 'chrome://extensions/shortcuts',
      howTo: 'type chrome://extensions/shortcuts into the address bar.',
    })),
    openShortcutSettings: vi.fn(async () => ({ ok: true, value: true })),
    storage: vi.fn(),
    persist: vi.fn(),
    stats: vi.fn(),
    exportAll: vi.fn(),
    deleteAll: vi.fn(),
    download: vi.fn(),
  },
}));

let stored: Settings;
let listener: ((s: Settings) => void) | null;

beforeEach(() => {
  stored = { ...DEFAULT_SETTINGS, colorLabels: { ...DEFAULT_SETTINGS.colorLabels } };
  listener = null;
  vi.mocked(optionsClient.loadSettings).mockImplementation(async () => stored);
  vi.mocked(optionsClient.saveSettings).mockImplementation(
    async patch => (stored = sanitizeSettings({ ...stored, ...patch })),
  );
  vi.mocked(optionsClient.onSettingsChanged).mockImplementation(l => {
    listener = l;
    return () => (listener = null);
  });
  vi.mocked(optionsClient.commands).mockResolvedValue([
    { name: '_execute_action', description: 'Open Gleaner', shortcut: 'Alt+Shift+G' },
    { name: 'highlight-selection', description: 'Highlight the selected text with Gleaner', shortcut: '' },
  ]);
  vi.mocked(optionsClient.storage).mockResolvedValue({
    usage: 5 * 1024 * 1024,
    quota: 2 * 1024 ** 3,
    persisted: false,
  });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('options page', () => {
  it('saves each toggle at once and follows changes made elsewhere', async () => {
    render(<OptionsApp />);
    const auto = await screen.findByRole('checkbox', { name: 'Detect articles automatically' });
    expect((auto as HTMLInputElement).checked).toBe(true);
    fireEvent.click(auto);
    await waitFor(() => expect(optionsClient.saveSettings).toHaveBeenCalledWith({ autoDetect: false }));
    expect(await screen.findByText('Saved. Open tabs use the new setting now.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark key figures in articles' }));
    await waitFor(() =>
      expect(optionsClient.saveSettings).toHaveBeenLastCalledWith({ highlightFigures: false }),
    );
    // Another tab turns the toolbar off: the page follows without a reload.
    listener!({ ...stored, selectionToolbar: false });
    await waitFor(() =>
      expect(
        (screen.getByRole('checkbox', { name: 'Show the toolbar when I select text' }) as HTMLInputElement)
          .checked,
      ).toBe(false),
    );
  });

  it('sets the default colour and a meaning per colour', async () => {
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Use green by default' }));
    await waitFor(() => expect(optionsClient.saveSettings).toHaveBeenCalledWith({ defaultColor: 'green' }));
    const green = screen.getByRole('textbox', { name: 'What green means' });
    fireEvent.input(green, { target: { value: HOSTILE } });
    fireEvent.blur(green);
    await waitFor(() =>
      expect(optionsClient.saveSettings).toHaveBeenLastCalledWith({
        colorLabels: { ...DEFAULT_SETTINGS.colorLabels, green: HOSTILE.slice(0, 60) },
      }),
    );
  });

  it('adds validated sites to the exclusions and removes them', async () => {
    render(<OptionsApp />);
    const input = await screen.findByRole('textbox', { name: 'Site to exclude' });
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/is not a site name/);
    expect(optionsClient.saveSettings).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: 'https://www.Example.com/news?x=1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(optionsClient.saveSettings).toHaveBeenCalledWith({ excludedSites: ['example.com'] }),
    );
    const list = await screen.findByRole('list', { name: 'Excluded sites' });
    expect(within(list).getByText('example.com')).toBeTruthy();
    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('example.com is already excluded.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    await waitFor(() => expect(optionsClient.saveSettings).toHaveBeenLastCalledWith({ excludedSites: [] }));
    expect(await screen.findByText('No sites excluded.')).toBeTruthy();
  });

  it('lists the shortcuts and points to the browser settings', async () => {
    render(<OptionsApp />);
    expect(await screen.findByText('Alt+Shift+G')).toBeTruthy();
    expect(screen.getByText('not set')).toBeTruthy();
    expect(
      screen.getByText(/Or by hand: type chrome:\/\/extensions\/shortcuts into the address bar/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change shortcuts…' }));
    expect(optionsClient.openShortcutSettings).toHaveBeenCalled();
  });

  it('shows storage used and asks to keep the data, showing the answer', async () => {
    vi.mocked(optionsClient.persist).mockResolvedValueOnce(okR(false)).mockResolvedValueOnce(okR(true));
    render(<OptionsApp />);
    expect(await screen.findByText('Gleaner uses 5.0 MB of the 2.0 GB available to it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep my data' }));
    expect(await screen.findByText(/The browser declined for now/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep my data' }));
    expect(await screen.findByText(/Done: the browser will keep/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Keep my data' })).toBeNull();
  });

  it('deletes everything only after a confirmation that offers an export first', async () => {
    const file = { filename: 'gleaner-all.json', mime: 'application/ld+json', text: '{}', count: 12 };
    vi.mocked(optionsClient.exportAll).mockResolvedValue(okR(file));
    vi.mocked(optionsClient.deleteAll).mockResolvedValue(okR({ pages: 3, annotations: 12 }));
    render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything…' }));
    expect(optionsClient.deleteAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Export everything (JSON)' }));
    expect(await screen.findByText('Saved 12 items to gleaner-all.json.')).toBeTruthy();
    expect(optionsClient.download).toHaveBeenCalledWith(file);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything now' }));
    expect(await screen.findByText('Deleted 3 pages and 12 highlights.')).toBeTruthy();
  });

  it('cancels, and reports a failed delete in plain words', async () => {
    vi.mocked(optionsClient.deleteAll).mockResolvedValue(errR('unavailable', 'not implemented yet'));
    const { container } = render(<OptionsApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was deleted: not implemented yet.');
    assertInert(container);
  });
});

describe('parseSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.ORG ', 'news.example.org'],
    ['https://www.example.com/a?b#c', 'example.com'],
    ['example.com/path', 'example.com'],
    ['*.example.com', 'example.com'],
    ['localhost:8080', 'localhost'],
  ])('%s -> %s', (input, host) => expect(parseSite(input)).toEqual({ ok: true, host }));

  it.each([
    '',
    'example',
    'exa mple.com',
    '-bad.com',
    'javascript:alert(1)',
    HOSTILE,
    `${'a'.repeat(64)}.com`,
  ])('refuses %s', input => expect(parseSite(input).ok).toBe(false));
});
