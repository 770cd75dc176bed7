/**
 * The background API: every ToBackground method, one family per file. Each handler validates
 * its payload at run time (shared/validate.ts) and scopes content senders to their own page
 * (auth.ts); the router (shared/rpc.ts) has already refused extension-only methods to content
 * scripts. Payloads over 1 MiB are refused here before any handler runs; importLibrary carries a
 * whole file and has its own 50 MB cap (shared/export/safe-json.ts).
 */
import type { ToBackground } from '../../shared/messages';
import type { CallContext, Handlers } from '../../shared/rpc';
import { checkSize } from '../../shared/validate';
import { addAnnotation, annotationsForPage, deleteAnnotation } from './annotations';
import { restoreAnnotation, updateAnnotation } from './annotations';
import { exportLibrary, importLibrary } from './export';
import { deleteAll, listAnnotations, stats } from './library';
import { deletePage, getPage, listPages, savePage } from './pages';
import { search } from './search';

const api: Handlers<ToBackground> = {
  ping: ({ sender }) => ({ pong: true, from: sender.kind, at: Date.now() }),
  savePage,
  getPage,
  deletePage,
  listPages,
  addAnnotation,
  updateAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  annotationsForPage,
  listAnnotations,
  search,
  exportLibrary,
  importLibrary,
  deleteAll,
  stats,
};

type AnyHandler = (ctx: CallContext, ...args: unknown[]) => unknown;

function sizeChecked(): Handlers<ToBackground> {
  const out: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(api) as [string, AnyHandler][]) {
    out[name] =
      name === 'importLibrary'
        ? handler
        : (ctx, ...args) => {
            checkSize(args);
            return handler(ctx, ...args);
          };
  }
  return out as unknown as Handlers<ToBackground>;
}

export const handlers: Handlers<ToBackground> = sizeChecked();
