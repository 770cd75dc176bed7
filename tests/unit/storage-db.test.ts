/**
 * The database layer: migration v1 -> v2 over 10,000 records, concurrent writers, an injected
 * QuotaExceededError, and opens that cannot hang.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, db, openOptions } from '../../src/background/db/open';
import { DB_NAME, VERSION } from '../../src/background/db/schema';
import type { Annotation, PageRecord } from '../../src/shared/types';
import {
  call,
  digest,
  dump,
  freshDb,
  makeAnnotation,
  makePage,
  ok,
  senders,
  startBackground,
} from './storage-fixtures';

beforeEach(async () => {
  await freshDb();
  startBackground();
});

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A database exactly as version 1 of Gleaner created it, filled with `records`. */
async function createV1(pages: PageRecord[], annotations: Annotation[]): Promise<void> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    const d = open.result;
    const p = d.createObjectStore('pages', { keyPath: 'url' });
    p.createIndex('byUpdated', 'updatedAt');
    p.createIndex('bySaved', 'savedAt');
    const a = d.createObjectStore('annotations', { keyPath: 'id' });
    a.createIndex('byPage', 'pageUrl');
    a.createIndex('byUpdated', 'updated');
  };
  const d = await request(open);
  const tx = d.transaction(['pages', 'annotations'], 'readwrite');
  for (const p of pages) tx.objectStore('pages').put(p);
  for (const a of annotations) tx.objectStore('annotations').put(a);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

describe('migration', () => {
  it('upgrades a v1 database of 10,000 annotations to v2 losing nothing', async () => {
    const pageUrls = Array.from({ length: 100 }, (_, i) => `https://site${i % 7}.example/story/${i}`);
    const annotations = Array.from({ length: 10_000 }, (_, i) =>
      makeAnnotation(
        i,
        pageUrls[i % 100],
        i === 7 ? { note: '\u{1F600} ünïcode\u0000 ' + 'x'.repeat(50_000) } : {},
      ),
    );
    const pages: PageRecord[] = pageUrls.map((url, i) => ({
      ...makePage(url, { title: `Story ${i}` }),
      savedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      annotationCount: 100,
    }));
    await createV1(pages, annotations);

    const opened = await db();
    expect(opened.version).toBe(VERSION);
    expect([...opened.transaction('annotations').store.indexNames]).toContain('byTag');
    const after = await dump();
    const byId = new Map((after.annotations as Annotation[]).map(a => [a.id, a]));
    expect(byId.size).toBe(10_000);
    for (const a of annotations) expect(byId.get(a.id)).toEqual(a);
    expect(after.pages).toEqual(
      pages.map(p => ({ ...p, implicit: false })).sort((a, b) => (a.url < b.url ? -1 : 1)),
    );
    // The new index answers over the migrated records.
    const tagged = annotations.filter(a => a.tags.includes('t3')).length;
    expect((await ok('listAnnotations', { tag: 't3', limit: 1000 })).total).toBe(tagged);
    expect(tagged).toBeGreaterThan(0);
  });

  it('opens a fresh database straight at the current version', async () => {
    expect((await db()).version).toBe(VERSION);
    expect(await dump()).toEqual({ pages: [], annotations: [] });
  });
});

describe('opening never hangs', () => {
  afterEach(() => {
    openOptions.timeoutMs = 10_000;
  });

  it('steps aside for a delete (versionchange closes our connection) and reopens after', async () => {
    await ok('addAnnotation', makeAnnotation(1));
    await request(indexedDB.deleteDatabase(DB_NAME));
    expect((await ok('stats')).annotations).toBe(0);
    await ok('addAnnotation', makeAnnotation(2));
    expect((await ok('stats')).annotations).toBe(1);
  });

  it('fails with "unavailable" when an old connection blocks the upgrade, then recovers', async () => {
    await closeDb();
    await createV1([], []);
    const stale = await request(indexedDB.open(DB_NAME, 1)); // no versionchange handler: it never closes
    openOptions.timeoutMs = 200;
    const reply = await call(senders.popup(), 'stats');
    expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    stale.close();
    await new Promise(r => setTimeout(r, 50));
    expect(await call(senders.popup(), 'stats')).toMatchObject({ ok: true, value: { annotations: 0 } });
  });
});

