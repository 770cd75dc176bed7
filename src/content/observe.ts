/**
 * Watching the page: content changes (to re-anchor) and same-document navigation (to swap highlights).
 *
 * Content: one debounced MutationObserver on a root (the article root, or body), ignoring records caused by
 * our own writes (`mute`) and mutations that only add or remove our own nodes.
 *
 * URL: the page's own history.pushState patching is invisible from the content script's isolated world, so
 * we listen to the Navigation API where it exists (currententrychange / navigatesuccess), popstate and
 * hashchange, and poll location.href about every second as the fallback that catches everything else.
 */
import { debounce } from './schedule';

export interface ContentWatcher {
  /** Run our own DOM write; the records it causes are dropped. */
  mute(write: () => void): void;
  /** Observe a different root from now on. */
  retarget(root: Node): void;
  stop(): void;
}

export interface ContentWatchOptions {
  debounceMs?: number;
  /** Nodes that are ours (marks, UI host): adding or removing only these is not a page change. */
  isOwn?: (node: Node) => boolean;
}

export function watchContent(
  root: Node,
  onChange: () => void,
  opts: ContentWatchOptions = {},
): ContentWatcher {
  const isOwn = opts.isOwn ?? (() => false);
  const fire = debounce(onChange, opts.debounceMs ?? 300);
  const relevant = (records: MutationRecord[]) => records.some(r => isPageChange(r, isOwn));
  const MO = (root.ownerDocument?.defaultView ?? globalThis).MutationObserver;
  const observer = new MO(records => {
    if (relevant(records)) fire();
  });
  const observe = (target: Node) =>
    observer.observe(target, { subtree: true, childList: true, characterData: true });
  observe(root);
  return {
    mute(write) {
      // Deliver what the page did before our write, then drop what our write caused.
      const before = observer.takeRecords();
      if (relevant(before)) fire();
      try {
        write();
      } finally {
        observer.takeRecords();
      }
    },
    retarget(next) {
      const pending = observer.takeRecords();
      observer.disconnect();
      observe(next);
      if (relevant(pending)) fire();
    },
    stop() {
      fire.cancel();
      observer.disconnect();
    },
  };
}

/** True for a mutation the page made (not one that only moves our own nodes in or out). */
export function isPageChange(r: MutationRecord, isOwn: (node: Node) => boolean): boolean {
  if (isOwn(r.target)) return false;
  if (r.type !== 'childList') return true;
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  if (nodes.length === 0) return false;
  return nodes.some(n => !isOwn(n));
}

export interface UrlWatchOptions {
  pollMs?: number;
  /** Maps location.href to the identity compared (normalised URL: no fragment, no tracking params). */
  normalize?: (href: string) => string;
  win?: Window;
}

type NavigationLike = EventTarget;

/** Calls onChange(newHref) when the (normalised) page URL changes without a document load. */
export function watchUrl(onChange: (href: string) => void, opts: UrlWatchOptions = {}): () => void {
  const win = opts.win ?? window;
  const normalize = opts.normalize ?? ((h: string) => h);
  let last = normalize(win.location.href);
  const check = () => {
    const href = win.location.href;
    const now = normalize(href);
    if (now === last) return;
    last = now;
    onChange(href);
  };
  // Navigation events fire before the URL is committed in some browsers: check now and on the next turn.
  const soon = () => {
    check();
    setTimeout(check, 0);
  };
  const nav = (win as { navigation?: NavigationLike }).navigation;
  nav?.addEventListener('currententrychange', soon);
  nav?.addEventListener('navigatesuccess', soon);
  win.addEventListener('popstate', soon);
  win.addEventListener('hashchange', soon);
  const timer = setInterval(check, opts.pollMs ?? 1000);
  return () => {
    nav?.removeEventListener('currententrychange', soon);
    nav?.removeEventListener('navigatesuccess', soon);
    win.removeEventListener('popstate', soon);
    win.removeEventListener('hashchange', soon);
    clearInterval(timer);
  };
}
