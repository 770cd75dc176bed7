/**
 * Export -> import: the 10,000-annotation round trip is deep-equal, a second import adds nothing,
 * Hypothesis exports map cleanly, and malformed, hostile or oversized files get a clear error,
 * leave the database digest unchanged and Object.prototype untouched.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/background/db/open';
import type { StoredPage } from '../../src/background/db/schema';
import { IMPORT_LIMITS } from '../../src/shared/export/safe-json';
import type { Annotation } from '../../src/shared/types';
import {
  call,
  digest,
  dump,
  freshDb,
  makeAnnotation,
  makePage,
  ok,
  prototypeKeys,
  senders,
  startBackground,
} from './storage-fixtures';

beforeEach(async () => {
  await freshDb();
  startBackground();
});

/** Fill the database directly (one transaction) with n annotations over n/50 pages. */
async function fill(n: number): Promise<void> {
  const d = await db();
  const tx = d.transaction(['pages', 'annotations'], 'readwrite');
  const pages = Math.max(1, Math.ceil(n / 50));
  for (let p = 0; p < pages; p++) {
    const url = `https://site${p % 9}.example/news/${p}?id=${p}`;
    const record: StoredPage = {
      ...makePage(url, { title: `Story ${p}: "quoted" #${p}`, published: p % 2 ? null : '2026-02-03' }),
      savedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-05T00:00:00.000Z',
      annotationCount: Math.min(50, n - p * 50),
      implicit: p % 10 === 9,
    };
    void tx.objectStore('pages').put(record);
  }
  for (let i = 0; i < n; i++) {
    const url = `https://site${Math.floor(i / 50) % 9}.example/news/${Math.floor(i / 50)}?id=${Math.floor(i / 50)}`;
    const extra: Partial<Annotation> =
      i % 97 === 0
        ? { kind: 'page-note', target: { source: url, selector: [] }, note: 'line 1\nline 2 "q" , =SUM()' }
        : i % 31 === 0
          ? { orphaned: true, tags: ['a b', 'ü'] }
          : {};
    void tx.objectStore('annotations').put(makeAnnotation(i, url, extra));
  }
  await tx.done;
}

describe('round trip', () => {
  it('exports 10,000 annotations to JSON and imports them back deep-equal; twice adds nothing', async () => {
    await fill(10_000);
    const before = await dump();
    const file = await ok('exportLibrary', 'json', { kind: 'all' });
    expect(file.count).toBe(10_000);
    expect(file.mime).toContain('application/ld+json');
    const doc = JSON.parse(file.text);
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.items).toHaveLength(10_000);

    await ok('deleteAll');
    const report = await ok('importLibrary', file.text, 'json');
    expect(report).toEqual({ added: 10_000, updated: 0, skipped: 0, pages: 200 });
    expect(await dump()).toEqual(before);

    const again = await ok('importLibrary', file.text, 'json');
    expect(again).toEqual({ added: 0, updated: 0, skipped: 10_000, pages: 0 });
    expect(await dump()).toEqual(before);
  });

  it('updates records the file has newer versions of', async () => {
    await ok('addAnnotation', makeAnnotation(1));
    const file = JSON.parse((await ok('exportLibrary', 'json', { kind: 'all' })).text);
    const item = file.first.items[0];
    item.modified = '2999-01-01T00:00:00.000Z';
    item.body = [{ type: 'TextualBody', value: 'from the file', purpose: 'commenting' }];
    expect(await ok('importLibrary', JSON.stringify(file), 'json')).toMatchObject({ added: 0, updated: 1 });
    expect((await ok('annotationsForPage', makeAnnotation(1).pageUrl))[0]?.note).toBe('from the file');
  });

  it('imports a Hypothesis export, idempotently', async () => {
    const hypothesis = {
      export_date: '2026-11-01T10:00:00Z',
      export_userid: 'acct:reader@hypothes.is',
      annotations: [
        {
          id: 'Zx9_aBcDeFgHiJkLmNo12',
          created: '2026-10-01T09:00:00.000000+00:00',
          updated: '2026-10-02T09:00:00.000000+00:00',
          user: 'acct:reader@hypothes.is',
          uri: 'https://news.example.org/story?utm_source=hn',
          text: 'Check this figure',
          tags: ['defence', 'budget'],
          group: '__world__',
          target: [
            {
              source: 'https://news.example.org/story',
              selector: [
                {
                  type: 'RangeSelector',
                  startContainer: '/p[1]',
                  endContainer: '/p[1]',
                  startOffset: 0,
                  endOffset: 5,
                },
                { type: 'TextPositionSelector', start: 100, end: 120 },
                { type: 'TextQuoteSelector', exact: '$1.2 billion in aid', prefix: 'worth ', suffix: '.' },
              ],
            },
          ],
          document: { title: ['The story'] },
        },
        {
          id: 'pagenote1',
          created: '2026-10-03T09:00:00Z',
          uri: 'https://news.example.org/story',
          text: 'A page note',
          tags: [],
          target: [{ source: 'https://news.example.org/story' }],
        },
        {
          id: 'pdf1',
          created: '2026-10-03T09:00:00Z',
          uri: 'urn:x-pdf:abc',
          text: 'x',
          tags: [],
          target: [],
        },
      ],
    };
    const text = JSON.stringify(hypothesis);
    expect(await ok('importLibrary', text, 'hypothesis')).toEqual({
      added: 2,
      updated: 0,
      skipped: 1,
      pages: 1,
    });
    const list = await ok('annotationsForPage', 'https://news.example.org/story');
    expect(list.map(a => [a.kind, a.note, a.tags])).toEqual([
      ['page-note', 'A page note', []],
      ['highlight', 'Check this figure', ['defence', 'budget']],
    ]);
    expect(list[1]?.target.selector).toHaveLength(2);
    expect(await ok('getPage', 'https://news.example.org/story')).toMatchObject({
      title: 'The story',
      annotationCount: 2,
    });
    expect(await ok('importLibrary', text, 'hypothesis')).toEqual({
      added: 0,
      updated: 0,
      skipped: 3,
      pages: 0,
    });
  });
});

