/**
 * Page records: save (upsert keeping savedAt), get, delete with its annotations, list.
 * annotationCount is recounted from the byPage index inside each writing transaction, so it is
 * right by construction rather than kept by increments.
 */
import type { ListPagesQuery, Page, PageInput } from '../../shared/messages';
import { CallFailure } from '../../shared/result';
import type { PageRecord } from '../../shared/types';
import { siteOf } from '../../shared/url';
import { publicPage, type StoredPage } from './schema';
import { read, write } from './tx';

export async function savePage(input: PageInput, now: string): Promise<StoredPage> {
  return write(['pages', 'annotations'], async tx => {
    const pages = tx.objectStore('pages');
    const existing = await pages.get(input.url);
    const record: StoredPage = {
      ...input,
      savedAt: existing?.savedAt ?? now,
      updatedAt: now,
      annotationCount: await tx.objectStore('annotations').index('byPage').count(input.url),
      implicit: false,
    };
    await pages.put(record);
    return record;
  });
}

export async function getPage(url: string): Promise<StoredPage | undefined> {
  return read(['pages'], tx => tx.objectStore('pages').get(url));
}

export async function deletePage(url: string): Promise<{ deletedAnnotations: string[] }> {
  return write(['pages', 'annotations'], async tx => {
    const pages = tx.objectStore('pages');
    const annotations = tx.objectStore('annotations');
    const page = await pages.get(url);
    const ids = await annotations.index('byPage').getAllKeys(url);
    if (!page && !ids.length) throw new CallFailure('not-found', 'no such page in the library');
    for (const id of ids) await annotations.delete(id);
    await pages.delete(url);
    return { deletedAnnotations: ids };
  });
}

export function pageMatchesSite(page: PageRecord, site: string): boolean {
  const s = site.toLowerCase().replace(/^www\./, '');
  return siteOf(page.url) === s || (page.siteName ?? '').toLowerCase() === s;
}

const byText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export async function listPages(query: ListPagesQuery): Promise<Page<PageRecord>> {
  const { pages, tagged } = await read(['pages', 'annotations'], async tx => ({
    pages: await tx.objectStore('pages').getAll(),
    tagged:
      query.tag === undefined
        ? null
        : new Set((await tx.objectStore('annotations').index('byTag').getAll(query.tag)).map(a => a.pageUrl)),
  }));
  const from = query.from;
  const to = query.to && query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to;
  const kept = pages.filter(
    p =>
      (query.site === undefined || pageMatchesSite(p, query.site)) &&
      (!tagged || tagged.has(p.url)) &&
      (from === undefined || p.updatedAt >= from) &&
      (to === undefined || p.updatedAt <= to),
  );
  const sort = query.sort ?? 'updated';
  kept.sort((a, b) =>
    sort === 'title'
      ? byText.compare(a.title || a.url, b.title || b.url)
      : sort === 'saved'
        ? b.savedAt.localeCompare(a.savedAt) || a.url.localeCompare(b.url)
        : b.updatedAt.localeCompare(a.updatedAt) || a.url.localeCompare(b.url),
  );
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  return { items: kept.slice(offset, offset + limit).map(publicPage), total: kept.length };
}
