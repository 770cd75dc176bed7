/**
 * E2E harness: one Chromium with the built dist/chrome per test file, fixture pages served from
 * 127.0.0.1 on an ephemeral port. Use `const ext = setupExtension()` at the top of a test file.
 *
 * Calls into the extension go through the real message paths: `callContent` sends our envelope
 * from the service worker to the page's content script with chrome.tabs.sendMessage, and
 * `callBackground` runs chrome.runtime.sendMessage from an extension page (so the router sees an
 * extension sender, exactly as from the popup).
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, serveDirectory, tempDir } from '../../scripts/lib/chromium.mjs';
import type { Args, Reply, ToBackground, ToContent } from '../../src/shared/messages';
import type { Result } from '../../src/shared/result';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const extensionDir = resolve(repoRoot, 'dist/chrome');
export const fixturesDir = resolve(repoRoot, 'tests/fixtures/pages');

export interface ExtensionHarness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** URL of a fixture page, e.g. fixture('nato-patriot/'). */
  fixture(path: string): string;
  /** Open a fixture in a new tab and wait until its content script answers a ping. */
  openFixture(path: string): Promise<Page>;
  /** Open an extension page (popup.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  callContent<K extends keyof ToContent & string>(
    page: Page,
    type: K,
    ...args: Args<ToContent, K>
  ): Promise<Result<Reply<ToContent, K>>>;
  callBackground<K extends keyof ToBackground & string>(
    type: K,
    ...args: Args<ToBackground, K>
  ): Promise<Result<Reply<ToBackground, K>>>;
  /** The tab id of a page (brings it to the front). */
  tabId(page: Page): Promise<number>;
  /** Stop every service worker (CDP ServiceWorker.stopAllWorkers), as Chrome does when idle. */
  stopWorkers(): Promise<void>;
  /** Delete Gleaner's IndexedDB databases and storage.local (between tests). */
  resetStorage(): Promise<void>;
}

export function setupExtension(options: { userDataDir?: string } = {}): ExtensionHarness {
  const state = {} as ExtensionHarness & { closeServer?: () => Promise<void>; bridge?: Page };

  beforeAll(async () => {
    const server = await serveDirectory(fixturesDir);
    state.closeServer = server.close;
    state.fixture = (path: string) => server.url(path);
    state.userDataDir = options.userDataDir ?? tempDir(repoRoot, 'e2e-profile-');
    const { context, worker, extensionId } = await launchWithExtension(extensionDir, {
      userDataDir: state.userDataDir,
    });
    Object.assign(state, { context, worker, extensionId });
  });

  afterAll(async () => {
    await state.context?.close();
    await state.closeServer?.();
  });

  state.openExtensionPage = async (path: string) => {
    const page = await state.context.newPage();
    await page.goto(`chrome-extension://${state.extensionId}/${path}`);
    return page;
  };

  async function bridge(): Promise<Page> {
    if (!state.bridge || state.bridge.isClosed())
      state.bridge = await state.openExtensionPage('options.html');
    return state.bridge;
  }

  state.callBackground = async (type, ...args) => {
    const page = await bridge();
    return page.evaluate(([t, a]) => chrome.runtime.sendMessage({ gleaner: 1, type: t, args: a }), [
      type,
      args,
    ] as const) as never;
  };

  state.callContent = async (page, type, ...args) => {
    // Without the "tabs" permission tab.url is hidden, so address the page as the active tab.
    await page.bringToFront();
    return state.worker.evaluate(
      async ([t, a]) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined)
          return { ok: false, error: { code: 'not-found', message: 'no active tab' } };
        return chrome.tabs.sendMessage(tab.id, { gleaner: 1, type: t, args: a }, { frameId: 0 });
      },
      [type, args] as const,
    ) as never;
  };

  /** The Chrome tab id of a page (it must be the active tab, as after bringToFront). */
  state.tabId = async (page: Page) => {
    await page.bringToFront();
    return state.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
  };

  state.openFixture = async (path: string) => {
    const page = await state.context.newPage();
    await page.goto(state.fixture(path));
    // The content script runs at document_idle; poll until it answers.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const reply = await state.callContent(page, 'ping').catch(() => null);
      if (reply?.ok) return page;
      if (Date.now() > deadline)
        throw new Error(`content script did not answer on ${path}: ${JSON.stringify(reply)}`);
      await page.waitForTimeout(100);
    }
  };

  state.stopWorkers = async () => {
    const page = await bridge();
    const cdp = await state.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  };

  state.resetStorage = async () => {
    const page = await bridge();
    await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      await Promise.all(
        dbs.map(
          db =>
            new Promise<void>(done => {
              if (!db.name) return done();
              const req = indexedDB.deleteDatabase(db.name);
              req.onsuccess = req.onerror = req.onblocked = () => done();
            }),
        ),
      );
      await chrome.storage.local.clear();
    });
  };

  return state;
}
