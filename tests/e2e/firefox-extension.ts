/**
 * The Firefox counterpart of harness.ts's message calls, for tests that drive Firefox over WebDriver BiDi
 * (scripts/lib/firefox.mjs): calls go through the real message paths from an extension page opened in a tab
 * (the "bridge"), so the background's router sees an extension sender, exactly as from the popup, and the
 * content script receives our envelope through browser.tabs.sendMessage.
 */
import type { Args, Reply, ToBackground, ToContent } from '../../src/shared/messages';
import type { Result } from '../../src/shared/result';
import { evaluate, type BiDi } from '../../scripts/lib/firefox.mjs';

export interface FirefoxExtension {
  callBackground<K extends keyof ToBackground & string>(
    type: K,
    ...args: Args<ToBackground, K>
  ): Promise<Result<Reply<ToBackground, K>>>;
  /** Call the content script of the top frame of `tabId` (see tabIdOf). */
  callContent<K extends keyof ToContent & string>(
    tabId: number,
    type: K,
    ...args: Args<ToContent, K>
  ): Promise<Result<Reply<ToContent, K>>>;
  /** The extension's tab id of a BiDi browsing context (the context is brought to the front). */
  tabIdOf(context: string): Promise<number>;
}

/** `bridge` is the browsing context of an extension page (openExtensionPage). */
export function firefoxExtension(bidi: BiDi, bridge: string): FirefoxExtension {
  return {
    callBackground: (type, ...args) =>
      evaluate(
        bidi,
        bridge,
        (t, a) => browser.runtime.sendMessage({ gleaner: 1, type: t, args: a }),
        type,
        args as unknown[],
      ) as never,

    callContent: (tabId, type, ...args) =>
      evaluate(
        bidi,
        bridge,
        async (id, t, a) => {
          try {
            return await browser.tabs.sendMessage(id, { gleaner: 1, type: t, args: a }, { frameId: 0 });
          } catch (e) {
            // No listener (yet) or the page went away: a failure, like a dead content script.
            return { ok: false, error: { code: 'unavailable', message: String(e) } };
          }
        },
        tabId,
        type,
        args as unknown[],
      ) as never,

    async tabIdOf(context) {
      // Without the "tabs" permission the URL may be hidden: address the page as the active tab.
      await bidi.send('browsingContext.activate', { context });
      return evaluate(bidi, bridge, async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? -1;
      });
    },
  };
}
