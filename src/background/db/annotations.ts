/**
 * Annotation writes and reads. Every write touches the annotation and its page in ONE strict
 * transaction (the page's annotationCount and updatedAt move with it, or nothing does).
 *
 * Idempotency: ids come from the caller. Adding an id that exists with the same content returns
 * the stored record (a retried save after a worker restart); the same id on another page, or
 * with different content, is a conflict (edits go through `update`).
 */
import type { AnnotationPatch, ListAnnotationsQuery, Page } from '../../shared/messages';
import { CallFailure } from '../../shared/result';
import type { Annotation } from '../../shared/types';
import { siteOf } from '../../shared/url';
import { pageMatchesSite } from './pages';
import type { StoredPage } from './schema';
import { read, write, type WriteTx } from './tx';
import { implicitPage } from '../../shared/export/types';

type Both = WriteTx<('pages' | 'annotations')[]>;

/** The fields a retried add must repeat exactly (`updated` is ours to set). */
function sameContent(a: Annotation, b: Annotation): boolean {
  const key = (x: Annotation) =>
    JSON.stringify([x.pageUrl, x.target, x.kind, x.color, x.note, x.tags, x.created, x.orphaned]);
  return key(a) === key(b);
}

/** Recount and store the page of `url` (created implicitly when missing). */
async function touchPage(tx: Both, url: string, now: string): Promise<StoredPage> {
  const pages = tx.objectStore('pages');
  const page = (await pages.get(url)) ?? implicitPage(url, now);
  const record: StoredPage = {
    ...page,
    updatedAt: now,
    annotationCount: await tx.objectStore('annotations').index('byPage').count(url),
  };
  await pages.put(record);
  return record;
}

export interface Written {
  annotation: Annotation;
  page: StoredPage | null;
  /** The page record was removed with its last annotation (it was only implicit). */
  pageDeleted: boolean;
  /** False when an identical record already existed (nothing was written). */
  changed: boolean;
}

/**
 * Add (or restore) an annotation. `stamp` sets `updated` to `now` (a new add); a restore keeps
 * the record's own timestamps so undo gives back exactly what was deleted.
 */
export async function putAnnotation(a: Annotation, now: string, stamp: boolean): Promise<Written> {
  return write(['pages', 'annotations'], async tx => {
    const store = tx.objectStore('annotations');
    const existing = await store.get(a.id);
    if (existing) {
      if (existing.pageUrl !== a.pageUrl) {
        throw new CallFailure('conflict', 'an annotation with this id exists on another page');
      }
      if (!sameContent(existing, a)) {
        throw new CallFailure('conflict', 'an annotation with this id exists with other content');
      }
      return { annotation: existing, page: null, pageDeleted: false, changed: false };
    }
    const record: Annotation = { ...a, updated: stamp ? now : a.updated };
    await store.put(record);
    const page = await touchPage(tx, a.pageUrl, now);
    return { annotation: record, page, pageDeleted: false, changed: true };
  });
}

/**
 * Apply a patch. `authorize` sees the stored record first and throws to refuse (a content
 * script may only touch annotations of its own page).
 */
export async function updateAnnotation(
  patch: AnnotationPatch,
  now: string,
  authorize: (stored: Annotation) => void,
): Promise<Written> {
  return write(['pages', 'annotations'], async tx => {
    const store = tx.objectStore('annotations');
    const existing = await store.get(patch.id);
    if (!existing) throw new CallFailure('not-found', 'no such annotation');
    authorize(existing);
    if (patch.target && patch.target.source !== existing.pageUrl) {
      throw new CallFailure('bad-request', 'target.source must stay the annotation page');
    }
    const record: Annotation = {
      ...existing,
      ...(patch.note !== undefined && { note: patch.note }),
      ...(patch.tags !== undefined && { tags: patch.tags }),
      ...(patch.color !== undefined && { color: patch.color }),
      ...(patch.orphaned !== undefined && { orphaned: patch.orphaned }),
      ...(patch.target !== undefined && { target: patch.target }),
      updated: now,
    };
    await store.put(record);
    const page = await touchPage(tx, existing.pageUrl, now);
    return { annotation: record, page, pageDeleted: false, changed: true };
  });
}

export async function deleteAnnotation(
  id: string,
  now: string,
  authorize: (stored: Annotation) => void,
): Promise<Written> {
  return write(['pages', 'annotations'], async tx => {
    const store = tx.objectStore('annotations');
    const existing = await store.get(id);
    if (!existing) throw new CallFailure('not-found', 'no such annotation');
    authorize(existing);
    await store.delete(id);
    const page = await touchPage(tx, existing.pageUrl, now);
    if (page.annotationCount === 0 && page.implicit) {
      await tx.objectStore('pages').delete(page.url);
      return { annotation: existing, page: null, pageDeleted: true, changed: true };
    }
    return { annotation: existing, page, pageDeleted: false, changed: true };
  });
}

/** Position in the page (for reading order), page notes first. */
function position(a: Annotation): number {
  for (const s of a.target.selector) if (s.type === 'TextPositionSelector') return s.start;
  return a.kind === 'page-note' ? -1 : Number.MAX_SAFE_INTEGER;
}

export async function annotationsForPage(url: string): Promise<Annotation[]> {
  const list = await read(['annotations'], tx => tx.objectStore('annotations').index('byPage').getAll(url));
  return list.sort((a, b) => position(a) - position(b) || a.created.localeCompare(b.created));
}

/** Annotations matching a filter, newest `updated` first (all of them; callers page). */
export async function filterAnnotations(query: ListAnnotationsQuery): Promise<Annotation[]> {
  const { list, pages } = await read(['annotations', 'pages'], async tx => {
    const store = tx.objectStore('annotations');
    const list =
      query.pageUrl !== undefined
        ? await store.index('byPage').getAll(query.pageUrl)
        : query.tag !== undefined
          ? await store.index('byTag').getAll(query.tag)
          : await store.getAll();
    const pages = query.site !== undefined ? await tx.objectStore('pages').getAll() : [];
    return { list, pages };
  });
  const site = query.site;
  const siteUrls =
    site === undefined ? null : new Set(pages.filter(p => pageMatchesSite(p, site)).map(p => p.url));
  const s = site?.toLowerCase().replace(/^www\./, '');
  const to = query.to && query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to;
  return list
    .filter(
      a =>
        (query.pageUrl === undefined || a.pageUrl === query.pageUrl) &&
        (query.tag === undefined || a.tags.includes(query.tag)) &&
        (query.color === undefined || a.color === query.color) &&
        (!siteUrls || siteUrls.has(a.pageUrl) || siteOf(a.pageUrl) === s) &&
        (query.from === undefined || a.updated >= query.from) &&
        (to === undefined || a.updated <= to),
    )
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

export async function listAnnotations(query: ListAnnotationsQuery): Promise<Page<Annotation>> {
  const all = await filterAnnotations(query);
  const offset = query.offset ?? 0;
  return { items: all.slice(offset, offset + (query.limit ?? 50)), total: all.length };
}
