/**
 * ToBackground.analyzeText (src/background/handlers/analysis.ts) through the router, as a content script
 * calls it: the text stage of the sample article equals analyze()'s, and malformed or oversized inputs are
 * refused with a clear code before any analysis runs. It writes nothing (the digest stays the same).
 */
// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzePage } from '../../src/analysis/analyze';
import { analyzePageSliced } from '../../src/analysis/sliced';
import { TEXT_STAGE_LIMITS } from '../../src/shared/validate-analysis';
import { call, digest, freshDb, senders, startBackground } from './storage-fixtures';

const html = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/pages/nato-patriot/index.html'),
  'utf8',
);
const URL_ = 'https://news.example.org/europe/2025/07/21/nato-ukraine-patriot-air-defense.html';
const content = senders.content(3, URL_);

beforeEach(async () => {
  await freshDb();
  startBackground();
});

describe('analyzeText', () => {
  it("gives a content script the sample article's key figures, people and summary, as analyze() does", async () => {
    const doc = () => new DOMParser().parseFromString(html, 'text/html');
    const plain = analyzePage(doc(), { url: URL_ });
    // What the content script sends: the page stage's hand-over (text, blocks, lang, title).
    const page = await analyzePageSliced(doc(), { url: URL_ }, { sliceMs: 1e9 });
    expect(page.deferred?.blocks.length).toBeGreaterThan(5);
    const before = await digest();
    const reply = await call(content, 'analyzeText', page.deferred!);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.figures).toEqual(plain.analysis.figures);
    expect(reply.value.entities).toEqual(plain.analysis.entities);
    expect(reply.value.summary).toEqual(plain.analysis.summary);
    expect(reply.value.summary.length).toBeGreaterThanOrEqual(3);
    expect(await digest()).toBe(before);
  });

  it('refuses malformed input with bad-request and a path', async () => {
    const cases: [unknown, RegExp][] = [
      [null, /^input: expected an object/],
      [{ text: 42, blocks: [], lang: null, title: null }, /^input\.text: expected a string/],
      [
        { text: 'abc', blocks: [{ start: 0, end: 9, kind: 'paragraph' }], lang: null, title: null },
        /blocks\[0\]\.end/,
      ],
      [
        { text: 'abc', blocks: [{ start: 2, end: 1, kind: 'paragraph' }], lang: null, title: null },
        /blocks\[0\]\.end/,
      ],
      [
        { text: 'abc', blocks: [{ start: 0, end: 1, kind: 'script' }], lang: null, title: null },
        /blocks\[0\]\.kind/,
      ],
      [{ text: 'abc', blocks: 'x', lang: null, title: null }, /blocks: expected an array/],
    ];
    for (const [input, message] of cases) {
      const reply = await call(content, 'analyzeText', input as never);
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
      if (!reply.ok) expect(reply.error.message).toMatch(message);
    }
  });

  it('refuses a text over its cap with too-large', async () => {
    const text = 'a'.repeat(TEXT_STAGE_LIMITS.text + 1);
    const reply = await call(content, 'analyzeText', { text, blocks: [], lang: null, title: null });
    expect(reply).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});
