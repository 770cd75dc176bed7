// @vitest-environment jsdom
/** The whole pipeline on the sample article: metadata, main text, figures, summary, timings. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../src/analysis/index';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/pages/nato-patriot/index.html');
const URL = 'https://news.example.org/europe/2025/07/21/nato-ukraine-patriot-air-defense.html';

describe('analyzePage on the sample article', () => {
  const doc = new DOMParser().parseFromString(readFileSync(FIXTURE, 'utf8'), 'text/html');
  const { analysis: a, textMap, root } = analyzePage(doc, { url: URL });

  it('calls it an article and fills the metadata', () => {
    expect(a.url).toBe(URL);
    expect(a.isArticle).toBe(true);
    expect(a.meta.title).toMatch(/^NATO-Ukraine Defense Contact Group Meeting/);
    expect(a.meta.published).toMatch(/^2025-07-21T10:18/);
  });

  it('extracts the main text without teasers, dateline or view counter', () => {
    expect(a.text.split('\n\n').length).toBe(7);
    expect(a.text).not.toMatch(/views:48|Recommend|Latest|10:18 a\.m\./);
    expect(a.wordCount).toBeGreaterThan(700);
    expect(a.readingMinutes).toBeGreaterThanOrEqual(3);
    expect(root?.closest('article')).not.toBeNull();
  });

  it('summarises in 3-5 sentences of the text, in order', () => {
    expect(a.summary.length).toBeGreaterThanOrEqual(3);
    expect(a.summary.length).toBeLessThanOrEqual(5);
    let last = -1;
    for (const s of a.summary) {
      const i = a.text.indexOf(s);
      expect(i).toBeGreaterThan(last);
      last = i;
    }
  });

  it('maps figure offsets to live ranges in the page', () => {
    for (const f of a.figures) {
      expect(a.text.slice(f.start, f.end)).toBe(f.text);
      expect(textMap.toRange(f.start, f.end)?.toString().replace(/\s+/g, ' ')).toBe(f.text);
    }
  });

  it('fills the timings', () => {
    for (const k of ['detect', 'metadata', 'body', 'figures', 'summary'] as const) {
      expect(a.timings[k]).toBeGreaterThanOrEqual(0);
    }
  });
});
