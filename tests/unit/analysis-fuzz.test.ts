/**
 * Extraction fuzz (issue 8, RELIABILITY.md): generated and damaged pages through `analyze()`.
 *
 * Contract checked on every document: analyze never throws; the result is plain data that
 * survives structuredClone (it crosses the message channel); isArticle is a boolean with a
 * score in [0, 1]; a page it calls "not an article" says why; every figure's text is exactly
 * text.slice(start, end); entities point inside the text; Object.prototype is untouched.
 *
 * Default run: 1,400 generated + 600 mutated documents with a fixed seed (reproducible in CI).
 * GLEANER_SOAK=1: 10x as many with a random seed; GLEANER_FUZZ_SEED=<n> replays a run.
 * Counts go to out/reliability/analysis-fuzz.json for RELIABILITY.md. No timed assertions; the
 * timeouts are only a guard against a hang, sized for a loaded 2-core machine (the default run
 * takes about 1.5 CPU-minutes).
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import type { PageAnalysis } from '../../src/analysis/types';
import { JSDOM, VirtualConsole } from 'jsdom';
import { hugePage, htmlDocument, mutate, mutationPlan } from '../helpers/fuzz-html';

const repoRoot = resolve(import.meta.dirname, '../..');
const corpus = resolve(repoRoot, '../shared/corpus');
const SOAK = process.env.GLEANER_SOAK === '1';
const SEED = process.env.GLEANER_FUZZ_SEED
  ? Number(process.env.GLEANER_FUZZ_SEED)
  : SOAK
    ? Date.now() % 2 ** 31
    : 20_260_826;
const GENERATED = SOAK ? 14_000 : 1_400;
const MUTANTS = SOAK ? 6_000 : 600;

const stats = {
  seed: SEED,
  soak: SOAK,
  generated: 0,
  mutated: 0,
  seedPages: 0,
  corpusSeedPages: 0,
  parserRejected: 0,
  exceptions: 0,
  /** Exceptions inside analyze() caught by its own safety net ("analysis failed at <step>"): bugs. */
  internalErrors: 0,
  internalErrorSamples: [] as string[],
  /** Runs that stopped at the time or element budget ("gave up at <step>"): allowed, counted. */
  gaveUp: 0,
  articles: 0,
  notArticles: 0,
  figures: 0,
  /** Parser windows used (see windowFor) and memory high-water marks of the fuzz phases. */
  windows: 1,
  peakHeapMB: 0,
  peakRssMB: 0,
  mutationsByKind: {} as Record<string, number>,
  huge: null as null | {
    nodes: number;
    bytes: number;
    isArticle: boolean;
    reasons: string[];
    textLength: number;
    /** Wall-clock ms (recorded for RELIABILITY.md, never asserted): parsing, and analyze() by step. */
    parseMs: number;
    analyzeMs: number;
    timings: PageAnalysis['timings'];
  },
};

const URLS = [
  'https://news.example.org/europe/2025/07/21/story.html',
  'http://127.0.0.1:8080/page/',
  'https://example.com/?q=%ZZ&x=<script>',
  'http://[::1]:1/a',
  'https://xn--nxasmq6b.example/ü/path',
  'about:blank',
];

function checkAnalysis(a: PageAnalysis, url: string): void {
  expect(typeof a.isArticle).toBe('boolean');
  expect(a.articleScore).toBeGreaterThanOrEqual(0);
  expect(a.articleScore).toBeLessThanOrEqual(1);
  expect(Array.isArray(a.reasons)).toBe(true);
  for (const r of a.reasons) expect(typeof r).toBe('string');
  if (!a.isArticle) expect(a.reasons.length).toBeGreaterThan(0);
  expect(typeof a.text).toBe('string');
  expect(a.url === url || typeof a.url === 'string').toBe(true);
  for (const f of a.figures) expect(f.text).toBe(a.text.slice(f.start, f.end));
  for (const e of a.entities) {
    expect(e.first).toBeGreaterThanOrEqual(0);
    expect(e.first).toBeLessThanOrEqual(a.text.length);
  }
  // Crosses runtime messaging and goes into IndexedDB: must be structured-clone safe.
  expect(() => structuredClone(a)).not.toThrow();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isArticle).toBeUndefined();
}

