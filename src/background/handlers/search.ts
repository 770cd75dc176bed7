/** search: ranked full-text hits with snippets (see ../search/library-index.ts). */
import type { Handlers } from '../../shared/rpc';
import type { ToBackground } from '../../shared/messages';
import * as v from '../../shared/validate';
import { search as run } from '../search/library-index';

export const search: Handlers<ToBackground>['search'] = async (_ctx, raw) => run(v.searchQuery(raw));
