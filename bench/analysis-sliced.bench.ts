/**
 * `npx tsx bench/analysis-sliced.bench.ts`: the sliced analysis (analyzePageSliced, what the content script
 * runs) beside analyzePage() (the same steps without pauses) on every 3rd non-reserved Zyte page, in one
 * process, on the same jsdom documents, the two runs interleaved per page. Measures the cost of slicing
 * (total time ratio), the longest slice and the number of pauses, and checks that both give the same
 * result. Writes bench/results/analysis-sliced.md.
 *
 * jsdom's DOM is several times slower than a browser's, so slice lengths here are about where the pause
 * points are, not about Chromium's task lengths (tests/e2e/long-tasks*.e2e.ts measure those). Reserved
 * pages are not used.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzePage } from '../src/analysis/analyze';
import { detect } from '../src/analysis/detect';
import { analyzePageSliced } from '../src/analysis/sliced';
import { textStageSteps } from '../src/analysis/text-stage';
import { parseHtml } from '../src/cli/dom';
import { corpusAvailable, loadHtml, REPO_ROOT, zytePages } from './lib/corpus';

const SLICE_MS = 8;

interface Row {
  plainMs: number;
  slicedMs: number;
  longestSliceMs: number;
  yields: number;
  same: boolean;
  /** Work time of the steps that run without pausing inside (sliced run). */
  metadataMs: number;
  figuresMs: number;
  bodyMs: number;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const r1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

async function main(): Promise<void> {
  if (!corpusAvailable()) {
    console.log('corpus not found: skipped');
    return;
  }
  const pages = zytePages()
    .filter(p => !p.reserved)
    .filter((_, i) => i % 3 === 0);
  const rows: Row[] = [];
  for (const p of pages) {
    const { dom, document } = parseHtml(loadHtml(p.file), p.url, { dropStyles: true });
    try {
      // One detect for both: it has its own wall-clock budget, which a loaded machine may hit on one run only.
      const detected = detect(document, p.url);
      const opts = { url: p.url, detected, budgetMs: 60_000 };
      analyzePage(document, opts); // warm-up
      let plainMs = Infinity;
      let slicedMs = Infinity;
      let longestSliceMs = Infinity;
      let yields = 0;
      let same = true;
      let metadataMs = Infinity;
      let figuresMs = Infinity;
      let bodyMs = Infinity;
      for (let k = 0; k < 2; k++) {
        const t0 = performance.now();
        const a = analyzePage(document, opts);
        const t1 = performance.now();
        // With the text stage in the same slices, as in Node (the extension runs it in the background worker).
        const b = await analyzePageSliced(document, opts, { sliceMs: SLICE_MS, textStage: textStageSteps });
        const t2 = performance.now();
        plainMs = Math.min(plainMs, t1 - t0);
        slicedMs = Math.min(slicedMs, t2 - t1);
        longestSliceMs = Math.min(longestSliceMs, b.slicing.longestSliceMs);
        yields = b.slicing.yields;
        metadataMs = Math.min(metadataMs, b.analysis.timings.metadata);
        figuresMs = Math.min(figuresMs, b.analysis.timings.figures);
        bodyMs = Math.min(bodyMs, b.analysis.timings.body);
        const key = (x: typeof a.analysis) => JSON.stringify({ ...x, timings: null });
        same &&= key(a.analysis) === key(b.analysis) && a.root === b.root;
      }
      rows.push({ plainMs, slicedMs, longestSliceMs, yields, same, metadataMs, figuresMs, bodyMs });
    } finally {
      dom.window.close();
    }
  }
  const plain = rows.reduce((s, r) => s + r.plainMs, 0);
  const sliced = rows.reduce((s, r) => s + r.slicedMs, 0);
  const longest = rows.map(r => r.longestSliceMs);
  const plainEach = rows.map(r => r.plainMs);
  const ratios = rows.map(r => r.slicedMs / Math.max(0.01, r.plainMs));
  const col = (k: 'metadataMs' | 'bodyMs') => rows.map(r => r[k]);
  const figs = rows.map(r => r.figuresMs).filter(ms => ms > 0);
  const over = (ms: number) => rows.filter(r => r.longestSliceMs > ms).length;
  const md = `## Sliced analysis (content script): slices and cost

Date: ${new Date().toISOString().slice(0, 10)}. Node ${process.version}, jsdom 29; Chromium: n/a (Node/jsdom; the browser's task lengths are in RELIABILITY.md, long tasks).
Corpus: ${rows.length} Zyte pages (every 3rd non-reserved page), each parsed once; per page the best of 2 interleaved runs of each. Slice length ${SLICE_MS} ms, pauses through setImmediate. Load average at the end: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} (shared machine).

| | median | p95 | max |
|---|---|---|---|
| analyzePage() (no pauses, baseline), ms | ${r1(quantile(plainEach, 0.5))} | ${r1(quantile(plainEach, 0.95))} | ${r1(Math.max(...plainEach))} |
| analyzePageSliced(), longest slice, ms | ${r1(quantile(longest, 0.5))} | ${r1(quantile(longest, 0.95))} | ${r1(Math.max(...longest))} |
| analyzePageSliced() / analyzePage() time | ${quantile(ratios, 0.5).toFixed(2)} | ${quantile(ratios, 0.95).toFixed(2)} | ${Math.max(...ratios).toFixed(2)} |
| metadata step (pauses inside its body scan), work ms | ${r1(quantile(col('metadataMs'), 0.5))} | ${r1(quantile(col('metadataMs'), 0.95))} | ${r1(Math.max(...col('metadataMs')))} |
| body step (in slices), work ms | ${r1(quantile(col('bodyMs'), 0.5))} | ${r1(quantile(col('bodyMs'), 0.95))} | ${r1(Math.max(...col('bodyMs')))} |
| figures + entities (two slices; in the extension they run in the background worker), work ms, articles only | ${r1(quantile(figs, 0.5))} | ${r1(quantile(figs, 0.95))} | ${r1(Math.max(0, ...figs))} |
| pauses per page | ${quantile(
    rows.map(r => r.yields),
    0.5,
  )} | ${quantile(
    rows.map(r => r.yields),
    0.95,
  )} | ${Math.max(...rows.map(r => r.yields))} |

Total time: analyzePage() ${r1(plain)} ms, analyzePageSliced() ${r1(sliced)} ms (ratio ${(sliced / plain).toFixed(2)}, pauses included).
Pages whose longest slice is over 50 ms in jsdom: ${over(50)} of ${rows.length}; over 25 ms: ${over(25)}. A slice is one step that does not pause inside (figures, entities; detect is handed over) or the stretch between two pause points. The extension runs the figures, entities and summary in its background worker, not in the page.
Same result (analysis without timings, same root element) on ${rows.filter(r => r.same).length} of ${rows.length} pages.
`;
  const out = path.join(REPO_ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'analysis-sliced.md'), md);
  console.log(md);
}

void main();
