import { TextIndex } from './text-index';
import type { SlicedBuildOptions } from './text-index';

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
  /** Bumped on every observed change (a sliced build started at an older generation is stale). */
  generation: number;
  /** A sliced build in progress, shared by concurrent callers. */
  building: Promise<TextIndex> | null;
}

const cache = new WeakMap<Node, Entry>();

/** Sliced builds restarted this many times by a changing page give way to one synchronous build. */
const MAX_SLICED_RESTARTS = 3;

function entryFor(root: Node): Entry | null {
  let entry = cache.get(root);
  if (!entry) {
    const MO = (root.ownerDocument?.defaultView ?? globalThis).MutationObserver as
      typeof MutationObserver | undefined;
    if (typeof MO !== 'function') return null;
    const e: Entry = { index: null, observer: null, generation: 0, building: null };
    e.observer = new MO(() => {
      e.index = null;
      e.generation++;
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
  if (entry.observer && entry.observer.takeRecords().length > 0) {
    entry.index = null;
    entry.generation++;
  }
  return entry;
}

export function textIndexFor(root: Node): TextIndex {
  const entry = entryFor(root);
  if (!entry) return TextIndex.build(root);
  if (!entry.index) entry.index = TextIndex.build(root);
  return entry.index;
}

/**
 * As textIndexFor, but a missing index is built in slices (TextIndex.buildSliced) so the page stays
 * responsive; afterwards textIndexFor(root) returns the same index until the subtree changes. A change during
 * the build restarts it; after MAX_SLICED_RESTARTS the index is built in one go (correct, if long).
 */
export async function textIndexForSliced(
  root: Node,
  o: Omit<SlicedBuildOptions, 'stale'>,
): Promise<TextIndex> {
  const entry = entryFor(root);
  if (!entry) return TextIndex.build(root);
  if (entry.index) return entry.index;
  if (entry.building) return entry.building;
  const e = entry;
  const run = async (): Promise<TextIndex> => {
    for (let attempt = 0; attempt < MAX_SLICED_RESTARTS; attempt++) {
      const gen = e.generation;
      const stale = (): boolean => {
        if (e.observer && e.observer.takeRecords().length > 0) {
          e.index = null;
          e.generation++;
        }
        return e.generation !== gen;
      };
      const built = await TextIndex.buildSliced(root, { ...o, stale });
      if (built && !stale()) {
        e.index = built;
        return built;
      }
    }
    return textIndexFor(root);
  };
  e.building = run().finally(() => {
    e.building = null;
  });
  return e.building;
}

/** Forget the cached index of root (e.g. after the caller changed the DOM in a way it wants re-read). */
export function invalidateTextIndex(root: Node): void {
  const entry = cache.get(root);
  if (entry) {
    entry.index = null;
    entry.generation++;
  }
}

/** Stop observing root and drop its index. */
export function releaseTextIndex(root: Node): void {
  const entry = cache.get(root);
  entry?.observer?.disconnect();
  cache.delete(root);
}