describe('hostile imports change nothing', () => {
  let valid: string;
  let before: string;

  beforeEach(async () => {
    await fill(30);
    valid = (await ok('exportLibrary', 'json', { kind: 'all' })).text;
    before = await digest();
  });

  async function refused(text: string, format: 'json' | 'hypothesis' = 'json'): Promise<string> {
    const protoBefore = prototypeKeys();
    const reply = await call(senders.popup(), 'importLibrary', text, format);
    expect(prototypeKeys()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reply.ok).toBe(false);
    if (reply.ok) return '';
    expect(reply.error.message.length).toBeGreaterThan(5);
    return reply.error.code;
  }

  it('refuses named hostile files with a clear error', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(await refused(deep)).toBe('bad-request');
    expect(
      await refused(
        '{"type": "AnnotationCollection", "first": {"items": [' + '{},'.repeat(1_000_000) + '{}]}}',
      ),
    ).toBe('too-large');
    expect(await refused(' '.repeat(IMPORT_LIMITS.chars + 1))).toBe('too-large');
    expect(await refused('id,page_url,quote\r\n1,https://x.example/,"a ""b"""\r\n')).toBe('bad-request');
    expect(await refused('')).toBe('bad-request');
    expect(await refused('null')).toBe('bad-request');
    expect(await refused('{"annotations": 5}', 'hypothesis')).toBe('bad-request');
    expect(await refused(valid.replace('"type":"AnnotationCollection"', '"type":"Something"'))).toBe(
      'bad-request',
    );
    expect(await digest()).toBe(before);
  });

  it('drops __proto__ / constructor / prototype keys and never pollutes', async () => {
    const doc = JSON.parse(valid);
    const polluted = `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, ${valid.trim().slice(1)}`;
    await ok('deleteAll');
    const protoBefore = prototypeKeys();
    const report = await ok('importLibrary', polluted, 'json');
    expect(report.added).toBe(doc.first.items.length);
    expect(prototypeKeys()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { annotations } = await dump();
    for (const a of annotations) expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    // A hostile key inside a record is dropped with the other unknown fields.
    const inner = valid.replace('"type":"Annotation",', '"type":"Annotation", "__proto__": {"polluted": 1},');
    expect(inner).not.toBe(valid);
    await ok('importLibrary', inner, 'json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses generated malformed files (truncated, wrong types) without a trace', async () => {
    const doc = JSON.parse(valid);
    const mutations: [string, (item: Record<string, unknown>, d: Record<string, unknown>) => void][] = [
      ['id', i => (i.id = 42)],
      ['id-not-uuid', i => (i.id = 'urn:uuid:not-a-uuid')],
      ['created', i => (i.created = 'yesterday')],
      ['source', i => ((i.target as Record<string, unknown>).source = 'javascript:alert(1)')],
      ['selector', i => ((i.target as Record<string, unknown>).selector = 'x')],
      [
        'selector-type',
        i => ((i.target as Record<string, unknown>).selector = [{ type: 'CssSelector', value: 'p' }]),
      ],
      ['color', i => (i['gleaner:color'] = 'red')],
      ['kind', i => (i['gleaner:kind'] = 5)],
      ['body', i => (i.body = [{ type: 'TextualBody', value: 7 }])],
      ['orphaned', i => (i['gleaner:orphaned'] = 'yes')],
      ['note-size', i => (i.body = [{ type: 'TextualBody', value: 'x'.repeat(200_000) }])],
      ['page-title', (_i, d) => ((d['gleaner:pages'] as Record<string, unknown>[])[0]!.title = 42)],
      ['page-url', (_i, d) => ((d['gleaner:pages'] as Record<string, unknown>[])[0]!.url = 'ftp://x')],
      ['items', (_i, d) => ((d.first as Record<string, unknown>).items = { 0: 1 })],
    ];
    const n = process.env.GLEANER_SOAK ? 500 : 120;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 0, max: valid.length - 3 }) }),
          fc.record({ mutation: fc.integer({ min: 0, max: mutations.length - 1 }), item: fc.nat() }),
        ),
        async c => {
          let text: string;
          if ('cut' in c) text = valid.slice(0, c.cut);
          else {
            const d = structuredClone(doc);
            const items = d.first.items as Record<string, unknown>[];
            mutations[c.mutation]![1](items[c.item % items.length]!, d);
            text = JSON.stringify(d);
          }
          expect(['bad-request', 'too-large']).toContain(await refused(text));
        },
      ),
      { numRuns: n },
    );
    expect(await digest()).toBe(before);
  });

  it('treats invalid UTF-8 (already decoded to U+FFFD or lone surrogates) as data, never a crash', async () => {
    const bad = new TextDecoder().decode(new Uint8Array([0x22, 0xff, 0xfe, 0xc3, 0x22]));
    expect(await refused(bad)).toBe('bad-request');
    const lone = valid.replace('"type":"AnnotationCollection"', '"type":"Annotation\ud800Collection"');
    expect(lone).not.toBe(valid);
    expect(await refused(lone)).toBe('bad-request');
    expect(await digest()).toBe(before);
  });
});
