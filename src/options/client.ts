/**
 * The options page's only route to the rest of the extension: settings in storage.local (applied
 * live by every context through storage.onChanged), the manifest's keyboard commands, storage
 * quota, and the three library calls the page needs. Tests mock this module.
 */
import { browser } from '../platform/browser';
import { toBackground } from '../shared/clients';
import type { ExportFile, LibraryStats } from '../shared/messages';
import { downloadFile } from '../shared/download';
import { err, ok, type Result } from '../shared/result';
import { loadSettings, onSettingsChanged, saveSettings, type Settings } from '../shared/settings';

/**
 * The popup keeps the head of the library in this origin's localStorage to paint at once
 * (src/popup/library-cache.ts, same key prefix): deleting everything must drop it too.
 */
const LIBRARY_HEAD_PREFIX = 'gleaner:library-head';

function forgetLibraryHead(): void {
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith(LIBRARY_HEAD_PREFIX)) localStorage.removeItem(key);
  } catch {
    // No localStorage: nothing was cached.
  }
}

export interface CommandInfo {
  name: string;
  description: string;
  /** '' when the user has not set one (or the suggested one was taken). */
  shortcut: string;
}

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export const optionsClient = {
  loadSettings: (): Promise<Settings> => loadSettings(),
  saveSettings: (patch: Partial<Settings>): Promise<Settings> => saveSettings(patch),
  onSettingsChanged: (listener: (s: Settings) => void): (() => void) => onSettingsChanged(listener),

  async commands(): Promise<CommandInfo[]> {
    try {
      const list = await browser.commands.getAll();
      return list.map(c => ({
        name: c.name ?? '',
        description: c.description || (c.name === '_execute_action' ? 'Open Gleaner' : (c.name ?? '')),
        shortcut: c.shortcut ?? '',
      }));
    } catch {
      return [];
    }
  },

  /** Where the browser lets people change extension shortcuts. */
  shortcutSettings(): { url: string; howTo: string } {
    return location.protocol === 'moz-extension:'
      ? {
          url: 'about:addons',
          howTo: 'open about:addons, click the gear icon and choose “Manage Extension Shortcuts”.',
        }
      : {
          url: 'chrome://extensions/shortcuts',
          howTo: 'type chrome://extensions/shortcuts into the address bar.',
        };
  },

  /**
   * Open the browser's shortcut settings: Firefox has commands.openShortcutSettings() (137+);
   * Chrome lets an extension open chrome://extensions/shortcuts in a tab.
   */
  async openShortcutSettings(): Promise<Result<true>> {
    try {
      const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
      if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
      else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
      return ok(true);
    } catch (e) {
      return err('unavailable', e instanceof Error ? e.message : String(e));
    }
  },

  async storage(): Promise<StorageInfo> {
    const s = navigator.storage;
    const [estimate, persisted] = await Promise.all([
      s?.estimate ? s.estimate().catch(() => null) : null,
      s?.persisted ? s.persisted().catch(() => null) : null,
    ]);
    return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
  },

  /** Ask the browser to keep Gleaner's data under storage pressure. Resolves with the answer. */
  async persist(): Promise<Result<boolean>> {
    try {
      if (!navigator.storage?.persist) return err('unavailable', 'This browser cannot be asked.');
      return ok(await navigator.storage.persist());
    } catch (e) {
      return err('internal', e instanceof Error ? e.message : String(e));
    }
  },

  stats: (): Promise<Result<LibraryStats>> => toBackground('stats'),
  exportAll: (): Promise<Result<ExportFile>> => toBackground('exportLibrary', 'json', { kind: 'all' }),
  async deleteAll(): Promise<Result<{ pages: number; annotations: number }>> {
    const r = await toBackground('deleteAll');
    if (r.ok) forgetLibraryHead();
    return r;
  },

  /** Save a file through a Blob and an <a download> (no downloads permission needed). */
  download: downloadFile,
};