/**
 * The jsdom window whose DOMParser parses the documents. A window per document costs ~6x more (the
 * analysis reads no layout or computed style: it gets a Document, as in the page), but one window
 * for the whole run ran out of heap at soak size, because jsdom keeps every document it parsed
 * reachable from the window:
 * - its selector engine (@asamuzakjp/dom-selector 7) gives each Document that runs a selector a
 *   Finder that adds 9 capture listeners (focus, key, mouse) to the window and never removes them,
 *   and the Finder keeps its Document;
 * - its named-property tracker (window-properties.js) files every element with an id, from any
 *   document of the window, in a per-window map that a dropped document never leaves.
 * So the window is replaced every WINDOW_DOCS documents or WINDOW_CHARS characters of HTML, and
 * each fuzz run awaits `settle()` (below) so that the replaced windows can go. Measured with one
 * window and no yielding: +110 KB of heap per generated page and +5.3 MB per mutated corpus page,
 * without end; with both, heap stays within a few hundred MB. A browser tab has one document
 * and a real event loop, so this is the harness's cost, not the content script's.
 */
const WINDOW_DOCS = 100;
const WINDOW_CHARS = 2_000_000;
const newWindow = () => new JSDOM('', { virtualConsole: new VirtualConsole() }).window;
let parserWindow = newWindow();
let windowDocs = 0;
let windowChars = 0;

/** The window for the next document of `chars` characters; closes (and drops) a full one. */
function windowFor(chars: number): typeof parserWindow {
  if (windowDocs >= WINDOW_DOCS || (windowDocs > 0 && windowChars + chars > WINDOW_CHARS)) {
    parserWindow.close(); // drops its listeners; its documents go once their load jobs ran (settle)
    parserWindow = newWindow();
    windowDocs = 0;
    windowChars = 0;
    stats.windows++;
  }
  windowDocs++;
  windowChars += chars;
  return parserWindow;
}

const STYLE_BLOCK = /(<style\b[^>]*>)[^]*?(<\/style\s*>)/gi;

/** Parses as a browser would; jsdom's CSS parser throws on some sheets, then sheets are emptied. */
function parse(html: string): Document | null {
  const parser = new (windowFor(html.length).DOMParser)();
  try {
    return parser.parseFromString(html, 'text/html');
  } catch {
    try {
      return parser.parseFromString(html.replace(STYLE_BLOCK, '$1$2'), 'text/html');
    } catch {
      return null;
    }
  }
}

/**
 * Lets the event loop run. jsdom queues each parsed document's DOMContentLoaded/load dispatch as
 * promise jobs that hold the document (and its window); a fuzz loop that never yields keeps every
 * document of the phase alive until the phase ends.
 */
const settle = () => new Promise<void>(done => setImmediate(done));

const started = performance.now();

/**
 * Heap and RSS high-water marks, sampled every 50 documents (for RELIABILITY.md; never asserted).
 * A soak run also prints a progress line and saves the counts every 1,000 documents, so a run that
 * is stopped still says how far it got.
 */
function sampleMemory(): void {
  const done = stats.generated + stats.mutated;
  if (done % 50 !== 0) return;
  const { heapUsed, rss } = process.memoryUsage();
  stats.peakHeapMB = Math.max(stats.peakHeapMB, Math.round(heapUsed / 1e6));
  stats.peakRssMB = Math.max(stats.peakRssMB, Math.round(rss / 1e6));
  if (!SOAK || done % 1000 !== 0) return;
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(
    `fuzz seed ${SEED}: ${stats.generated} generated, ${stats.mutated} mutated, ${minutes} min, ` +
      `heap ${Math.round(heapUsed / 1e6)} MB (peak ${stats.peakHeapMB}), rss ${Math.round(rss / 1e6)} MB`,
  );
  saveStats();
}

/** Parses and analyses one document; counts parser rejections (jsdom's, not ours). */
function runOne(html: string, url: string): PageAnalysis | null {
  const doc = parse(html);
  if (!doc) {
    stats.parserRejected++;
    return null;
  }
  let result: PageAnalysis;
  try {
    // A generous time budget: on a loaded machine the default 2 s would cut runs short and hide
    // later steps from the fuzz. The budget itself is exercised by the huge page below.
    result = analyze(doc, { url, budgetMs: 60_000 });
  } catch (error) {
    stats.exceptions++;
    throw error;
  }
  checkAnalysis(result, url);
  const failed = result.reasons.find(r => r.startsWith('analysis failed'));
  if (failed) {
    stats.internalErrors++;
    if (stats.internalErrorSamples.length < 10) stats.internalErrorSamples.push(failed.slice(0, 300));
  }
  if (result.reasons.some(r => r.startsWith('gave up'))) stats.gaveUp++;
  if (result.isArticle) stats.articles++;
  else stats.notArticles++;
  stats.figures += result.figures.length;
  return result;
}

