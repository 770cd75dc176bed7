/**
 * The newest-first window (db/library.ts newestAnnotations, served as listAnnotations): the same
 * items, order and total as filtering and sorting the whole store, at every offset, with ties in
 * `updated` cut by the window's edges, and with date bounds.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { filterAnnotations } from '../../src/background/db/annotations';
import { newestAnnotations, stats, summarize } from '../../src/background/db/library';
import { db } from '../../src/background/db/open';
import { listAnnotations } from '../../src/background/handlers/library';
import type { CallContext } from '../../src/shared/rpc';
import type { ListAnnotationsQuery } from '../../src/shared/messages';
import { freshDb, makeAnnotation, makePage, ok, startBackground } from './storage-fixtures';

beforeEach(async () => {
  await freshDb();
  startBackground();
});

/** 60 annotations on 12 distinct `updated` stamps (ties of 1 to 9), written straight to the store. */
async function seed() {
  const all = Array.from({ length: 60 }, (_, i) => {
    const day =
      [0, 0, 0, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 5, 6, 7][i % 20]! + Math.floor(i / 20) * 8;
    const when = new Date(Date.UTC(2026, 0, 1 + day)).toISOString();
    return makeAnnotation(i, `https://site${i % 3}.example/p${i % 5}`, { updated: when, created: when });
  });
  const d = await db();
  const tx = d.transaction('annotations', 'readwrite');
  await Promise.all([...all.map(a => tx.store.put(a)), tx.done]);
  return all;
}

async function expected(q: ListAnnotationsQuery) {
  const all = await filterAnnotations(q);
  const offset = q.offset ?? 0;
  return { items: all.slice(offset, offset + (q.limit ?? 50)).map(a => a.id), total: all.length };
}

async function actual(q: ListAnnotationsQuery) {
  const page = await newestAnnotations(q);
  if (!page) throw new Error('not served');
  return { items: page.items.map(a => a.id), total: page.total };
}

describe('newestAnnotations', () => {
  it('matches the full filter-and-sort at every offset and window size, ties included', async () => {
    await seed();
    for (const limit of [1, 2, 3, 7, 50])
      for (let offset = 0; offset <= 61; offset += limit === 1 ? 1 : 2)
        expect(await actual({ offset, limit }), `offset ${offset} limit ${limit}`).toEqual(
          await expected({ offset, limit }),
        );
  });

  it('serves date bounds (a bare end date covers its whole day) and empty ranges', async () => {
    await seed();
    const ranges: ListAnnotationsQuery[] = [
      { from: '2026-01-04T00:00:00.000Z' },
      { to: '2026-01-04' },
      { from: '2026-01-02T00:00:00.000Z', to: '2026-01-12' },
      { from: '2026-01-04T00:00:00.000Z', to: '2026-01-04T00:00:00.000Z' },
      { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01' },
    ];
    for (const r of ranges)
      for (const [offset, limit] of [
        [0, 5],
        [1, 2],
        [3, 4],
        [0, 100],
      ] as const)
        expect(await actual({ ...r, offset, limit }), JSON.stringify(r)).toEqual(
          await expected({ ...r, offset, limit }),
        );
    expect((await actual({ from: '2026-02-01T00:00:00.000Z', to: '2026-01-01' })).total).toBe(0);
  });

  it('leaves the other filters to filterAnnotations (null), and the API answers them the same', async () => {
    const all = await seed();
    for (const q of [
      { tag: 'x' },
      { color: 'green' as const },
      { site: 'site1.example' },
      { pageUrl: all[0]!.pageUrl },
    ])
      expect(await newestAnnotations(q)).toBeNull();
    const ctx = { sender: { kind: 'extension' } } as unknown as CallContext;
    const queries: ListAnnotationsQuery[] = [
      { offset: 5, limit: 9 },
      { tag: 'defence', limit: 100 },
      { color: 'green', offset: 2 },
    ];
    for (const q of queries) {
      const viaHandler = await listAnnotations(ctx, q);
      expect({ items: viaHandler.items.map(a => a.id), total: viaHandler.total }).toEqual(await expected(q));
    }
    await expect(async () => listAnnotations(ctx, { limit: -1 })).rejects.toThrow();
  });
});

describe('stats', () => {
  it('agree between the database read and the search index copy, and follow writes', async () => {
    await ok('savePage', makePage('https://one.example/a'));
    for (let i = 0; i < 5; i++)
      await ok(
        'addAnnotation',
        makeAnnotation(i, 'https://one.example/a', { tags: i % 2 ? ['odd', 'x'] : ['x'] }),
      );
    const fromIndex = await ok('stats');
    expect(fromIndex).toEqual(await stats());
    expect(fromIndex.tags).toEqual([
      { tag: 'x', count: 5 },
      { tag: 'odd', count: 2 },
    ]);
    await ok('addAnnotation', makeAnnotation(9, 'https://two.example/b', { tags: ['odd'] }));
    const after = await ok('stats');
    expect(after).toMatchObject({ annotations: 6, pages: 2 });
    expect(after.tags[1]).toEqual({ tag: 'odd', count: 3 });
    expect(after).toEqual(await stats());
  });

  it('summarize ranks by count, then name, and counts orphans', () => {
    const s = summarize(
      [
        { url: 'https://b.example/1', siteName: null },
        { url: 'https://a.example/2', siteName: 'A' },
      ],
      [
        { orphaned: true, tags: ['b', 'a'] },
        { orphaned: false, tags: ['b'] },
      ],
    );
    expect(s).toEqual({
      pages: 2,
      annotations: 2,
      orphans: 1,
      tags: [
        { tag: 'b', count: 2 },
        { tag: 'a', count: 1 },
      ],
      sites: [
        { site: 'A', count: 1 },
        { site: 'b.example', count: 1 },
      ],
    });
  });
});
