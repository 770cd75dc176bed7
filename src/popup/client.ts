/**
 * The popup's only route to the rest of the extension: typed wrappers over shared/clients.ts and the
 * few tab calls the popup needs. Components import this module (and tests mock it with vi.mock), so
 * no component touches messaging or an extension API directly.
 *
 * Contract: every function resolves (never rejects) with a Result; failures carry a code the UI
 * turns into plain words (see describeError in components/common/errors.ts).
 */
import type { PageAnalysis } from '../analysis/types';
import { browser } from '../platform/browser';
import { toBackground, toContent } from '../shared/clients';
import type {
  AnnotationPatch,
  ExportFile,
  ExportFormat,
  ExportScope,
  ImportFormat,
  ImportReport,
  LibraryStats,
  ListAnnotationsQuery,
  ListPagesQuery,
  Page,
  PageInput,
  SearchHit,
  SearchQuery,
} from '../shared/messages';
import { err, ok, type Result } from '../shared/result';
import { loadSettings, type Settings } from '../shared/settings';
import type { Annotation, PageRecord } from '../shared/types';

/** The tab the popup is about: `?tab=<id>` (tests, popup opened in its own tab) or the active tab. */
export interface TargetTab {
  id: number;
  /** Known only when the browser exposes it (activeTab grant); used to recognise browser pages. */
  url: string | null;
}

export async function targetTab(search = location.search): Promise<TargetTab | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return { id: Number(param), url: null };
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
  } catch {
    return null;
  }
}

/** Browser-owned pages never get a content script (chrome://, about:, the web stores, view-source:). */
export function isRestrictedUrl(url: string | null): boolean {
  if (!url) return false;
  if (!/^https?:/i.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return (
      host === 'chromewebstore.google.com' ||
      (host === 'chrome.google.com' && new URL(url).pathname.startsWith('/webstore')) ||
      host === 'addons.mozilla.org'
    );
  } catch {
    return true;
  }
}

/**
 * Tabs opened before Gleaner was installed or updated have no content script (the browser injects
 * declared content scripts only into pages loaded afterwards). Opening the popup grants activeTab on
 * the current tab, so the popup can inject it there with `scripting`. True once it answers.
 */
async function injectContentScript(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: ['content.css'] });
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['content.js'] });
  } catch {
    return false; // no grant (popup opened otherwise), or a page the browser protects
  }
  for (let i = 0; i < 30; i++) {
    if ((await toContent(tabId, 'ping')).ok) return true;
    await new Promise(done => setTimeout(done, 100));
  }
  return false;
}

export const pageClient = {
  analysis: async (tabId: number): Promise<Result<PageAnalysis>> => {
    const first = await toContent(tabId, 'getAnalysis');
    if (first.ok || first.error.code !== 'unavailable' || (await toContent(tabId, 'ping')).ok) return first;
    return (await injectContentScript(tabId)) ? toContent(tabId, 'getAnalysis') : first;
  },
  /** Whether a content script answers in this tab at all (tells "can't read" from "analysis failed"). */
  reachable: async (tabId: number): Promise<boolean> => (await toContent(tabId, 'ping')).ok,
  revealFigure: (tabId: number, index: number) => toContent(tabId, 'revealFigure', index),
  revealAnnotation: (tabId: number, id: string) => toContent(tabId, 'revealAnnotation', id),
  /** Tell the page its annotations changed here, so its highlights follow the edit. */
  annotationsChanged: (tabId: number) => toContent(tabId, 'annotationsChanged'),
};

export const libraryClient = {
  getPage: (url: string): Promise<Result<PageRecord | null>> => toBackground('getPage', url),
  savePage: (page: PageInput): Promise<Result<PageRecord>> => toBackground('savePage', page),
  annotationsForPage: (url: string): Promise<Result<Annotation[]>> => toBackground('annotationsForPage', url),
  updateAnnotation: (patch: AnnotationPatch): Promise<Result<Annotation>> =>
    toBackground('updateAnnotation', patch),
  deleteAnnotation: (id: string): Promise<Result<Annotation>> => toBackground('deleteAnnotation', id),
  restoreAnnotation: (a: Annotation): Promise<Result<Annotation>> => toBackground('restoreAnnotation', a),
  listAnnotations: (q: ListAnnotationsQuery): Promise<Result<Page<Annotation>>> =>
    toBackground('listAnnotations', q),
  listPages: (q: ListPagesQuery): Promise<Result<Page<PageRecord>>> => toBackground('listPages', q),
  search: (q: SearchQuery): Promise<Result<SearchHit[]>> => toBackground('search', q),
  stats: (): Promise<Result<LibraryStats>> => toBackground('stats'),
  exportLibrary: (format: ExportFormat, scope: ExportScope): Promise<Result<ExportFile>> =>
    toBackground('exportLibrary', format, scope),
  importLibrary: (text: string, format: ImportFormat): Promise<Result<ImportReport>> =>
    toBackground('importLibrary', text, format),
  settings: (): Promise<Settings> => loadSettings(),
};

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

/**
 * Open a saved page and scroll its highlight into view on arrival.
 *
 * The tab is created in the background first: a popup closes as soon as another tab is activated, so
 * the popup waits (alive) until the new page's content script answers a ping, asks it to reveal the
 * annotation (retrying while the page anchors its highlights), and only then activates the tab.
 * Nothing is put in the URL: a fragment would be visible to the page. Resolves with whether the
 * highlight was revealed; the tab is activated either way.
 */
export async function openAndReveal(
  url: string,
  annotationId: string | null,
  { timeoutMs = 15_000 } = {},
): Promise<Result<{ tabId: number; revealed: boolean }>> {
  let tabId: number;
  try {
    const tab = await browser.tabs.create({ url, active: annotationId === null });
    if (tab.id === undefined) return err('unavailable', 'The browser did not open the tab.');
    tabId = tab.id;
  } catch (e) {
    return err('unavailable', e instanceof Error ? e.message : String(e));
  }
  let revealed = false;
  if (annotationId !== null) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !(await pageClient.reachable(tabId))) await sleep(150);
    // The page anchors its highlights after it answers: give it a few tries.
    for (let i = 0; i < 10 && Date.now() < deadline && !revealed; i++) {
      const reply = await pageClient.revealAnnotation(tabId, annotationId);
      revealed = reply.ok && reply.value;
      if (!revealed) await sleep(200);
    }
    try {
      await browser.tabs.update(tabId, { active: true });
    } catch {
      // The tab was closed meanwhile; nothing to show.
    }
  }
  return ok({ tabId, revealed });
}

/** Copy text to the clipboard (the popup is a focused extension page: no permission needed). */
export async function copyText(text: string): Promise<Result<true>> {
  try {
    await navigator.clipboard.writeText(text);
    return ok(true);
  } catch (e) {
    return err('internal', e instanceof Error ? e.message : String(e));
  }
}

/** Save a file (shared with the options page). */
export { downloadFile } from '../shared/download';
