/**
 * Fast evaluation loop for article detection (`npx tsx bench/detect-eval.ts`): loads the labelled
 * detect dev pages, the non-reserved Zyte pages, Readability's test pages and the dated
 * trafilatura-eval pages once with jsdom, runs detect() and Readability's isProbablyReaderable on
 * the same documents, and prints accuracy per set plus the misclassified pages with their reasons.
 *
 * Reserved pages (zyte/RESERVED.txt, detect pages without a dev label) are never loaded here: they
 * belong to the independent measurement in bench/metadata-detect.bench.ts.
 *
 * Flags: --sets=dev,zyte,readability,trafilatura (default all) · --half=A|B (dev pages of one sha1
 * half only) · --quiet (no list of misses) · --write (write bench/results/detect.md) · --watch (keep
 * the parsed pages, re-bundle src/analysis/detect.ts on every change under src/analysis and
 * re-evaluate: parsing is most of a run's time; its timings are inflated by the big heap and its
 * budget is off).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { isProbablyReaderable } from '@mozilla/readability';
import { build } from 'esbuild';
import { detect as builtinDetect } from '../src/analysis/detect';
import type { DetectResult } from '../src/analysis/types';
import {
  CORPUS_DIR,
  REPO_ROOT,
  corpusAvailable,
  loadHtml,
  readabilityPages,
  trafilaturaPages,
  zytePages,
} from './lib/corpus';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined =>
  argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const sets = new Set((opt('sets') ?? 'dev,zyte,readability,trafilatura').split(','));
const onlyHalf = opt('half');
const quiet = flag('quiet');
const write = flag('write');
const watchMode = flag('watch');

if (!corpusAvailable()) {
  console.log('corpus absent: nothing to evaluate');
  process.exit(0);
}

function parse(html: string, url: string): Document {
  const virtualConsole = new VirtualConsole();
  try {
    return new JSDOM(html, { url, virtualConsole }).window.document;
  } catch {
    // jsdom's CSS parser rejects some stylesheets: the same page without them.
    const bare = html
      .replace(/<style\b[\s\S]*?<\/style>/gi, '')
      .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
    return new JSDOM(bare, { url, virtualConsole }).window.document;
  }
}

interface Page {
  sets: string[];
  name: string;
  truth: boolean;
  /** Kept in --watch mode only; otherwise the verdict is taken at load and the document closed. */
  doc: Document | null;
  result: { r: DetectResult; ms: number } | null;
  url: string;
  note: string;
  /** isProbablyReaderable's verdict and time, measured once at load. */
  rd: boolean;
  rdMs: number;
}
const pages: Page[] = [];

function load(sets: string[], name: string, truth: boolean, file: string, url: string, note = ''): void {
  const doc = parse(loadHtml(file), url);
  const t = performance.now();
  let rd = false;
  try {
    rd = isProbablyReaderable(doc);
  } catch {
    rd = false;
  }
  const rdMs = performance.now() - t;
  let result: Page['result'] = null;
  if (!watchMode) {
    const t0 = performance.now();
    const r = builtinDetect(doc, url);
    result = { r, ms: performance.now() - t0 };
    // jsdom windows hold their documents until closed; timings with hundreds of live pages on the
    // heap measure the garbage collector more than detect().
    doc.defaultView?.close();
  }
  pages.push({ sets, name, truth, doc: watchMode ? doc : null, url, note, rd, rdMs, result });
}

const half = (name: string): 'A' | 'B' =>
  parseInt(createHash('sha1').update(name).digest('hex').slice(0, 1), 16) < 8 ? 'A' : 'B';

if (sets.has('dev')) {
  const dir = path.join(CORPUS_DIR, 'detect');
  const labels = JSON.parse(readFileSync(path.join(dir, 'dev-labels.json'), 'utf8')) as Record<
    string,
    { article: boolean; kind: string; ambiguous: boolean }
  >;
  const sources = JSON.parse(readFileSync(path.join(dir, 'SOURCES.json'), 'utf8')) as {
    files: Record<string, { url: string | null }>;
  };
  for (const [name, lab] of Object.entries(labels).sort()) {
    const h = half(name);
    if (onlyHalf && h !== onlyHalf) continue;
    const file = path.join(dir, 'html', name);
    if (!existsSync(file)) continue;
    const tags = ['dev', `dev-${h}`];
    if (!lab.ambiguous) tags.push('dev-clear');
    const note = ` (${h}, ${lab.kind}${lab.ambiguous ? ', ambiguous' : ''})`;
    load(tags, name, lab.article, file, sources.files[name]?.url ?? 'about:blank', note);
  }
}
if (sets.has('zyte')) for (const p of zytePages()) if (!p.reserved) load(['zyte'], p.id, true, p.file, p.url);
if (sets.has('readability'))
  for (const p of readabilityPages()) {
    const lab = p.meta['readerable'];
    if (typeof lab === 'boolean') load(['readability'], p.name, lab, p.file, p.url);
  }
