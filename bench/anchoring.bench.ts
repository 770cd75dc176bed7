/**
 * npm run bench:anchoring (issue 6, "Measure it").
 *
 * 1. Speed, in Chromium: src/anchoring and the Hypothesis-style baseline (bench/anchoring-baseline.ts) are
 *    bundled here with esbuild (no dependency on dist/) and injected into a plain page holding a long article
 *    (several corpus articles concatenated, >= 200 KB of text; generated text when the corpus is absent).
 *    500 exact highlights and 100 fuzzy ones (stored quotes with 1-3 character edits) are anchored by both, in
 *    the same run; each timing starts from a cold state (our text index is dropped first) and is the median
 *    of several runs.
 * 2. Robustness, in jsdom (bench/anchoring-robustness.ts), when the corpus is present.
 * Writes bench/results/anchoring.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import type * as AnchoringLib from '../src/anchoring/index';
import type { Selector, TextQuoteSelector } from '../src/shared/types';
import type * as BaselineLib from './anchoring-baseline';
import { robustnessMarkdown, runRobustness } from './anchoring-robustness';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repo, '../shared/corpus');
const hasCorpus = fs.existsSync(path.join(corpus, 'zyte/ground-truth.json'));
const EXACT = 500;
const FUZZY = 100;
const RUNS = 11;
const BASELINE_RUNS = 3;
const MIN_TEXT = 200_000;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A long article page: corpus article bodies (non-reserved Zyte pages) as paragraphs, with page chrome. */
function longPage(): { html: string; source: string } {
  const paras: string[] = [];
  let source: string;
  let size = 0;
  if (hasCorpus) {
    const reserved = new Set(
      fs
        .readFileSync(path.join(corpus, 'zyte/RESERVED.txt'), 'utf8')
        .split('\n')
        .map(s => s.trim().replace(/\.html$/, '')),
    );
    const gt = JSON.parse(fs.readFileSync(path.join(corpus, 'zyte/ground-truth.json'), 'utf8')) as Record<
      string,
      { articleBody: string }
    >;
    let n = 0;
    for (const id of Object.keys(gt).sort()) {
      if (reserved.has(id) || size >= MIN_TEXT * 1.1) continue;
      n++;
      paras.push(`<h2>Article ${n}</h2>`);
      for (const p of (gt[id]?.articleBody ?? '').split(/\n+/)) {
        if (!p.trim()) continue;
        paras.push(`<p>${escapeHtml(p)}</p>`);
        size += p.length;
        if (n % 2 === 0 && paras.length % 7 === 0)
          paras.push('<div class="ad"><span>Advertisement</span></div>');
      }
    }
    source = `${n} non-reserved Zyte article bodies`;
  } else {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = 'the a minister said budget deficit rose fell percent year market police city report'.split(
      ' ',
    );
    while (size < MIN_TEXT * 1.1) {
      const p = Array.from({ length: 60 }, () => words[Math.floor(rnd() * words.length)]).join(' ') + '.';
      paras.push(`<p>${p}</p>`);
      size += p.length;
    }
    source = 'generated text (corpus absent)';
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Long page</title></head><body>
<header><nav><a href="#">Home</a> <a href="#">World</a> <a href="#">Business</a></nav></header>
<main><article>${paras.join('\n')}</article></main><footer>© Example</footer></body></html>`;
  return { html, source };
}

async function bundle(): Promise<string> {
  const r = await esbuild.build({
    stdin: {
      contents: `export * from './src/anchoring/index';
export { baselineAnchor, baselineDescribe } from './bench/anchoring-baseline';`,
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'GleanerAnchoring',
    target: 'es2022',
    write: false,
  });
  return r.outputFiles[0]?.text ?? '';
}

interface PageResult {
  textLength: number;
  ours: {
    exact: number[];
    fuzzy: number[];
    exactOk: number;
    fuzzyOk: number;
    fuzzyOrphan: number;
    indexMs: number;
  };
  base: { exact: number[]; fuzzy: number[]; exactOk: number; fuzzyOk: number };
  methods: Record<string, number>;
}

/** Runs in the page (serialised by playwright): picks highlights, times both anchorers. */
function inPage(args: { exact: number; fuzzy: number; runs: number; baseRuns: number }): PageResult {
  type Lib = typeof AnchoringLib & typeof BaselineLib;
  const lib = (globalThis as unknown as { GleanerAnchoring: Lib }).GleanerAnchoring;
  const root = document.body;
  let seed = 20261126;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const idx = lib.TextIndex.build(root);
  const text = idx.text;
  // Highlights: 3-25 word spans starting at word boundaries, spread over the whole page.
  const words: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) words.push(i);
  const pick = (): { start: number; end: number } => {
    const w = Math.floor(rnd() * (words.length - 30));
    const n = 3 + Math.floor(rnd() * 23);
    const start = words[w] as number;
    let end = (words[w + n] as number) - 1;
    while (end > start && text[end - 1] === ' ') end--;
    return { start, end };
  };
  const spans = Array.from({ length: args.exact + args.fuzzy }, pick);
  const ranges = spans.map(s => idx.rangeFor(s.start, s.end) as Range);
  const ours = ranges.map(r => lib.describe(root, r, idx));
  const base = ranges.map(r => lib.baselineDescribe(root, r));
  // Fuzzy: the stored quote differs from the page by 1-3 character edits (substitute, delete or insert).
  const mutate = (s: string): string => {
    const k = 1 + Math.floor(rnd() * 3);
    let out = s;
    for (let e = 0; e < k; e++) {
      const i = 1 + Math.floor(rnd() * (out.length - 2));
      const op = Math.floor(rnd() * 3);
      out =
        op === 0
          ? out.slice(0, i) + 'x' + out.slice(i + 1)
          : op === 1
            ? out.slice(0, i) + out.slice(i + 1)
            : out.slice(0, i) + 'q' + out.slice(i);
    }
    return out;
  };
  for (let i = args.exact; i < spans.length; i++) {
    const o = ours[i] as Selector[];
    const q = o[0] as TextQuoteSelector;
    const edited = mutate(q.exact);
    o[0] = { ...q, exact: edited };
    const b = base[i];
    if (b) base[i] = { ...b, exact: mutate(b.exact) };
  }
  const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] as number;
  const time = (from: number, to: number, fn: (i: number) => void): number => {
    lib.releaseTextIndex(root);
    const t0 = performance.now();
    for (let i = from; i < to; i++) fn(i);
    return performance.now() - t0;
  };
  const res: PageResult = {
    textLength: text.length,
    ours: { exact: [], fuzzy: [], exactOk: 0, fuzzyOk: 0, fuzzyOrphan: 0, indexMs: 0 },
    base: { exact: [], fuzzy: [], exactOk: 0, fuzzyOk: 0 },
    methods: {},
  };
  const builds: number[] = [];
  for (let r = 0; r < args.runs; r++) {
    const t0 = performance.now();
    lib.TextIndex.build(root);
    builds.push(performance.now() - t0);
  }
  res.ours.indexMs = median(builds);
  const oursOut: (ReturnType<Lib['anchor']> | undefined)[] = [];
  for (let r = 0; r < args.runs; r++) {
    res.ours.exact.push(time(0, args.exact, i => (oursOut[i] = lib.anchor(root, ours[i] ?? []))));
    res.ours.fuzzy.push(time(args.exact, spans.length, i => (oursOut[i] = lib.anchor(root, ours[i] ?? []))));
  }
  const baseOut: (Range | null)[] = [];
  for (let r = 0; r < args.baseRuns; r++) {
    res.base.exact.push(
      time(0, args.exact, i => (baseOut[i] = base[i] ? lib.baselineAnchor(root, base[i]) : null)),
    );
    res.base.fuzzy.push(
      time(args.exact, spans.length, i => (baseOut[i] = base[i] ? lib.baselineAnchor(root, base[i]) : null)),
    );
  }
  // Correctness of what was timed: the anchored range must be the highlighted span.
  const fresh = lib.TextIndex.build(root);
  spans.forEach((s, i) => {
    const o = oursOut[i];
    if (o) res.methods[o.method] = (res.methods[o.method] ?? 0) + 1;
    const ok = (r: Range | null | undefined): boolean => {
      const sp = r ? fresh.spanOf(r) : null;
      return !!sp && sp.start === s.start && sp.end === s.end;
    };
    const fuzzy = i >= args.exact;
    if (ok(o?.range)) res.ours[fuzzy ? 'fuzzyOk' : 'exactOk']++;
    else if (fuzzy && !o) res.ours.fuzzyOrphan++;
    if (ok(baseOut[i])) res.base[fuzzy ? 'fuzzyOk' : 'exactOk']++;
  });
  // [median, best] of the runs.
  res.ours.exact = [median(res.ours.exact), Math.min(...res.ours.exact)];
  res.ours.fuzzy = [median(res.ours.fuzzy), Math.min(...res.ours.fuzzy)];
  res.base.exact = [median(res.base.exact), Math.min(...res.base.exact)];
  res.base.fuzzy = [median(res.base.fuzzy), Math.min(...res.base.fuzzy)];
  return res;
}

async function main(): Promise<void> {
  const tmp = path.join(repo, '.tmp');
  fs.mkdirSync(tmp, { recursive: true });
  process.env.TMPDIR = tmp;
  const load = os.loadavg();
  const { html, source } = longPage();
  const code = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, TMPDIR: tmp },
  });
  let res: PageResult;
  let version: string;
  try {
    version = browser.version();
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    // tsx compiles this file with keepNames, so the serialised inPage calls a __name helper.
    await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
    await page.addScriptTag({ content: code });
    res = await page.evaluate(inPage, { exact: EXACT, fuzzy: FUZZY, runs: RUNS, baseRuns: BASELINE_RUNS });
  } finally {
    await browser.close();
  }
  const o = res.ours;
  const b = res.base;
  const f = (n: number): string => n.toFixed(1);
  const per = (n: number, k: number): string => (n / k).toFixed(3);
  console.log(JSON.stringify(res));

  let robust = '';
  if (hasCorpus && !process.env.ANCHOR_SKIP_ROBUSTNESS) {
    const { results, pages } = runRobustness(repo, corpus, true);
    robust = robustnessMarkdown(results, pages);
  } else {
    robust = 'Robustness set skipped (corpus absent or ANCHOR_SKIP_ROBUSTNESS set).';
  }

  const md = [
    '## Anchoring',
    '',
    `Date: ${new Date().toISOString().slice(0, 10)}. Node ${process.version}, Chromium ${version}, ${os.cpus().length} shared cores.`,
    `Corpus: ${hasCorpus ? '../shared/corpus (Zyte: 181 pages, readability: 125 pages)' : 'absent'}; long page: ${source}, ${res.textLength.toLocaleString('en')} characters of rendered text.`,
    '',
    '### Speed (Chromium, `npm run bench:anchoring`)',
    '',
    `Median of ${RUNS} runs (baseline ${BASELINE_RUNS}), best run in brackets; every run starts cold (Gleaner's text index is dropped, so its one build, median ${f(o.indexMs)} ms, is included).`,
    `Load average when the run started: ${load.map(x => x.toFixed(1)).join(' / ')} on ${os.cpus().length} cores shared by other jobs, so absolute times are noisy; both sides ran interleaved in the same page.`,
    'Baseline = Hypothesis-style quote search (textContent per anchor, exact indexOf hits else approx-string-match with',
    'maxErrors = min(256, len/2), score 50/20/20/2, no position fast path, no index reuse). Fuzzy = the stored quote',
    'differs from the page by 1-3 character edits.',
    '',
    '| set | Gleaner total | Gleaner per annotation | baseline total | baseline per annotation | baseline / Gleaner | Gleaner right place | baseline right place |',
    '|---|---|---|---|---|---|---|---|',
    `| ${EXACT} exact | ${f(o.exact[0] ?? 0)} ms (${f(o.exact[1] ?? 0)}) | ${per(o.exact[0] ?? 0, EXACT)} ms | ${f(b.exact[0] ?? 0)} ms (${f(b.exact[1] ?? 0)}) | ${per(b.exact[0] ?? 0, EXACT)} ms | ${((b.exact[0] ?? 0) / (o.exact[0] ?? 1)).toFixed(1)}× | ${o.exactOk}/${EXACT} | ${b.exactOk}/${EXACT} |`,
    `| ${FUZZY} fuzzy | ${f(o.fuzzy[0] ?? 0)} ms (${f(o.fuzzy[1] ?? 0)}) | ${per(o.fuzzy[0] ?? 0, FUZZY)} ms | ${f(b.fuzzy[0] ?? 0)} ms (${f(b.fuzzy[1] ?? 0)}) | ${per(b.fuzzy[0] ?? 0, FUZZY)} ms | ${((b.fuzzy[0] ?? 0) / (o.fuzzy[0] ?? 1)).toFixed(1)}× | ${o.fuzzyOk}/${FUZZY} (${o.fuzzyOrphan} orphaned) | ${b.fuzzyOk}/${FUZZY} |`,
    '',
    `Gleaner methods used: ${Object.entries(res.methods)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}. Goals: ≤ 50 ms for the ${EXACT} exact (median ${(o.exact[0] ?? 0) <= 50 ? 'met' : 'NOT met'}, best run ${(o.exact[1] ?? 0) <= 50 ? 'met' : 'NOT met'}), faster than the baseline (${(o.exact[0] ?? 0) < (b.exact[0] ?? 0) && (o.fuzzy[0] ?? 0) < (b.fuzzy[0] ?? 0) ? 'met' : 'NOT met'}).`,
    '',
    '### Robustness (jsdom)',
    '',
    robust,
    '',
  ].join('\n');
  fs.mkdirSync(path.join(repo, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'bench/results/anchoring.md'), md);
  console.log(md);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
