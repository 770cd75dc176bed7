/**
 * The context-menu entry "Highlight with Gleaner" and the keyboard command: both ask the content
 * script of the active tab to highlight its selection, so they work with the toolbar turned off.
 */
import { browser } from '../platform/browser';
import { toContent } from '../shared/clients';

const MENU_ID = 'gleaner-highlight';
export const HIGHLIGHT_COMMAND = 'highlight-selection';

async function highlightIn(tabId: number | undefined): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  const result = await toContent(tabId, 'highlightSelection', null);
  if (!result.ok) console.warn('[gleaner] highlight failed:', result.error.message);
}

/** Register listeners now (synchronously) and (re)create the menu item on install/update. */
export function registerMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Highlight with Gleaner',
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void highlightIn(tab?.id);
  });
  browser.commands.onCommand.addListener(async command => {
    if (command !== HIGHLIGHT_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    await highlightIn(tab?.id);
  });
}
