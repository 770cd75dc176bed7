// @vitest-environment jsdom
/**
 * analyze() never throws and stays bounded: empty documents, framesets, image-only pages, nd a
 * budget that runs out all return a clean result. The 10,000-deep DOM and the 5 MB page run in
 * Chromium (analysis-browser.test.ts): jsdom alone takes minutes to build or parse them.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index';
import type { PageAnalysis } from '../../src/analysis/types';

const URL = 'https://example.org/page.html';
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

function expectClean(a: PageAnalysis): void {
  expect(typeof a.isArticle).toBe('boolean');
  expect(a.articleScore).toBeGreaterThanOrEqual(0);
  expect(a.articleScore).toBeLessThanOrEqual(1);
  expect(Array.isArray(a.reasons)).toBe(true);
  expect(typeof a.text).toBe('string');
  for (const k of ['detect', 'metadata', 'body', 'figures', 'summary'] as const) {
    expect(Number.isFinite(a.timings[k])).toBe(true);
  }
  expect(() => structuredClone(a)).not.toThrow();
}

describe('analyze() robustness', () => {
  it('handles an empty document and a document without a body', () => {
    const empty = analyze(parse(''), { url: URL });
    expectClean(empty);
    expect(empty.text).toBe('');
    const xml = document.implementation.createDocument(null, 'root', null) as unknown as Document;
    expectClean(analyze(xml, { url: URL }));
  });

  it('handles a frameset page', () => {
    const a = analyze(
      parse(
        '<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
      ),
      { url: URL },
    );
    expectClean(a);
    expect(a.text).toBe('');
  });

  it('handles an image-only page', () => {
    const imgs = Array.from({ length: 50 }, (_, i) => `<img src="/p${i}.jpg" alt="">`).join('');
    const a = analyze(parse(`<html><body><div class="gallery">${imgs}</div></body></html>`), { url: URL });
    expectClean(a);
    expect(a.text).toBe('');
    expect(a.summary).toEqual([]);
  });

  it('gives up cleanly past its budget', () => {
    const doc = parse(
      `<html><body><article>${'<p>Some text, with a comma, long enough to count here.</p>'.repeat(50)}</article></body></html>`,
    );
    const a = analyze(doc, { url: URL, budgetMs: 0 });
    expectClean(a);
    expect(a.isArticle).toBe(false);
    expect(a.reasons.some(r => /budget/.test(r))).toBe(true);
    const small = analyze(doc, { url: URL, maxElements: 10 });
    expect(small.isArticle).toBe(false);
    expect(small.reasons.some(r => /more than 10 elements/.test(r))).toBe(true);
  });

  it('keeps analysing pages with odd markup: unclosed tags, stray text in tables, inline SVG', () => {
    const a = analyze(
      parse(
        '<body><table>stray<tr><td><p>Cell text, with a comma, long enough to be a paragraph of the page.<td>x</table><svg><text>svg</text></svg><p>Unclosed <b>bold <i>italic</body>',
      ),
      { url: URL },
    );
    expectClean(a);
    expect(a.text).not.toContain('svg');
  });
});
