/** listAnnotations (the newest-first window), deleteAll and stats. */
import type { Handlers } from '../../shared/rpc';
import type { ToBackground } from '../../shared/messages';
import * as v from '../../shared/validate';
import * as annotations from '../db/annotations';
import * as library from '../db/library';
import { invalidate, libraryStats } from '../search/library-index';

type H = Handlers<ToBackground>;

/**
 * The library list: the unfiltered (or date-bounded) newest-first window through a cursor on the
 * `updated` index, so opening the popup on 10,000 annotations reads one block, not the store; the
 * other filters go through filterAnnotations. Same items, order and total either way.
 */
export const listAnnotations: H['listAnnotations'] = async (_ctx, raw) => {
  const query = v.listAnnotationsQuery(raw);
  return (await library.newestAnnotations(query)) ?? annotations.listAnnotations(query);
};

export const deleteAll: H['deleteAll'] = async () => {
  try {
    return await library.deleteAll();
  } finally {
    invalidate();
  }
};

/** From the search index's in-memory copy of the library (built once per worker life, kept live). */
export const stats: H['stats'] = async () => libraryStats();
