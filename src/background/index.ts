/**
 * The background entry (MV3 service worker in Chrome, event page in Firefox).
 *
 * Every listener is registered synchronously during the first turn of this module: a worker
 * woken by an event only delivers it to listeners that exist by then. Nothing that must survive
 * the worker being stopped is kept in module state; the library lives in IndexedDB (db/).
 */
import { BACKGROUND_ACCESS, type ToBackground } from '../shared/messages';
import { serve } from '../shared/rpc';
import { announcing } from './announce';
import { handlers } from './handlers';
import { registerMenus } from './menus';

serve<ToBackground>(announcing(handlers), {
  access: BACKGROUND_ACCESS,
  onError: (type, error) => console.error(`[gleaner] ${type} failed:`, error),
});
registerMenus();
