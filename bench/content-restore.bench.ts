/**
 * Restoring highlights in Chromium with the built extension (`node scripts/build.mjs && npx tsx
 * bench/content-restore.bench.ts`). Writes bench/results/content-restore.md.
 *
 * A long article (>= 200 KB of text) with N stored highlights is opened; the content script fetches them
 * from the background and anchors them in slices that yield about every 8 ms. Measured in the page:
 * - restore time: navigation start -> every highlight drawn (CSS.highlights sizes, polled each frame);
 * - the longest main-thread task during the restore (PerformanceObserver 'longtask', >= 50 ms) and how many.
 * Baseline, same run, same page: the same anchoring code (src/anchoring, bundled) run for all N in one
 * synchronous task, as a restore without slicing would: its duration is the task the page would suffer.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';

import * as AnchoringApi from '../src/anchoring/index';
import type { Annotation } from '../src/shared/types';
import { launchWithExtension, requireChromium, serveDirectory, tempDir } from '../scripts/lib/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const N = Number(process.env.RESTORE_BENCH_N ?? 500);
const RUNS = 3;

/** A long article: the sample article's paragraphs, numbered and repeated to >= 200 KB of text. */
function longArticle(): string {
  const sample = readFileSync(resolve(ROOT, 'tests/fixtures/pages/nato-patriot/index.html'), 'utf8');
  const paras = [...sample.matchAll(/<p>([^<]{200,})<\/p>/g)].map(m => m[1]!);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < 210_000; i++) {
    const p = `Part ${i + 1}. ${paras[i % paras.length]}`;
    out.push(`<p>${p}</p>`);
    size += p.length;
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long article</title></head><body><article><h1>Long article</h1>${out.join('\n')}</article></body></html>`;
}

function annotationsFor(html: string, url: string): Annotation[] {
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  const paras = [...doc.querySelectorAll('article p')];
  const out: Annotation[] = [];
  for (let i = 0; i < N; i++) {
    const p = paras[Math.floor((i * paras.length) / N)]!;
    const t = p.firstChild as Text;
    const start = 10 + ((i * 37) % Math.max(1, t.data.length - 80));
    const r = doc.createRange();
    r.setStart(t, start);
    r.setEnd(t, start + 20 + (i % 40));
    const now = new Date().toISOString();
    out.push({
      id: `${(0x10000000 + i).toString(16)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      pageUrl: url,
      target: { source: url, selector: AnchoringApi.describe(doc.body, r) },
      kind: 'highlight',
      color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5]!,
      note: '',
      tags: [],
      created: now,
      updated: now,
      orphaned: false,
    });
  }
  return out;
}

