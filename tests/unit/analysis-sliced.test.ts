// @vitest-environment jsdom
/**
 * analyzePageSliced (src/analysis/sliced.ts): the same result as analyzePage() on the fixtures and on a
 * sample of corpus pages while pausing at every offer; budgets count work time, not paused time; a page
 * that changes its article during a pause gets a result consistent with the DOM (the body step runs
 * again); changes elsewhere and to the caller's own nodes do not restart it; abort rejects.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyzePage, BODY_RUNS, type PageAnalysisResult } from '../../src/analysis/analyze';
import { analyzePageSliced as slicedRun, type SlicedOptions } from '../../src/analysis/sliced';
import { analyzeText, textStageSteps } from '../../src/analysis/text-stage';
import { detect } from '../../src/analysis/detect';
import { parseHtml } from '../../src/cli/dom';
import { corpusAvailable, loadHtml, readabilityPages, zytePages } from '../../bench/lib/corpus';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pages');
const SAMPLE_URL = 'https://news.example.org/europe/2025/07/21/nato-ukraine-patriot-air-defense.html';
const sampleHtml = readFileSync(path.join(FIXTURES, 'nato-patriot/index.html'), 'utf8');

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
/** Pause at every offer: the most slices the steps allow. */
const EVERY = { sliceMs: 0 };

/** The sliced run with the text stage in-process (as analyzePage has it), unless a test says otherwise. */
const analyzePageSliced = (doc: Document, opts: Parameters<typeof slicedRun>[1], slice: SlicedOptions = {}) =>
  slicedRun(doc, opts, { textStage: textStageSteps, ...slice });

/** The analysis without its timings, which differ between any two runs. */
function comparable(r: PageAnalysisResult) {
  const { timings, ...rest } = r.analysis;
  for (const v of Object.values(timings)) expect(v).toBeGreaterThanOrEqual(0);
  return rest;
}

/** Each block's range through the TextMap, as (container, offset) pairs, and its text. */
function ranges(r: PageAnalysisResult, blocks: Array<[number, number]>) {
  return blocks.map(([s, e]) => {
    const range = r.textMap.toRange(s, e);
    return range && [range.startContainer, range.startOffset, range.endContainer, range.endOffset];
  });
}

/** Paragraph spans of the text (blocks are joined by a blank line). */
function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (const p of text.split('\n\n')) {
    if (p) out.push([s, s + p.length]);
    s += p.length + 2;
  }
  return out;
}

async function expectSame(doc: Document, url: string): Promise<number> {
  // detect() runs once for both: it is one step either way, and it has its own wall-clock budget that a
  // loaded machine may hit on one run and not the other.
  const detected = doc.documentElement ? detect(doc, url) : undefined;
  const plain = analyzePage(doc, { url, budgetMs: 60_000, detected });
  const sliced = await analyzePageSliced(doc, { url, budgetMs: 60_000, detected }, EVERY);
  expect(comparable(sliced)).toEqual(comparable(plain));
  expect(sliced.root).toBe(plain.root);
  const spans = paragraphs(plain.analysis.text);
  expect(ranges(sliced, spans)).toEqual(ranges(plain, spans));
  expect(sliced.slicing.bodyRuns).toBe(1);
  return sliced.slicing.yields;
}

