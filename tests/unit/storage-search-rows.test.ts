/**
 * Search in the 'rows' shape (what a library row shows): the same hits, order and snippets as the
 * full shape, no records, long texts cut, and each page's title once per reply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ROW_NOTE_CHARS, ROW_QUOTE_CHARS } from '../../src/background/search/library-index';
import { call, freshDb, makeAnnotation, makePage, ok, senders, startBackground } from './storage-fixtures';

beforeEach(async () => {
  await freshDb();
  startBackground();
});

const A = 'https://a.example/story';
const B = 'https://b.example/other';

async function seed() {
  await ok('savePage', makePage(A, { title: 'Budget story' }));
  await ok('savePage', makePage(B, { title: 'Other budget news' }));
  for (let i = 0; i < 6; i++) {
    const a = makeAnnotation(i, i % 2 ? A : B, {
      note: `budget note ${i} ${'long '.repeat(i === 0 ? 200 : 1)}`,
    });
    if (i === 1)
      a.target.selector[0] = {
        type: 'TextQuoteSelector',
        exact: `budget ${'x'.repeat(600)}`,
        prefix: '',
        suffix: '',
      };
    await ok('addAnnotation', a);
  }
}

describe("search shape 'rows'", () => {
  it('returns the same hits as the full shape, as light rows with page titles once per page', async () => {
    await seed();
    const full = await ok('search', { q: 'budget', limit: 50 });
    const rows = await ok('search', { q: 'budget', limit: 50, shape: 'rows' });
    expect(rows.map(h => [h.type, h.score, h.snippet, h.marks])).toEqual(
      full.map(h => [h.type, h.score, h.snippet, h.marks]),
    );
    expect(rows.every(h => h.annotation === null && h.page === null && h.row !== undefined)).toBe(true);
    expect(full.every(h => h.row === undefined)).toBe(true);
    rows.forEach((h, i) => {
      const f = full[i]!;
      if (h.row?.kind === 'annotation') {
        expect(h.row).toMatchObject({
          id: f.annotation!.id,
          pageUrl: f.annotation!.pageUrl,
          color: f.annotation!.color,
        });
        expect(h.row.quote.length).toBeLessThanOrEqual(ROW_QUOTE_CHARS);
        expect(h.row.note.length).toBeLessThanOrEqual(ROW_NOTE_CHARS);
        expect(f.annotation!.note.startsWith(h.row.note)).toBe(true);
      } else expect(h.row).toMatchObject({ kind: 'page', url: f.page!.url, title: f.page!.title });
    });
    // A page's title travels once among the annotation rows (on the first of its page), and not at
    // all after the page's own hit; every annotation row's page title is somewhere in the reply.
    const seen = new Set<string>();
    for (const h of rows) {
      if (h.row?.kind === 'page') seen.add(h.row.url);
      else if (h.row?.kind === 'annotation') {
        expect(h.row.pageTitle !== undefined).toBe(!seen.has(h.row.pageUrl));
        seen.add(h.row.pageUrl);
      }
    }
    expect(seen).toEqual(new Set([A, B]));
    expect(JSON.stringify(rows).length).toBeLessThan(JSON.stringify(full).length / 2);
  });

  it('refuses an unknown shape', async () => {
    const reply = await call(senders.popup(), 'search', { q: 'x', shape: 'tiny' as 'rows' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
