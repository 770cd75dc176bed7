// @vitest-environment jsdom
/** @jsxImportSource preact */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from '../../src/popup/client';
import { isRestrictedUrl, pageClient, targetTab } from '../../src/popup/client';
import { App } from '../../src/popup/components/App';
import { analysis, errR, okR } from './popup-fixtures';

vi.mock('../../src/popup/client', async () => {
  const mock = (await import('./popup-fixtures')).popupClientMock(vi);
  // The real URL check: it is pure and worth testing through the app.
  const real = await vi.importActual<typeof ClientModule>('../../src/popup/client');
  return { ...mock, isRestrictedUrl: vi.fn(real.isRestrictedUrl) };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('popup app', () => {
  it('has three tabs that follow the arrow keys, each with its panel', async () => {
    vi.mocked(pageClient.analysis).mockResolvedValue(okR(analysis()));
    render(<App search="" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map(t => t.textContent)).toEqual(['This page', 'Library', 'Export and import']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs.map(t => t.tabIndex)).toEqual([0, -1, -1]);
    await screen.findByRole('heading', { name: 'Allies pledge Patriot systems' });
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true'),
    );
    expect(document.activeElement?.textContent).toBe('Library');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-library');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Export and import'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('This page'));
  });

  it('on a browser page says it cannot read it and shows the library', async () => {
    vi.mocked(targetTab).mockResolvedValueOnce({ id: 3, url: 'chrome://settings/' });
    render(<App search="" />);
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true'),
    );
    expect(isRestrictedUrl).toHaveBeenCalledWith('chrome://settings/');
    expect(pageClient.analysis).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('tab', { name: 'This page' }));
    expect(screen.getByText(/Gleaner can't read this page. Browser pages/)).toBeTruthy();
  });

  it('tells "no content script" from "the analysis failed"', async () => {
    vi.mocked(pageClient.analysis).mockResolvedValue(errR('unavailable', 'Receiving end does not exist'));
    vi.mocked(pageClient.reachable).mockResolvedValueOnce(false);
    const { unmount } = render(<App search="?view=page" />);
    expect(await screen.findByText(/Gleaner can't read this page. It may be a browser page/)).toBeTruthy();
    unmount();
    vi.mocked(pageClient.reachable).mockResolvedValueOnce(true);
    render(<App search="?view=page" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Couldn't read this page/);
    vi.mocked(pageClient.analysis).mockResolvedValue(okR(analysis()));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Allies pledge Patriot systems' });
  });

  it('recognises browser-owned pages', () => {
    const real = vi.mocked(isRestrictedUrl);
    expect(real('chrome://extensions/')).toBe(true);
    expect(real('https://chromewebstore.google.com/detail/x')).toBe(true);
    expect(real('about:addons')).toBe(true);
    expect(real('https://news.example/a')).toBe(false);
    expect(real(null)).toBe(false);
  });
});
