/**
 * Keeps every open tab's highlights in step with the library: after a call that changes annotations
 * (a save in one tab, an edit in the popup, an import, delete everything), the content scripts of the
 * other tabs are told to reload that page's annotations. Without it a highlight made in one tab stayed
 * invisible in a second tab on the same article until that tab was reloaded.
 *
 * Contract:
 * - Changes are coalesced per page for COALESCE_MS, so a burst of saves (8 tabs x 50) costs each tab one
 *   reload, not hundreds.
 * - A tab is not told about changes that came only from itself: it already shows them, and a reload in
 *   the middle of its own saves would be wasted work.
 * - The message goes to every tab (sendMessage needs no permission, tabs.query without the "tabs"
 *   permission gives no URLs); each content script compares the page URL with its own and ignores the
 *   rest. Tabs without our content script (chrome:// pages, tabs opened before install) just fail the
 *   send, which is ignored: they load their annotations when they next run.
 * - Best effort: the worker may stop before the timer fires; nothing is lost, since the other tabs
 *   still read the library on their next load.
 */
import type { ToBackground } from '../shared/messages';
import type { CallContext, Handlers } from '../shared/rpc';
import { toContent } from '../shared/clients';
import type { Annotation } from '../shared/types';
import { browser } from '../platform/browser';

export const COALESCE_MS = 250;

/** `null` as a page means "every page" (import, delete everything). */
const pending = new Map<string | null, Set<number | 'other'>>();
let timer: ReturnType<typeof setTimeout> | null = null;

export function noteAnnotationsChanged(pageUrl: string | null, ctx: CallContext): void {
  const from = ctx.sender.kind === 'content' ? ctx.sender.tabId : 'other';
  let origins = pending.get(pageUrl);
  if (!origins) pending.set(pageUrl, (origins = new Set()));
  origins.add(from);
  timer ??= setTimeout(() => void flush(), COALESCE_MS);
}

async function flush(): Promise<void> {
  timer = null;
  const batch = [...pending];
  pending.clear();
  let tabs: { id?: number | undefined }[];
  try {
    tabs = await browser.tabs.query({});
  } catch {
    return;
  }
  const sends: Promise<unknown>[] = [];
  for (const tab of tabs) {
    const id = tab.id;
    if (id === undefined || id < 0) continue;
    for (const [pageUrl, origins] of batch) {
      if (origins.size === 1 && origins.has(id)) continue;
      sends.push(toContent(id, 'annotationsChanged', pageUrl));
    }
  }
  await Promise.allSettled(sends);
}

type AnyHandler = (ctx: CallContext, ...args: unknown[]) => unknown;

/** Which page a successful call changed: the annotation's page, every page, or none. */
const CHANGES: Partial<Record<keyof ToBackground, (args: unknown[], result: unknown) => string | null>> = {
  addAnnotation: (_a, r) => (r as Annotation).pageUrl,
  updateAnnotation: (_a, r) => (r as Annotation).pageUrl,
  deleteAnnotation: (_a, r) => (r as Annotation).pageUrl,
  restoreAnnotation: (_a, r) => (r as Annotation).pageUrl,
  deletePage: () => null,
  importLibrary: () => null,
  deleteAll: () => null,
};

/** Wraps the background API so that successful changes are announced (see the module comment). */
export function announcing(api: Handlers<ToBackground>): Handlers<ToBackground> {
  const out: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(api) as [keyof ToBackground, AnyHandler][]) {
    const changed = CHANGES[name];
    out[name] = changed
      ? async (ctx, ...args) => {
          const result = await handler(ctx, ...args);
          noteAnnotationsChanged(changed(args, result), ctx);
          return result;
        }
      : handler;
  }
  return out as unknown as Handlers<ToBackground>;
}
