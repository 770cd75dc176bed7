/** deleteAll and stats. */
import type { Handlers } from '../../shared/rpc';
import type { ToBackground } from '../../shared/messages';
import * as library from '../db/library';
import { invalidate } from '../search/library-index';

type H = Handlers<ToBackground>;

export const deleteAll: H['deleteAll'] = async () => {
  try {
    return await library.deleteAll();
  } finally {
    invalidate();
  }
};

export const stats: H['stats'] = async () => library.stats();