describe('concurrency', () => {
  const runs = process.env.GLEANER_SOAK ? 20 : 2;
  it(`8 writers x 50 concurrent saves, with retries, lose and duplicate nothing (${runs} runs)`, async () => {
    for (let run = 0; run < runs; run++) {
      await freshDb();
      await concurrentRun();
    }
  });

  async function concurrentRun(): Promise<void> {
    const tabs = Array.from({ length: 8 }, (_, t) => `https://tab${t}.example/article`);
    const results = await Promise.all(
      tabs.flatMap((url, t) =>
        Array.from({ length: 50 }, async (_, k) => {
          const sender = senders.content(t + 1, url);
          const a = makeAnnotation(t * 1000 + k, url);
          const first = await call(sender, 'addAnnotation', a);
          const retry = k % 5 === 0 ? await call(sender, 'addAnnotation', a) : first;
          return first.ok && retry.ok;
        }),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
    const { annotations, pages } = await dump();
    expect(annotations).toHaveLength(400);
    expect(new Set((annotations as Annotation[]).map(a => a.id)).size).toBe(400);
    expect((pages as PageRecord[]).map(p => p.annotationCount)).toEqual(Array(8).fill(50));
  }
});

describe('quota', () => {
  let restore: (() => void) | null = null;
  afterEach(() => restore?.());

  /** Make the n-th put from now on (1-based) throw QuotaExceededError (or the given error). */
  function failPut(n: number, error = new DOMException('Quota exceeded', 'QuotaExceededError')): void {
    const proto = IDBObjectStore.prototype;
    const original = proto.put;
    let count = 0;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++count === n) throw error;
      return original.apply(this, args);
    };
    restore = () => {
      proto.put = original;
      restore = null;
    };
  }

  it('an add whose page write hits the quota writes nothing and answers "quota"', async () => {
    await ok('savePage', makePage());
    await ok('addAnnotation', makeAnnotation(1));
    const before = await digest();
    failPut(2); // the annotation put succeeds, the page put fails: the transaction must roll back
    const reply = await call(senders.popup(), 'addAnnotation', makeAnnotation(2));
    expect(reply).toMatchObject({ ok: false, error: { code: 'quota' } });
    restore?.();
    expect(await digest()).toBe(before);
    // Space freed: the same save goes through.
    expect(await call(senders.popup(), 'addAnnotation', makeAnnotation(2))).toMatchObject({ ok: true });
  });

  it('an import hitting the quota half way writes nothing', async () => {
    await ok('addAnnotation', makeAnnotation(1));
    const exported = await ok('exportLibrary', 'json', { kind: 'all' });
    await ok('deleteAll');
    await ok('addAnnotation', makeAnnotation(9));
    const big = JSON.parse(exported.text);
    big.first.items = Array.from({ length: 200 }, (_, i) => ({
      ...big.first.items[0],
      id: `urn:uuid:${makeAnnotation(100 + i).id}`,
    }));
    const before = await digest();
    failPut(100);
    const reply = await call(senders.popup(), 'importLibrary', JSON.stringify(big), 'json');
    expect(reply).toMatchObject({ ok: false, error: { code: 'quota' } });
    restore?.();
    expect(await digest()).toBe(before);
  });

  // Chromium on a full disk: "Failed to write blobs (IOError)" on the write, then "Internal error
  // opening backing store" on every call until space is freed (measured in tests/e2e/full-disk.e2e.ts).
  it('a browser storage failure (UnknownError) writes nothing and answers "storage" in plain words', async () => {
    await ok('addAnnotation', makeAnnotation(1));
    const before = await digest();
    failPut(1, new DOMException('Failed to write blobs (IOError)', 'UnknownError'));
    const reply = await call(senders.popup(), 'addAnnotation', makeAnnotation(2));
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/disk may be full.*nothing was saved.*IOError/i);
    restore?.();
    expect(await digest()).toBe(before);
    expect(await call(senders.popup(), 'addAnnotation', makeAnnotation(2))).toMatchObject({ ok: true });
  });

  it('a read that fails in the browser storage answers "storage", and the next read works', async () => {
    await ok('addAnnotation', makeAnnotation(1));
    const proto = IDBObjectStore.prototype;
    const original = proto.getAll;
    proto.getAll = function () {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    };
    try {
      expect(await call(senders.popup(), 'stats')).toMatchObject({ ok: false, error: { code: 'storage' } });
    } finally {
      proto.getAll = original;
    }
    expect(await call(senders.popup(), 'stats')).toMatchObject({ ok: true, value: { annotations: 1 } });
  });
});