if (sets.has('trafilatura'))
  for (const p of trafilaturaPages()) if (p.date) load(['trafilatura'], p.name, true, p.file, p.url);

const pct = (a: number, n: number): string => (n ? `${((100 * a) / n).toFixed(1)}% (${a}/${n})` : 'n/a');
const quantile = (xs: number[], q: number): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const NAMES: Record<string, string> = {
  dev: 'detect dev labels, all',
  'dev-clear': 'detect dev labels, without ambiguous',
  'dev-A': 'detect dev labels, half A (sha1 split)',
  'dev-B': 'detect dev labels, half B (sha1 split)',
  zyte: 'zyte, non-reserved (all articles)',
  readability: 'readability `readerable` labels (Readability’s own verdicts)',
  trafilatura: 'trafilatura-eval dated pages (articles)',
};
interface Tally {
  ours: number;
  rd: number;
  n: number;
}

function evaluate(detect: typeof builtinDetect): void {
  const tallies = new Map<string, Tally>();
  const misses: string[] = [];
  const ourTimes: number[] = [];
  for (const p of pages) {
    let r: DetectResult;
    if (p.doc) {
      const t = performance.now();
      r = detect(p.doc, p.url, { budgetMs: Infinity });
      ourTimes.push(performance.now() - t);
    } else if (p.result) {
      r = p.result.r;
      ourTimes.push(p.result.ms);
    } else continue;
    for (const s of p.sets) {
      const x = tallies.get(s) ?? { ours: 0, rd: 0, n: 0 };
      x.n++;
      if (r.isArticle === p.truth) x.ours++;
      if (p.rd === p.truth) x.rd++;
      tallies.set(s, x);
    }
    if (r.isArticle !== p.truth)
      misses.push(
        `${p.sets[0]} ${p.name}${p.note} [${p.truth ? 'article' : 'not'}] ${r.score.toFixed(2)}: ${r.reasons.slice(0, 6).join('; ')}`,
      );
  }
  const rdTimes = pages.map(p => p.rdMs);
  const lines: string[] = [];
  lines.push('## Detection accuracy (development evaluation)', '');
  lines.push(
    `Date: ${new Date().toISOString().slice(0, 16)}Z · Node ${process.version} · ${os.cpus().length} CPUs · jsdom 29 (no Chromium) · ${ourTimes.length} pages, reserved pages excluded · \`npx tsx bench/detect-eval.ts --write\``,
    '',
  );
  lines.push('| set | ours (detect) | Readability isProbablyReaderable |', '|---|---|---|');
  for (const k of Object.keys(NAMES)) {
    const t = tallies.get(k);
    if (t) lines.push(`| ${NAMES[k]} | ${pct(t.ours, t.n)} | ${pct(t.rd, t.n)} |`);
  }
  const med = quantile(ourTimes, 0.5);
  const rdMed = quantile(rdTimes, 0.5);
  lines.push('', '| step | median ms | p95 ms | max ms | pages |', '|---|---|---|---|---|');
  lines.push(
    `| ours detect() | ${med.toFixed(2)} | ${quantile(ourTimes, 0.95).toFixed(2)} | ${Math.max(...ourTimes).toFixed(2)} | ${ourTimes.length} |`,
  );
  lines.push(
    `| Readability isProbablyReaderable() (baseline) | ${rdMed.toFixed(2)} | ${quantile(rdTimes, 0.95).toFixed(2)} | ${Math.max(...rdTimes).toFixed(2)} | ${rdTimes.length} |`,
  );
  lines.push('', `Ratio of medians, detect() / isProbablyReaderable(): ${(med / (rdMed || 1)).toFixed(2)}`);
  console.log(lines.join('\n'));
  if (!quiet) console.log(`\nMisclassified (${misses.length}):\n${misses.join('\n')}`);
  if (write) writeFileSync(path.join(REPO_ROOT, 'bench/results/detect.md'), lines.join('\n') + '\n');
}

if (!watchMode) evaluate(builtinDetect);
else {
  // Each change is bundled to a fresh file and imported anew: ESM caches modules by URL.
  const outDir = path.join(REPO_ROOT, '.tmp/detect-eval');
  mkdirSync(outDir, { recursive: true });
  let gen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rerun = async (): Promise<void> => {
    const out = path.join(outDir, `detect-${++gen}.mjs`);
    try {
      await build({
        entryPoints: [path.join(REPO_ROOT, 'src/analysis/detect.ts')],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        outfile: out,
        logLevel: 'error',
      });
      // eslint-disable-next-line no-unsanitized/method -- our own bundle, written just above
      const mod = (await import(`${out}?v=${gen}`)) as { detect: typeof builtinDetect };
      console.log(`\n===== run ${gen} ${new Date().toISOString().slice(11, 19)}`);
      evaluate(mod.detect);
    } catch (e) {
      console.log(`run ${gen} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  await rerun();
  watch(path.join(REPO_ROOT, 'src/analysis'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), 400);
  });
}
