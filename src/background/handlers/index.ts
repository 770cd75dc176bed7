/**
 * The background API: every ToBackground method, one family per file. Each handler validates
 * its payload at run time (shared/validate.ts) and scopes content senders to their own page
 * (auth.ts); the router (shared/rpc.ts) has already refused extension-only methods to content
 * scripts. Payloads over 1 MiB are refused here before any handler runs; importLibrary carries a
 * whole file and has its own 50 MB cap (shared/export/safe-json.ts), analyzeText an article's text
 * (16 MiB, shared/validate-analysis.ts).
 */
import type { ToBackground } from '../../shared/messages';
import type { CallContext, Handlers } from '../../shared/rpc';
import { checkSize } from '../../shared/validate';
import { TEXT_STAGE_LIMITS } from '../../shared/validate-analysis';
import { analyzeText } from './analysis';
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
  analyzeText,
};

type AnyHandler = (ctx: CallContext, ...args: unknown[]) => unknown;

function sizeChecked(): Handlers<ToBackground> {
  const out: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(api) as [string, AnyHandler][]) {
    // importLibrary carries a whole file (its own 50 MB cap); analyzeText an article's text.
    const max = name === 'analyzeText' ? TEXT_STAGE_LIMITS.messageBytes : undefined;
    out[name] =
      name === 'importLibrary'
        ? handler
        : (ctx, ...args) => {
            checkSize(args, max);
            return handler(ctx, ...args);
          };
  }
  return out as unknown as Handlers<ToBackground>;
}

export const handlers: Handlers<ToBackground> = sizeChecked();
