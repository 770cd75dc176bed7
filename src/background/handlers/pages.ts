/** savePage, getPage, deletePage, listPages. */
import type { Handlers } from '../../shared/rpc';
import type { ToBackground } from '../../shared/messages';
import * as v from '../../shared/validate';
import * as pages from '../db/pages';
import { publicPage } from '../db/schema';
import { noteChange, warm } from '../search/library-index';
import { assertMayTouch, nowIso } from './auth';

type H = Handlers<ToBackground>;

export const savePage: H['savePage'] = async (ctx, raw) => {
  const input = v.pageInput(raw);
  assertMayTouch(ctx, input.url);
  const record = publicPage(await pages.savePage(input, nowIso()));
  noteChange({ kind: 'page', url: record.url, value: record });
  return record;
};

export const getPage: H['getPage'] = async (ctx, raw) => {
  const url = v.pageUrl(raw);
  assertMayTouch(ctx, url);
  const stored = await pages.getPage(url);
  return stored ? publicPage(stored) : null;
};

export const deletePage: H['deletePage'] = async (ctx, raw) => {
  const url = v.pageUrl(raw);
  assertMayTouch(ctx, url);
  const { deletedAnnotations } = await pages.deletePage(url);
  for (const id of deletedAnnotations) noteChange({ kind: 'annotation', id, value: null });
  noteChange({ kind: 'page', url, value: null });
  return { deletedAnnotations: deletedAnnotations.length };
};

export const listPages: H['listPages'] = async (_ctx, raw) => {
  const query = v.listPagesQuery(raw);
  warm(); // the library view is open: a search is likely next
  return pages.listPages(query);
};
