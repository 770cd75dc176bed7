/**
 * Search: ranked hits over quotes, notes, tags, titles and URLs, snippets with marks, filters,
 * and an index that follows writes and is rebuilt after the worker restarts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb } from '../../src/background/db/open';
import { invalidate } from '../../src/background/search/library-index';
import { snippet } from '../../src/background/search/snippet';
import { TextIndex } from '../../src/background/search/text-index';
import { fold } from '../../src/background/search/tokenize';
import { freshDb, makeAnnotation, makePage, ok, PAGE, startBackground } from './storage-fixtures';

beforeEach(async () => {
  await freshDb();
  startBackground();
});

const quote = (i: number, exact: string, extra = {}) => {
  const a = makeAnnotation(i, PAGE, extra);
  a.target.selector[0] = { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' };
  return a;
};

describe('text index', () => {
  it('ranks, matches prefixes and requires every term', () => {
    const idx = new TextIndex();
    idx.set('a', [{ text: 'Patriot missile systems for Ukraine', weight: 1 }]);
    idx.set('b', [{ text: 'patriot patriot patriot', weight: 1 }]);
    idx.set('c', [{ text: 'missile defence budget', weight: 1 }]);
    expect(idx.query(['patriot']).map(h => h.key)).toEqual(['b', 'a']);
    expect(idx.query(['patriot', 'missile']).map(h => h.key)).toEqual(['a']);
    expect(
      idx
        .query(['miss'])
        .map(h => h.key)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(idx.query(['nothing'])).toEqual([]);
    idx.remove('a');
    expect(idx.query(['missile']).map(h => h.key)).toEqual(['c']);
    expect(idx.size).toBe(2);
  });

  it('folds case and diacritics', () => {
    expect(fold('Über')).toBe('uber');
    const idx = new TextIndex();
    idx.set('x', [{ text: 'Zürich Café', weight: 1 }]);
    expect(idx.query(['zurich', 'cafe']).map(h => h.key)).toEqual(['x']);
  });

  it('cuts snippets around the match and marks the terms', () => {
    const text = `${'lorem ipsum '.repeat(40)}the Patriot batteries arrived ${'dolor sit '.repeat(40)}`;
    const s = snippet(text, ['patriot']);
    expect(s.snippet.length).toBeLessThan(200);
    expect(s.snippet.startsWith('… ')).toBe(true);
    expect(s.marks).toHaveLength(1);
    const [start, end] = s.marks[0]!;
    expect(s.snippet.slice(start, end)).toBe('Patriot');
  });
});

describe('search', () => {
  it('finds annotations by quote, note and tag and pages by title and URL, best first', async () => {
    await ok('savePage', makePage(PAGE, { title: 'Alliance agrees on air defence' }));
    await ok('addAnnotation', quote(1, 'Germany will send two Patriot batteries'));
    await ok('addAnnotation', quote(2, 'Other text', { note: 'Patriot count matters here', tags: [] }));
    await ok('addAnnotation', quote(3, 'Unrelated', { note: '', tags: ['patriot'] }));
    await ok('addAnnotation', quote(4, 'Nothing to see', { note: '', tags: [] }));
    const all = await ok('search', { q: 'patriot' });
    // The page matches too, through its URL (".../nato-patriot.html").
    expect(all.filter(h => h.type === 'page').map(h => h.page?.url)).toEqual([PAGE]);
    const hits = all.filter(h => h.type === 'annotation');
    expect(hits.map(h => h.annotation?.id).sort()).toEqual([1, 2, 3].map(i => makeAnnotation(i).id).sort());
    for (const h of hits) {
      expect(h.page?.url).toBe(PAGE);
      expect(h.marks.length).toBeGreaterThan(0);
      for (const [s, e] of h.marks) expect(h.snippet.slice(s, e).toLowerCase()).toBe('patriot');
    }
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[2]!.score);
    const pageHits = await ok('search', { q: 'alliance defence' });
    expect(pageHits[0]).toMatchObject({ type: 'page', page: { url: PAGE }, annotation: null });
    expect((await ok('search', { q: 'news.example' }))[0]?.type).toBe('page');
    expect(await ok('search', { q: '   ' })).toEqual([]);
  });

  it('filters by tag, colour and site and honours the limit', async () => {
    for (let i = 0; i < 20; i++)
      await ok('addAnnotation', quote(i, `budget line ${i}`, { tags: i % 2 ? ['odd'] : [] }));
    await ok('addAnnotation', {
      ...quote(50, 'budget elsewhere'),
      ...{ pageUrl: 'https://b.example/x' },
      target: {
        source: 'https://b.example/x',
        selector: [{ type: 'TextQuoteSelector', exact: 'budget elsewhere', prefix: '', suffix: '' }],
      },
    });
    expect(await ok('search', { q: 'budget', tag: 'odd' })).toHaveLength(10);
    expect(
      (await ok('search', { q: 'budget', color: 'green' })).every(h => h.annotation?.color === 'green'),
    ).toBe(true);
    expect(await ok('search', { q: 'budget', site: 'b.example' })).toHaveLength(1);
    expect(await ok('search', { q: 'budget', limit: 5 })).toHaveLength(5);
  });

  it('follows updates and deletions, and rebuilds after a restart', async () => {
    const a = await ok('addAnnotation', quote(1, 'first words'));
    expect(await ok('search', { q: 'first' })).toHaveLength(1);
    await ok('updateAnnotation', { id: a.id, note: 'zebra crossing' });
    expect(await ok('search', { q: 'zebra' })).toHaveLength(1);
    await ok('deleteAnnotation', a.id);
    expect(await ok('search', { q: 'zebra' })).toHaveLength(0);
    await ok('addAnnotation', quote(2, 'kept across restarts'));
    // A worker restart: module state gone, the connection closed; the index comes back from IDB.
    await closeDb();
    invalidate();
    expect(await ok('search', { q: 'restarts' })).toHaveLength(1);
    await ok('importLibrary', (await ok('exportLibrary', 'json', { kind: 'all' })).text, 'json');
    await ok('deleteAll');
    expect(await ok('search', { q: 'restarts' })).toHaveLength(0);
  });
});
