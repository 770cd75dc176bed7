/**
 * addAnnotation, updateAnnotation, deleteAnnotation (returns the record for undo),
 * restoreAnnotation, annotationsForPage (the library list is in library.ts).
 *
 * Authorisation: a content script may add only on its own page (pageUrl and target.source equal
 * its normalised sender URL; the validator already ties the two together) and may update,
 * delete or restore only annotations whose STORED pageUrl is its page (checked inside the write
 * transaction, so a forged id cannot reach another page's record).
 */
import type { Handlers } from '../../shared/rpc';
import type { ToBackground } from '../../shared/messages';
import type { Annotation } from '../../shared/types';
import * as v from '../../shared/validate';
import * as store from '../db/annotations';
import { publicPage } from '../db/schema';
import { noteChange } from '../search/library-index';
import { assertMayTouch, nowIso } from './auth';

type H = Handlers<ToBackground>;

function report(w: store.Written): Annotation {
  if (!w.changed) return w.annotation;
  noteChange({ kind: 'annotation', id: w.annotation.id, value: w.annotation });
  if (w.page) noteChange({ kind: 'page', url: w.page.url, value: publicPage(w.page) });
  return w.annotation;
}

export const addAnnotation: H['addAnnotation'] = async (ctx, raw) => {
  const a = v.annotation(raw);
  assertMayTouch(ctx, a.pageUrl);
  return report(await store.putAnnotation(a, nowIso(), true));
};

export const restoreAnnotation: H['restoreAnnotation'] = async (ctx, raw) => {
  const a = v.annotation(raw);
  assertMayTouch(ctx, a.pageUrl);
  return report(await store.putAnnotation(a, nowIso(), false));
};

export const updateAnnotation: H['updateAnnotation'] = async (ctx, raw) => {
  const patch = v.annotationPatch(raw);
  return report(await store.updateAnnotation(patch, nowIso(), stored => assertMayTouch(ctx, stored.pageUrl)));
};

export const deleteAnnotation: H['deleteAnnotation'] = async (ctx, raw) => {
  const id = v.annotationId(raw);
  const w = await store.deleteAnnotation(id, nowIso(), stored => assertMayTouch(ctx, stored.pageUrl));
  noteChange({ kind: 'annotation', id, value: null });
  if (w.pageDeleted) noteChange({ kind: 'page', url: w.annotation.pageUrl, value: null });
  else if (w.page) noteChange({ kind: 'page', url: w.page.url, value: publicPage(w.page) });
  return w.annotation;
};

export const annotationsForPage: H['annotationsForPage'] = async (ctx, raw) => {
  const url = v.pageUrl(raw);
  assertMayTouch(ctx, url);
  return store.annotationsForPage(url);
};