async function main() {
  requireChromium();
  const dir = tempDir(ROOT, 'bench-restore-');
  mkdirSync(resolve(dir, 'long'), { recursive: true });
  const html = longArticle();
  writeFileSync(resolve(dir, 'long/index.html'), html);
  const server = await serveDirectory(dir);
  const url = server.url('long/');
  const annotations = annotationsFor(html, url);
  const anchoringBundle = (
    await esbuild.build({
      entryPoints: [resolve(ROOT, 'src/anchoring/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'GleanerAnchoring',
      write: false,
      minify: true,
    })
  ).outputFiles[0]!.text;

  const { context, extensionId } = await launchWithExtension(resolve(ROOT, 'dist/chrome'), {
    userDataDir: tempDir(ROOT, 'bench-restore-profile-'),
  });
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  // Figure marks off: only the restore runs (the analysis has its own benchmark).
  await ext.evaluate(() =>
    chrome.storage.local.set({ settings: { autoDetect: false, highlightFigures: false } }),
  );
  for (let i = 0; i < annotations.length; i += 50) {
    const batch = annotations.slice(i, i + 50);
    const res = await ext.evaluate(
      list =>
        Promise.all(
          list.map(a => chrome.runtime.sendMessage({ gleaner: 1, type: 'addAnnotation', args: [a] })),
        ),
      batch,
    );
    const bad = (res as { ok: boolean }[]).find(r => !r.ok);
    if (bad) throw new Error(`addAnnotation failed: ${JSON.stringify(bad)}`);
  }

  const rows: {
    restoreMs: number;
    longest: number;
    longTasks: number;
    drawn: number;
    baselineMs: number;
    indexMs: number;
    sliceLongest: number;
    slices: number;
    indexSlices: number;
    slicedWall: number;
  }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript(`
      window.__long = []; window.__done = -1; window.__drawn = 0;
      new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
      requestAnimationFrame(function tick() {
        let total = 0;
        for (const c of ['yellow', 'green', 'blue', 'pink', 'purple'])
          total += CSS.highlights.get('gleaner-' + c)?.size ?? 0;
        window.__drawn = total;
        if (total >= ${N}) window.__done = performance.now();
        else requestAnimationFrame(tick);
      });
    `);
    await page.bringToFront(); // a background tab gets no animation frames
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as { __done: number }).__done >= 0, null, { timeout: 30_000 })
      .catch(async e => {
        const drawn = await page.evaluate(() => (window as unknown as { __drawn: number }).__drawn);
        throw new Error(`only ${drawn} of ${N} highlights drawn: ${String(e)}`);
      });
    await page.waitForTimeout(200);
    const m = await page.evaluate(() => {
      const w = window as unknown as { __long: number[]; __done: number; __drawn: number };
      return { done: w.__done, long: w.__long, drawn: w.__drawn };
    });
    // Baseline in the same page: the same anchoring, all N in one task (index build, then the anchors).
    await page.addScriptTag({ content: anchoringBundle });
    // tsx compiles this file with keepNames, so serialised functions call a __name helper.
    await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
    const [baselineMs, indexMs] = await page.evaluate(
      ([list]) => {
        let indexMs = 0;
        const api = (window as unknown as { GleanerAnchoring: typeof AnchoringApi }).GleanerAnchoring;
        api.releaseTextIndex(document.body);
        const tIndex = performance.now();
        api.textIndexFor(document.body);
        indexMs = performance.now() - tIndex;
        const t0 = performance.now();
        let placed = 0;
        for (const a of list) if (api.anchor(document.body, a.target.selector)) placed++;
        const ms = performance.now() - t0;
        if (placed !== list.length) throw new Error(`baseline placed ${placed}/${list.length}`);
        return [ms, indexMs];
      },
      [annotations] as const,
    );
    // Our own slices, same page, cold index: the content script's restore path (highlights.ts anchorAll:
    // textIndexForSliced, then the anchors, on one 8 ms slice clock yielding with setTimeout 0), replayed with
    // the same functions so each slice can be timed (long tasks cannot tell our tasks from the page's).
    const sliced = await page.evaluate(
      async ([list]) => {
        const api = (window as unknown as { GleanerAnchoring: typeof AnchoringApi }).GleanerAnchoring;
        api.releaseTextIndex(document.body);
        const slices: number[] = [];
        let t = performance.now();
        const t0 = t;
        const shouldYield = (): boolean => performance.now() - t >= 8;
        const yieldFn = async (): Promise<void> => {
          slices.push(performance.now() - t);
          await new Promise(r => setTimeout(r, 0));
          t = performance.now();
        };
        const idx = await api.textIndexForSliced(document.body, { shouldYield, yieldFn });
        const indexSlices = slices.length + 1;
        let placed = 0;
        for (const a of list) {
          if (shouldYield()) await yieldFn();
          if (api.anchor(document.body, a.target.selector)) placed++;
        }
        slices.push(performance.now() - t);
        if (placed !== list.length) throw new Error(`sliced placed ${placed}/${list.length}`);
        // The anchors must have reused the sliced index (a rebuild inside a slice would be a long task).
        if (api.textIndexFor(document.body) !== idx)
          throw new Error('the text index was rebuilt while anchoring');
        return {
          longest: Math.max(...slices),
          count: slices.length,
          indexSlices,
          wallMs: performance.now() - t0,
          all: slices.map(x => Math.round(x * 10) / 10),
        };
      },
      [annotations] as const,
    );
    console.error(`run ${run}: our slices (ms): ${sliced.all.join(' ')}`);
    rows.push({
      restoreMs: m.done,
      longest: m.long.length ? Math.max(...m.long) : 0,
      longTasks: m.long.length,
      drawn: m.drawn,
      baselineMs,
      indexMs,
      sliceLongest: sliced.longest,
      slices: sliced.count,
      indexSlices: sliced.indexSlices,
      slicedWall: sliced.wallMs,
    });
    await page.close();
  }
  // Control, same run: the same page under another URL (no stored highlights): the page's own load cost.
  const control: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.addInitScript(`
      window.__long = [];
      new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    `);
    await page.bringToFront();
    await page.goto(`${url}?control=${run}`);
    await page.waitForTimeout(2500);
    control.push(
      await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long)),
    );
    await page.close();
  }
  await context.close();
  await server.close();

  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const chromium = execFileSync(requireChromium(), ['--version']).toString().trim();
  const r = {
    restore: med(rows.map(x => x.restoreMs)),
    longest: med(rows.map(x => x.longest)),
    longTasks: med(rows.map(x => x.longTasks)),
    baseline: med(rows.map(x => x.baselineMs)),
    control: med(control),
    index: med(rows.map(x => x.indexMs)),
    sliceLongest: med(rows.map(x => x.sliceLongest)),
    slices: med(rows.map(x => x.slices)),
    indexSlices: med(rows.map(x => x.indexSlices)),
    slicedWall: med(rows.map(x => x.slicedWall)),
  };
  const text = `## Restoring highlights on page load (content script, Chromium)

Date: ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${chromium}
Page: one generated article, ${Math.round(html.length / 1024)} KB of HTML (>= 200 KB of text), ${N} stored highlights (all anchored, ${rows.map(x => x.drawn).join('/')} drawn). Median of ${RUNS} loads; figure marks off so only the restore runs.

| measure | value |
| --- | --- |
| navigation start -> all ${N} highlights drawn | ${r.restore.toFixed(0)} ms |
| longest main-thread task during the load (long tasks >= 50 ms, whole page) | ${r.longest ? `${r.longest.toFixed(0)} ms` : 'none'} |
| long tasks during the load | ${r.longTasks} |
| control: longest task loading the same page with no stored highlights | ${r.control.toFixed(0)} ms |
| **our longest slice** (cold restore replayed in the page: sliced index build + ${N} anchors) | ${r.sliceLongest.toFixed(1)} ms |
| our slices: total / of which building the text index | ${r.slices} / ${r.indexSlices} (${r.slicedWall.toFixed(0)} ms wall) |
| baseline: building the page's text index in one go | ${r.index.toFixed(1)} ms |
| baseline: the same ${N} anchors in one synchronous task, index prebuilt | ${r.baseline.toFixed(1)} ms |
| baseline: an unsliced restore (index + anchors in one task) / our longest slice | ${(r.index + r.baseline).toFixed(1)} ms / ${r.sliceLongest.toFixed(1)} ms = ${((r.index + r.baseline) / Math.max(0.1, r.sliceLongest)).toFixed(1)}× |

The restore (src/content/highlights.ts) builds the page's text index in slices (TextIndex.buildSliced, asking
the slice clock every 256 nodes) and then anchors, both on one slice clock that yields to the page about every
8 ms (src/content/schedule.ts sliceClock). Our slices are timed by replaying that path with the same functions
in the loaded page, as long tasks cannot tell our tasks from the page's. Long tasks are whole-page: they
include parsing and laying out the 200 KB page (see the control) and painting ${N} highlights (the renderer's
work for the CSS highlights), not only our script. Runs (restore / longest long task / our longest slice / unsliced baseline): ${rows.map(x => `${x.restoreMs.toFixed(0)} / ${x.longest.toFixed(0)} / ${x.sliceLongest.toFixed(1)} / ${(x.indexMs + x.baselineMs).toFixed(0)} ms`).join('; ')}.
`;
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench/results/content-restore.md'), text);
  console.log(text);
}

await main();
