/**
 * The background API end to end on fake-indexeddb, through the real router: saving, idempotent
 * adds, counts, the implicit-page rule, undo, lists and filters, stats.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  dump,
  freshDb,
  makeAnnotation,
  makePage,
  ok,
  PAGE,
  senders,
  startBackground,
} from './storage-fixtures';

beforeEach(async () => {
  await freshDb();
  startBackground();
});

describe('pages', () => {
  it('saves, reads back and keeps savedAt on a re-save', async () => {
    const first = await ok('savePage', makePage());
    expect(first).toMatchObject({ url: PAGE, title: 'NATO: "Patriot" deliveries #1', annotationCount: 0 });
    expect(first).not.toHaveProperty('implicit');
    const again = await ok('savePage', makePage(PAGE, { title: 'Updated' }));
    expect(again.savedAt).toBe(first.savedAt);
    expect(again.title).toBe('Updated');
    expect(await ok('getPage', PAGE)).toEqual(again);
  });

  it('normalises the URL: tracking parameters and fragment never split a page', async () => {
    await ok('savePage', makePage(`${PAGE}?utm_source=x&fbclid=1#section-2`));
    expect(await ok('getPage', PAGE)).toMatchObject({ url: PAGE });
    expect((await ok('listPages', {})).total).toBe(1);
  });

  it('drops unknown fields and refuses wrong types', async () => {
    const page = { ...makePage(), extra: 'nope', title: 'T' } as never;
    expect(await ok('savePage', page)).not.toHaveProperty('extra');
    const bad = await call(senders.popup(), 'savePage', { ...makePage(), authors: 'Jane' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const big = await call(
      senders.popup(),
      'savePage',
      makePage(PAGE, { summary: ['x'.repeat(20_000)].concat(Array(60).fill('y')) }),
    );
    expect(big).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('refuses payloads over 1 MiB before any handler runs', async () => {
    const huge = makeAnnotation(1, PAGE, { note: 'x'.repeat(1024 * 1024) });
    expect(await call(senders.popup(), 'addAnnotation', huge)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect((await dump()).annotations).toHaveLength(0);
  });

  it('deletes a page with its annotations', async () => {
    await ok('savePage', makePage());
    for (let i = 0; i < 3; i++) await ok('addAnnotation', makeAnnotation(i));
    expect(await ok('deletePage', PAGE)).toEqual({ deletedAnnotations: 3 });
    expect(await dump()).toEqual({ pages: [], annotations: [] });
    expect(await call(senders.popup(), 'deletePage', PAGE)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('lists pages sorted, paged and filtered by site, tag and date', async () => {
    const urls = ['https://a.example/1', 'https://www.b.example/2', 'https://a.example/3'];
    for (const [i, url] of urls.entries()) {
      await ok('savePage', makePage(url, { title: `Title ${3 - i}`, siteName: null }));
      await ok('addAnnotation', makeAnnotation(i * 4, url));
    }
    const byTitle = await ok('listPages', { sort: 'title' });
    expect(byTitle.items.map(p => p.title)).toEqual(['Title 1', 'Title 2', 'Title 3']);
    const byUpdated = await ok('listPages', { limit: 2 });
    expect(byUpdated.total).toBe(3);
    expect(byUpdated.items.map(p => p.url)).toEqual([urls[2], urls[1]]);
    expect((await ok('listPages', { site: 'a.example' })).total).toBe(2);
    expect((await ok('listPages', { site: 'b.example' })).total).toBe(1);
    expect((await ok('listPages', { tag: 't4' })).items.map(p => p.url)).toEqual([urls[1]]);
    expect((await ok('listPages', { from: '2999-01-01' })).total).toBe(0);
    expect((await ok('listPages', { to: new Date().toISOString().slice(0, 10) })).total).toBe(3);
  });
});

describe('annotations', () => {
  it('adds, keeps the page count right, and a retried add does not duplicate', async () => {
    await ok('savePage', makePage());
    const a = makeAnnotation(1);
    const stored = await ok('addAnnotation', a);
    expect(stored).toMatchObject({ ...a, updated: expect.any(String) });
    const retry = await ok('addAnnotation', a);
    expect(retry).toEqual(stored);
    expect((await dump()).annotations).toHaveLength(1);
    expect((await ok('getPage', PAGE))?.annotationCount).toBe(1);
  });

  it('refuses the same id with other content or on another page', async () => {
    await ok('addAnnotation', makeAnnotation(1));
    const other = makeAnnotation(1, 'https://elsewhere.example/x');
    expect(await call(senders.popup(), 'addAnnotation', other)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const edited = { ...makeAnnotation(1), note: 'changed' };
    expect(await call(senders.popup(), 'addAnnotation', edited)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('creates an implicit page for an annotation and removes it with the last one', async () => {
    const a = await ok('addAnnotation', makeAnnotation(1));
    expect(await ok('getPage', PAGE)).toMatchObject({ url: PAGE, title: PAGE, annotationCount: 1 });
    const deleted = await ok('deleteAnnotation', a.id);
    expect(deleted).toEqual(a);
    expect(await ok('getPage', PAGE)).toBeNull();
    // Undo gives back exactly the record and its page.
    expect(await ok('restoreAnnotation', deleted)).toEqual(a);
    expect(await ok('annotationsForPage', PAGE)).toEqual([a]);
    expect((await ok('getPage', PAGE))?.annotationCount).toBe(1);
  });

  it('keeps a saved page when its last annotation goes', async () => {
    await ok('savePage', makePage());
    const a = await ok('addAnnotation', makeAnnotation(1));
    await ok('deleteAnnotation', a.id);
    expect(await ok('getPage', PAGE)).toMatchObject({
      annotationCount: 0,
      title: 'NATO: "Patriot" deliveries #1',
    });
  });

  it('an annotation added before savePage keeps its page once saved', async () => {
    const a = await ok('addAnnotation', makeAnnotation(1));
    await ok('savePage', makePage());
    expect((await ok('getPage', PAGE))?.annotationCount).toBe(1);
    await ok('deleteAnnotation', a.id);
    expect(await ok('getPage', PAGE)).not.toBeNull();
  });

  it('updates note, tags, colour and target; sets updated; refuses moving pages', async () => {
    const a = await ok('addAnnotation', makeAnnotation(1));
    await new Promise(r => setTimeout(r, 5));
    const u = await ok('updateAnnotation', {
      id: a.id,
      note: 'new note',
      tags: [' x ', 'x', 'y  z'],
      color: 'blue',
    });
    expect(u).toMatchObject({ note: 'new note', tags: ['x', 'y z'], color: 'blue', created: a.created });
    expect(u.updated > a.updated).toBe(true);
    const moved = await call(senders.popup(), 'updateAnnotation', {
      id: a.id,
      target: { source: 'https://other.example/', selector: [] },
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(
      await call(senders.popup(), 'updateAnnotation', { id: makeAnnotation(2).id, note: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('returns a page in reading order and lists with filters', async () => {
    for (const i of [5, 1, 3]) await ok('addAnnotation', makeAnnotation(i));
    await ok('addAnnotation', makeAnnotation(8, 'https://other.example/a'));
    expect((await ok('annotationsForPage', PAGE)).map(a => a.id)).toEqual(
      [1, 3, 5].map(i => makeAnnotation(i).id),
    );
    expect((await ok('listAnnotations', {})).total).toBe(4);
    expect((await ok('listAnnotations', { pageUrl: PAGE })).total).toBe(3);
    expect((await ok('listAnnotations', { color: 'green' })).items.map(a => a.id)).toEqual([
      makeAnnotation(1).id,
    ]);
    expect((await ok('listAnnotations', { tag: 'defence' })).items.map(a => a.id)).toEqual([
      makeAnnotation(8).id,
    ]);
    expect((await ok('listAnnotations', { site: 'other.example' })).total).toBe(1);
    expect((await ok('listAnnotations', { limit: 2, offset: 3 })).items).toHaveLength(1);
  });

  it('counts pages, annotations, orphans, tags and sites', async () => {
    await ok('savePage', makePage());
    await ok('addAnnotation', makeAnnotation(0));
    await ok('addAnnotation', makeAnnotation(4, PAGE, { orphaned: true }));
    await ok('addAnnotation', makeAnnotation(1, 'https://other.example/a'));
    const s = await ok('stats');
    expect(s).toMatchObject({ pages: 2, annotations: 3, orphans: 1 });
    expect(s.tags).toContainEqual({ tag: 'defence', count: 2 });
    expect(s.sites).toEqual(
      expect.arrayContaining([
        { site: 'Example News', count: 1 },
        { site: 'other.example', count: 1 },
      ]),
    );
    expect(await ok('deleteAll')).toEqual({ pages: 2, annotations: 3 });
    expect(await ok('stats')).toMatchObject({ pages: 0, annotations: 0 });
  });
});
