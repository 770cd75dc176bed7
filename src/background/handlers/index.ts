// INTERIM (owned by the storage helper; replaced before landing): ping is real, the rest arrive with the storage API.
import type { Handlers } from '../../shared/rpc';
import type { ToBackground } from '../../shared/messages';
import { CallFailure } from '../../shared/result';

const later = (): never => {
  throw new CallFailure('unavailable', 'not implemented yet');
};

export const handlers: Handlers<ToBackground> = {
  ping: ({ sender }) => ({ pong: true, from: sender.kind, at: Date.now() }),
  savePage: later,
  getPage: later,
  deletePage: later,
  listPages: later,
  addAnnotation: later,
  updateAnnotation: later,
  deleteAnnotation: later,
  restoreAnnotation: later,
  annotationsForPage: later,
  listAnnotations: later,
  search: later,
  exportLibrary: later,
  importLibrary: later,
  deleteAll: later,
  stats: later,
};
