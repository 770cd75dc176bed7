import { TextIndex } from './text-index';

/**
 * One TextIndex per root, rebuilt only when the subtree changed.
 *
 * Invalidation is exact and synchronous: a MutationObserver on root records text, child-list and `hidden`
 * changes, and every lookup drains it with takeRecords(), so a mutation made just before an anchor call is
 * seen even though observer callbacks are asynchronous. Where MutationObserver is missing (plain Node), every
 * lookup builds a fresh index.
 */
interface Entry {
  index: TextIndex | null;
  observer: MutationObserver | null;
}

const cache = new WeakMap<Node, Entry>();

export function textIndexFor(root: Node): TextIndex {
  let entry = cache.get(root);
  if (!entry) {
    const MO = (root.ownerDocument?.defaultView ?? globalThis).MutationObserver as
      typeof MutationObserver | undefined;
    if (typeof MO !== 'function') return TextIndex.build(root);
    const e: Entry = { index: null, observer: null };
    e.observer = new MO(() => {
      e.index = null;
    });
    e.observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden'],
    });
    cache.set(root, e);
    entry = e;
  }
  if (entry.observer && entry.observer.takeRecords().length > 0) entry.index = null;
  if (!entry.index) entry.index = TextIndex.build(root);
  return entry.index;
}

/** Forget the cached index of root (e.g. after the caller changed the DOM in a way it wants re-read). */
export function invalidateTextIndex(root: Node): void {
  const entry = cache.get(root);
  if (entry) entry.index = null;
}

/** Stop observing root and drop its index. */
export function releaseTextIndex(root: Node): void {
  const entry = cache.get(root);
  entry?.observer?.disconnect();
  cache.delete(root);
}