describe('analyzePageSliced gives the same result as analyzePage', () => {
  for (const name of ['nato-patriot', 'home', 'product', 'search', 'spa']) {
    it(`on the ${name} fixture, pausing at every offer`, async () => {
      const doc = parse(readFileSync(path.join(FIXTURES, name, 'index.html'), 'utf8'));
      const yields = await expectSame(doc, `https://example.org/${name}/`);
      expect(yields).toBeGreaterThan(2);
    });
  }

  it('without a text stage, stops after the body step and hands over its input (the background runs it)', async () => {
    const doc = parse(sampleHtml);
    const plain = analyzePage(doc, { url: SAMPLE_URL });
    const page = await slicedRun(doc, { url: SAMPLE_URL }, EVERY);
    expect(page.analysis.text).toBe(plain.analysis.text);
    expect(page.analysis.meta).toEqual(plain.analysis.meta);
    expect(page.analysis.isArticle).toBe(true);
    expect(page.analysis.figures).toEqual([]);
    expect(page.analysis.entities).toEqual([]);
    expect(page.analysis.summary).toEqual([]);
    expect(page.deferred).toMatchObject({ text: plain.analysis.text, title: plain.analysis.meta.title });
    // What the background computes from that input (after a structured clone, as a message) is analyze()'s.
    const out = analyzeText(structuredClone(page.deferred!));
    expect(out.figures).toEqual(plain.analysis.figures);
    expect(out.entities).toEqual(plain.analysis.entities);
    expect(out.summary).toEqual(plain.analysis.summary);
    expect(out.figures.filter(f => f.key).length).toBeGreaterThan(2);
    // A run with the text stage hands nothing over.
    expect((await analyzePageSliced(parse(sampleHtml), { url: SAMPLE_URL }, EVERY)).deferred).toBeUndefined();
  });

  it('passes `detected` through and reports its slicing', async () => {
    const doc = parse(sampleHtml);
    const detected = { isArticle: false, score: 0.1, reasons: ['given'] };
    const r = await analyzePageSliced(doc, { url: SAMPLE_URL, detected }, EVERY);
    expect(r.analysis.isArticle).toBe(false);
    expect(r.analysis.reasons).toEqual(['given']);
    expect(r.analysis.figures).toEqual([]);
    expect(r.slicing.yields).toBeGreaterThan(0);
    expect(r.slicing.longestSliceMs).toBeGreaterThanOrEqual(0);
  });

  it('on an empty document and on a frameset', async () => {
    await expectSame(parse(''), 'https://example.org/');
    await expectSame(parse('<frameset><frame src="a.html"></frameset>'), 'https://example.org/');
  });

  it.skipIf(!corpusAvailable())(
    'on a sample of corpus pages (non-reserved Zyte pages, Readability pages)',
    async () => {
      // Every 25th non-reserved Zyte page under 200 KB and every 20th Readability page: spread out, and
      // small enough that jsdom's parse does not dominate. Reserved pages are never used.
      const zyte = zytePages()
        .filter(p => !p.reserved && statSync(p.file).size < 200_000)
        .filter((_, i) => i % 25 === 0);
      const readability = readabilityPages().filter((_, i) => i % 20 === 0);
      const pages = [
        ...zyte.map(p => ({ file: p.file, url: p.url })),
        ...readability.map(p => ({ file: p.file, url: 'http://fakehost/test/page.html' })),
      ];
      expect(pages.length).toBeGreaterThan(6);
      for (const p of pages) {
        const { dom, document } = parseHtml(loadHtml(p.file), p.url, { dropStyles: true });
        try {
          await expectSame(document, p.url);
        } finally {
          dom.window.close();
        }
      }
    },
    120_000,
  );
});

describe('budgets count work time', () => {
  it('does not give up because the page kept the thread between slices', async () => {
    const doc = parse(sampleHtml);
    // A wall clock on which every pause lasts a minute: 30 budgets' worth of waiting.
    let offset = 0;
    const now = () => performance.now() + offset;
    const r = await analyzePageSliced(
      doc,
      { url: SAMPLE_URL },
      {
        sliceMs: 0,
        now,
        yield: async () => {
          offset += 60_000;
        },
      },
    );
    expect(r.analysis.isArticle).toBe(true);
    expect(r.slicing.yields).toBeGreaterThan(2);
    expect(comparable(r)).toEqual(comparable(analyzePage(parse(sampleHtml), { url: SAMPLE_URL })));
  });

  it('gives up cleanly when the work itself runs past the budget', async () => {
    const doc = parse(sampleHtml);
    // Work is slow on this clock: each reading is 50 ms after the last; pauses are free.
    let t = 0;
    const r = await analyzePageSliced(
      doc,
      { url: SAMPLE_URL, budgetMs: 400 },
      { sliceMs: 0, now: () => (t += 50) },
    );
    expect(r.analysis.isArticle).toBe(false);
    expect(r.analysis.reasons.at(-1)).toMatch(/^gave up at \w+: time budget exceeded$/);
    expect(r.analysis.figures).toEqual([]);
  });

  it('gives up at the element budget as analyzePage does', async () => {
    const plain = analyzePage(parse(sampleHtml), { url: SAMPLE_URL, maxElements: 50 });
    const sliced = await analyzePageSliced(parse(sampleHtml), { url: SAMPLE_URL, maxElements: 50 }, EVERY);
    expect(sliced.analysis.reasons.at(-1)).toBe('gave up at body: more than 50 elements');
    expect(comparable(sliced)).toEqual(comparable(plain));
    expect(sliced.analysis.text).toBe('');
  });
});

