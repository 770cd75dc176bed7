/**
 * Main text on a handful of real pages: a sample of the non-reserved Zyte pages (the full
 * corpus is measured by `npm run bench:analysis`). Skips cleanly without ../shared/corpus.
 */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index';
import { parseHtml } from '../../src/cli/dom';
import { corpusAvailable, loadHtml, zytePages } from '../../bench/lib/corpus';
import { aggregate, shingleScore } from '../../bench/lib/shingles';

const SAMPLE = 3;

describe.skipIf(!corpusAvailable())('main text on sampled Zyte pages', () => {
  it('scores a shingle F1 of at least 0.9 over the sample and never throws', () => {
    // Every 25th non-reserved page: a fixed, spread-out sample, small enough to parse in seconds.
    // Of those, the smallest files: jsdom's parse, not the analysis, dominates the run time.
    const pages = zytePages()
      .filter(p => !p.reserved)
      .filter((_, i) => i % 25 === 0)
      .map(p => ({ p, size: statSync(p.file).size }))
      .sort((a, b) => a.size - b.size)
      .slice(0, SAMPLE)
      .map(({ p }) => p);
    expect(pages.length).toBe(SAMPLE);
    const scores = pages.map(p => {
      // The sheets are dropped only to keep the test fast: the analysis reads none.
      const { dom, document } = parseHtml(loadHtml(p.file), p.url, { dropStyles: true });
      try {
        const a = analyze(document, { url: p.url, budgetMs: 20_000 });
        return shingleScore(p.body, a.text);
      } finally {
        dom.window.close();
      }
    });
    expect(aggregate(scores).f1).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