/** Seed pages for mutation: our fixtures, plus readability corpus pages (never reserved ones). */
function seedPages(): string[] {
  const pages: string[] = [];
  const fixtures = resolve(repoRoot, 'tests/fixtures/pages');
  for (const name of ['nato-patriot', 'home', 'search', 'product']) {
    const file = join(fixtures, name, 'index.html');
    if (existsSync(file)) pages.push(readFileSync(file, 'utf8'));
  }
  const readability = join(corpus, 'readability');
  if (existsSync(readability)) {
    const names = readdirSync(readability).sort();
    const picked = names.filter((_, i) => SOAK || i % 4 === 0);
    for (const name of picked) {
      const file = join(readability, name, 'source.html');
      if (!existsSync(file) || statSync(file).size > (SOAK ? 2_000_000 : 60_000)) continue;
      pages.push(readFileSync(file, 'utf8'));
      stats.corpusSeedPages++;
    }
  }
  stats.seedPages = pages.length;
  return pages;
}

function saveStats(): void {
  const out = resolve(repoRoot, 'out/reliability');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'analysis-fuzz.json'), JSON.stringify(stats, null, 2) + '\n');
}

afterAll(saveStats);

describe('analyze() under fuzz', () => {
  it(`survives ${GENERATED} generated documents`, { timeout: SOAK ? 7_200_000 : 1_800_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(htmlDocument, fc.constantFrom(...URLS), async (html, url) => {
        stats.generated++;
        runOne(html, url);
        sampleMemory();
        await settle();
      }),
      { numRuns: GENERATED, seed: SEED },
    );
    expect(stats.exceptions).toBe(0);
    expect(stats.internalErrorSamples).toEqual([]);
  });

  it(`survives ${MUTANTS} mutated real pages`, { timeout: SOAK ? 7_200_000 : 1_800_000 }, async () => {
    const seeds = seedPages();
    expect(seeds.length).toBeGreaterThanOrEqual(4);
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), mutationPlan, fc.boolean(), async (i, plan, twice) => {
        stats.mutated++;
        stats.mutationsByKind[plan.kind] = (stats.mutationsByKind[plan.kind] ?? 0) + 1;
        let html = mutate(seeds[i]!, plan);
        if (twice) html = mutate(html, { ...plan, kind: 'tag-soup', a: plan.b, b: plan.a });
        runOne(html, URLS[plan.a % URLS.length]!);
        sampleMemory();
        await settle();
      }),
      { numRuns: MUTANTS, seed: SEED + 1 },
    );
    expect(stats.exceptions).toBe(0);
    expect(stats.internalErrorSamples).toEqual([]);
  });

  it('finishes or gives up cleanly on a 100,000-node / 5 MB page', { timeout: 1_800_000 }, () => {
    const html = hugePage(100_000, 5_000_000);
    const t0 = performance.now();
    const doc = parse(html);
    const parseMs = performance.now() - t0;
    if (!doc) throw new Error('jsdom could not parse the huge page');
    const nodes = doc.getElementsByTagName('*').length;
    expect(nodes).toBeGreaterThanOrEqual(100_000);
    expect(html.length).toBeGreaterThanOrEqual(5_000_000);
    // The default budgets, as in the content script: finish, or give up with a reason.
    const t1 = performance.now();
    const a = analyze(doc, { url: URLS[0]! });
    const analyzeMs = performance.now() - t1;
    checkAnalysis(a, URLS[0]!);
    expect(a.reasons.filter(r => r.startsWith('analysis failed'))).toEqual([]);
    stats.huge = {
      nodes,
      bytes: html.length,
      isArticle: a.isArticle,
      // The first reasons and, always, the one that says where it gave up (if it did).
      reasons: [...a.reasons.slice(0, 3), ...a.reasons.slice(3).filter(r => r.startsWith('gave up'))],
      textLength: a.text.length,
      parseMs: Math.round(parseMs),
      analyzeMs: Math.round(analyzeMs),
      timings: a.timings,
    };
  });
});
