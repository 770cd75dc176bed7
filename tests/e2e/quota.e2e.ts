/**
 * Size limits in real Chromium (the cheap part of issue 8's quota item; the injected
 * QuotaExceededError is covered by tests/unit/storage-db.test.ts and not repeated here).
 *
 * Through the real runtime message path from an extension page: a note past the note limit gets
 * 'bad-request', a payload past the 1 MiB message cap gets 'too-large' (ASCII and multi-byte, add,
 * update and savePage), and after each refusal the library digest (SHA-256 over all annotations
 * and pages sorted by id) is unchanged, so nothing was written, not even partly. A note exactly at
 * the limit is accepted and reads back intact. Figures go to out/reliability/quota.json.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/validate';
import { setupExtension } from './harness';
import { annotationFor, value, writeRecord } from './reliability-kit';

const ext = setupExtension();
const PAGE = 'https://news.example.org/2026/11/quota.html';

async function digest(): Promise<string> {
  const annotations = await value(ext.callBackground('listAnnotations', { limit: 1000 }));
  const pages = await value(ext.callBackground('listPages', { limit: 1000 }));
  const rows = [
    ...annotations.items.map(a => ['a', a.id, a] as const),
    ...pages.items.map(p => ['p', p.url, p] as const),
  ].sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`));
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('size limits in Chromium', () => {
  const refusals: { case: string; code: string | null; digestUnchanged: boolean }[] = [];
  let before = '';

  afterAll(() => {
    if (refusals.length)
      writeRecord('quota', {
        noteLimitChars: LIMITS.note,
        messageCapBytes: LIMITS.messageBytes,
        refusals,
        partialWrites: refusals.filter(r => !r.digestUnchanged).length,
      });
  });

  it('accepts a note exactly at the limit and reads it back intact', async () => {
    await ext.resetStorage();
    const a = { ...annotationFor(PAGE, 7, 1), note: 'é'.repeat(LIMITS.note) };
    await value(ext.callBackground('addAnnotation', a));
    const [stored] = await value(ext.callBackground('annotationsForPage', PAGE));
    expect(stored?.note).toBe(a.note);
    before = await digest();
  });

  const cases: [string, () => Promise<{ ok: boolean; error?: { code: string } }>, string][] = [
    [
      'add: note one character over the note limit',
      () =>
        ext.callBackground('addAnnotation', {
          ...annotationFor(PAGE, 7, 2),
          note: 'x'.repeat(LIMITS.note + 1),
        }),
      'bad-request',
    ],
    [
      'add: 1.1 M ASCII characters of note (over the 1 MiB message cap)',
      () =>
        ext.callBackground('addAnnotation', { ...annotationFor(PAGE, 7, 3), note: 'x'.repeat(1_100_000) }),
      'too-large',
    ],
    [
      'add: 400,000 three-byte characters (1.2 MB in UTF-8, under 1 M characters)',
      () => ext.callBackground('addAnnotation', { ...annotationFor(PAGE, 7, 4), note: '€'.repeat(400_000) }),
      'too-large',
    ],
    [
      'update: an existing annotation with a 2 MB note',
      () =>
        ext.callBackground('updateAnnotation', {
          id: annotationFor(PAGE, 7, 1).id,
          note: 'y'.repeat(2_000_000),
        }),
      'too-large',
    ],
    [
      'update: an existing annotation with 100,001 characters of note',
      () =>
        ext.callBackground('updateAnnotation', {
          id: annotationFor(PAGE, 7, 1).id,
          note: 'y'.repeat(LIMITS.note + 1),
        }),
      'bad-request',
    ],
    [
      'savePage: 1.5 MB of summary',
      () =>
        ext.callBackground('savePage', {
          url: PAGE,
          title: 'Quota',
          authors: [],
          published: null,
          siteName: null,
          lang: 'en',
          summary: Array.from({ length: 30 }, () => 's'.repeat(50_000)),
          figures: [],
          entities: [],
        }),
      'too-large',
    ],
  ];

  for (const [name, call, code] of cases) {
    it(`refuses with '${code}' and writes nothing: ${name}`, async () => {
      expect(before).not.toBe('');
      const reply = await call();
      const unchanged = (await digest()) === before;
      refusals.push({
        case: name,
        code: reply.ok ? null : (reply.error?.code ?? null),
        digestUnchanged: unchanged,
      });
      expect(reply).toMatchObject({ ok: false, error: { code } });
      expect(unchanged).toBe(true);
    });
  }

  it('still works after the refusals', async () => {
    const a = annotationFor(PAGE, 7, 5);
    await value(ext.callBackground('addAnnotation', a));
    expect(await value(ext.callBackground('getPage', PAGE))).toMatchObject({ annotationCount: 2 });
  });
});