describe('the page changes during a pause', () => {
  const PARA = 'An added paragraph, number %, says that 12 more launchers will arrive before the winter.';

  /** Every block of the text maps back to exactly that text in the page. */
  function expectConsistent(r: PageAnalysisResult): void {
    for (const [s, e] of paragraphs(r.analysis.text)) {
      const live = r.textMap.toRange(s, e)?.toString().replace(/\s+/g, ' ').trim();
      expect(live).toBe(r.analysis.text.slice(s, e));
    }
  }

  it('runs the body step again when the article changed under it', async () => {
    const doc = parse(sampleHtml);
    const body = doc.querySelector('.article-body')!;
    let pauses = 0;
    let added = 0;
    const r = await analyzePageSliced(
      doc,
      { url: SAMPLE_URL },
      {
        sliceMs: 0,
        yield: async () => {
          // The 4th pause is inside the first body run (after detect, metadata, and the stats walk).
          if (++pauses === 4) {
            const p = doc.createElement('p');
            p.textContent = PARA.replace('%', String(++added));
            body.append(p);
          }
        },
      },
    );
    expect(added).toBe(1);
    expect(r.slicing.bodyRuns).toBe(2);
    expect(r.analysis.text).toContain('number 1,');
    expectConsistent(r);
    // As analysed after the change (detect ran before it, so its word count may differ).
    const after = analyzePage(doc, { url: SAMPLE_URL }).analysis;
    const { text, figures, entities, summary, wordCount } = r.analysis;
    expect({ text, figures, entities, summary, wordCount }).toEqual({
      text: after.text,
      figures: after.figures,
      entities: after.entities,
      summary: after.summary,
      wordCount: after.wordCount,
    });
  });

  it('takes one snapshot without pausing when the article keeps changing', async () => {
    const doc = parse(sampleHtml);
    const body = doc.querySelector('.article-body')!;
    let added = 0;
    const r = await analyzePageSliced(
      doc,
      { url: SAMPLE_URL },
      {
        sliceMs: 0,
        yield: async () => {
          const p = doc.createElement('p');
          p.textContent = PARA.replace('%', String(++added));
          body.append(p);
        },
      },
    );
    expect(r.slicing.bodyRuns).toBe(BODY_RUNS);
    expect(r.analysis.isArticle).toBe(true);
    expectConsistent(r);
    // The last run saw every paragraph added before it started, and none after (it did not pause).
    const seen = r.analysis.text.match(/number \d+,/g) ?? [];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(added);
  });

  it('restarts when a part of the article is removed from the page', async () => {
    const doc = parse(sampleHtml);
    let pauses = 0;
    const r = await analyzePageSliced(
      doc,
      { url: SAMPLE_URL },
      {
        sliceMs: 0,
        yield: async () => {
          if (++pauses === 4)
            doc.querySelector('article')?.replaceWith(doc.querySelector('article')!.cloneNode(true));
        },
      },
    );
    expect(r.slicing.bodyRuns).toBe(2);
    expect(r.root?.isConnected).toBe(true);
    expectConsistent(r);
  });

  it('ignores changes outside the article and to the caller’s own nodes', async () => {
    const doc = parse(sampleHtml);
    const body = doc.querySelector('.article-body')!;
    const own = (n: Node) => n.nodeType === 1 && (n as Element).localName === 'gleaner-mark';
    const r = await analyzePageSliced(
      doc,
      { url: SAMPLE_URL },
      {
        sliceMs: 0,
        ignore: own,
        yield: async () => {
          const s = doc.createElement('span');
          s.textContent = 'ticker';
          doc.body.append(s);
          body.append(doc.createElement('gleaner-mark'));
        },
      },
    );
    expect(r.slicing.bodyRuns).toBe(1);
    expect(r.analysis.isArticle).toBe(true);
    expectConsistent(r);
  });
});

describe('abort', () => {
  it('rejects with the signal’s reason at the next pause', async () => {
    const ctl = new AbortController();
    const run = analyzePageSliced(
      parse(sampleHtml),
      { url: SAMPLE_URL },
      { sliceMs: 0, signal: ctl.signal, yield: async () => ctl.abort(new Error('navigated')) },
    );
    await expect(run).rejects.toThrow('navigated');
  });

  it('releases the page observer when aborted inside the body step', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    try {
      const ctl = new AbortController();
      let pauses = 0;
      const run = analyzePageSliced(
        parse(sampleHtml),
        { url: SAMPLE_URL },
        {
          sliceMs: 0,
          signal: ctl.signal,
          // The 4th pause is inside the body step (after detect, metadata and the stats walk's first offer).
          yield: async () => {
            if (++pauses === 4) ctl.abort(new Error('navigated'));
          },
        },
      );
      await expect(run).rejects.toThrow('navigated');
      expect(observe).toHaveBeenCalledTimes(1);
      expect(disconnect).toHaveBeenCalledTimes(1);
    } finally {
      observe.mockRestore();
      disconnect.mockRestore();
    }
  });
});
