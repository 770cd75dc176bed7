/**
 * The content script entry (an IIFE, top frame of http/https pages only).
 * INTERIM wiring (owned by the content helper, who adds analysis, highlights and the toolbar):
 * it answers the extension's calls and proves the content -> background round trip.
 */
import { toBackground } from '../shared/clients';
import type { ToContent } from '../shared/messages';
import { CallFailure } from '../shared/result';
import { serve, type Handlers } from '../shared/rpc';

const later = (): never => {
  throw new CallFailure('unavailable', 'not implemented yet');
};

const handlers: Handlers<ToContent> = {
  ping: async () => {
    const reply = await toBackground('ping');
    if (!reply.ok) throw new CallFailure('unavailable', reply.error.message);
    return { url: location.href, background: reply.value };
  },
  getAnalysis: later,
  revealFigure: later,
  revealAnnotation: later,
  highlightSelection: later,
  annotationsChanged: later,
};

serve<ToContent>(handlers);
