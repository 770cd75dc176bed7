/**
 * The content script entry (an IIFE, top frame of http/https pages only): wiring only. The message
 * handlers are registered synchronously at the top level; the page work (settings, highlights, figure
 * marks) starts at idle in ContentController.
 */
import { toBackground } from '../shared/clients';
import type { ToContent } from '../shared/messages';
import { CallFailure } from '../shared/result';
import { serve, type Handlers } from '../shared/rpc';
import { COLORS, type Color } from '../shared/types';
import { tryNormalizePageUrl } from '../shared/url';
import { ContentController } from './controller';

const ctl = new ContentController(document);

const ensureAllowed = () => {
  if (ctl.excluded) throw new CallFailure('forbidden', 'Gleaner is turned off for this site.');
};

const handlers: Handlers<ToContent> = {
  ping: async () => {
    const reply = await toBackground('ping');
    if (!reply.ok) throw new CallFailure('unavailable', reply.error.message);
    return { url: location.href, background: reply.value };
  },
  getAnalysis: async () => {
    ensureAllowed();
    const { analysis } = await ctl.analyzer.get();
    if (!ctl.figures.shown) void ctl.refreshFigures();
    return analysis;
  },
  revealFigure: async (_ctx, index) => {
    ensureAllowed();
    if (!Number.isInteger(index) || index < 0)
      throw new CallFailure('bad-request', 'index: not a figure index');
    const { analysis, textMap } = await ctl.analyzer.get();
    const f = analysis.figures[index];
    const range = f ? textMap.toRange(f.start, f.end) : null;
    if (!range) return false;
    ctl.revealRange(range);
    return true;
  },
  revealAnnotation: (_ctx, id) => {
    ensureAllowed();
    if (typeof id !== 'string') throw new CallFailure('bad-request', 'id: not a string');
    const range = ctl.highlights.entries.get(id)?.range;
    if (!range) return false;
    ctl.revealRange(range);
    return true;
  },
  highlightSelection: (_ctx, color) => {
    ensureAllowed();
    if (color !== null && !(COLORS as readonly unknown[]).includes(color))
      throw new CallFailure('bad-request', 'color: not a Gleaner colour');
    return ctl.highlightSelection(color as Color | null);
  },
  annotationsChanged: async (_ctx, pageUrl) => {
    ensureAllowed();
    if (pageUrl !== undefined && pageUrl !== null && typeof pageUrl !== 'string')
      throw new CallFailure('bad-request', 'pageUrl: not a string');
    if (typeof pageUrl === 'string' && pageUrl !== tryNormalizePageUrl(location.href)) return false;
    await ctl.highlights.load(location.href);
    return true;
  },
};

// The popup may inject this script into a tab opened before Gleaner was installed (see popup/client.ts);
// a second copy in the same isolated world must not answer or draw twice.
const LOADED = Symbol.for('gleaner.content-script');
const scope = globalThis as unknown as Record<symbol, boolean>;
if (!scope[LOADED]) {
  scope[LOADED] = true;
  serve<ToContent>(handlers);
  void ctl.start();
}
