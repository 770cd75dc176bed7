/**
 * Long tasks with attribution (issue 8): the content script's work on a page causes no long task
 * over 50 ms. Complements tests/e2e/long-tasks.e2e.ts (largest corpus page, long tasks after load)
 * with the sample article, the analysis step timings and a per-task attribution of our scripts.
 *
 * For the sample article (always) and the largest non-reserved Zyte corpus page (skipped cleanly
 * when ../shared/corpus is absent), served from 127.0.0.1 with every other request aborted:
 *  - with the extension: a PerformanceObserver({ type: 'longtask', buffered: true }) is installed
 *    before navigation (addInitScript), the test waits until the content script answers getAnalysis
 *    (the analysis is computed then, if the idle-time work has not done it yet), lets the page settle,
 *    and reads the long tasks (recorded, not asserted: they include the page's own work);
 *  - a second load under a Chromium trace attributes each renderer task's time to our scripts
 *    (content.js, analysis.js; see long-tasks-trace.ts) and ASSERTS the rule: no task with more than
 *    50 ms of our CPU time. CPU time, not wall time, so a loaded machine does not fail the test by
 *    descheduling the renderer (the tracer slows the page too, so the figure is an upper estimate);
 *  - without the extension (a plain Chromium, same page, same observer, same settle time): the
 *    page's own long tasks, for comparison.
 * The numbers go to out/reliability/long-tasks-cpu.json.
 *
 * Reserved pages (corpus/zyte/RESERVED.txt) are never used here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, requireChromium, serveDirectory } from '../../scripts/lib/chromium.mjs';
import { repoRoot, setupExtension } from './harness';
import { attribute, startTrace, type Attribution } from './long-tasks-trace';
import { writeRecord } from './reliability-kit';

const ext = setupExtension();

const corpusHtml = resolve(repoRoot, '../shared/corpus/zyte/html');
const reservedFile = resolve(repoRoot, '../shared/corpus/zyte/RESERVED.txt');
const SETTLE_MS = 1500;
/** A long task, by the Long Tasks API's definition. */
const LONG_TASK_MS = 50;
/**
 * The 50 ms rule is a time, and DEVELOPERS.md keeps timed assertions out of the default suite (shared,
 * noisy machines): by default the figure is measured, printed and written to out/reliability; `npm run
 * test:soak` (GLEANER_SOAK=1) or GLEANER_STRICT_TIMING=1 asserts it. RELIABILITY.md records the runs.
 */
const STRICT_TIMING = process.env.GLEANER_SOAK === '1' || process.env.GLEANER_STRICT_TIMING === '1';

/** The largest corpus page that is not reserved, or null when the corpus is absent. */
function largestCorpusPage(): { name: string; bytes: number } | null {
  if (!existsSync(corpusHtml)) return null;
  const reserved = new Set(
    existsSync(reservedFile)
      ? readFileSync(reservedFile, 'utf8')
          .split('\n')
          .map(l => l.trim())
          .filter(l => l && !l.startsWith('#'))
      : [],
  );
  let best: { name: string; bytes: number } | null = null;
  for (const name of readdirSync(corpusHtml)) {
    if (!name.endsWith('.html') || reserved.has(name)) continue;
    const bytes = statSync(resolve(corpusHtml, name)).size;
    if (!best || bytes > best.bytes) best = { name, bytes };
  }
  return best;
}

interface LongTask {
  start: number;
  duration: number;
}

/** Installed before any page script: collects long tasks into a page global. */
function observeLongTasks(): void {
  const w = window as unknown as { __gleanerLongTasks: { start: number; duration: number }[] };
  w.__gleanerLongTasks = [];
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      w.__gleanerLongTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
}

const readLongTasks = (page: Page): Promise<LongTask[]> =>
  page.evaluate(() => (window as unknown as { __gleanerLongTasks?: LongTask[] }).__gleanerLongTasks ?? []);

/** Only 127.0.0.1 is reachable: saved pages name remote scripts and images, and we never dial out. */
async function localOnly(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, route =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
}

const summary = (tasks: LongTask[]) => ({
  count: tasks.length,
  longestMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
  totalMs: tasks.reduce((s, t) => s + t.duration, 0),
  over50ms: tasks.filter(t => t.duration > 50).length,
  tasks,
});

describe('long tasks with attribution', () => {
  const corpusPage = largestCorpusPage();
  const results: Record<string, unknown> = {};
  let corpusServer: Awaited<ReturnType<typeof serveDirectory>> | null = null;

  beforeAll(async () => {
    if (corpusPage) corpusServer = await serveDirectory(corpusHtml);
    await localOnly(ext.context);
    await ext.context.addInitScript(observeLongTasks);
  });

  afterAll(async () => {
    await corpusServer?.close();
    if (Object.keys(results).length) writeRecord('long-tasks-cpu', { settleMs: SETTLE_MS, pages: results });
  });

  /** Load `url` in the extension's browser until getAnalysis answers; with `profile`, under a CDP CPU profile. */
  async function withExtension(url: string, profile: boolean) {
    const page = await ext.context.newPage();
    const cdp = profile ? await ext.context.newCDPSession(page) : null;
    const stopTrace = cdp ? await startTrace(cdp) : null;
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    let analysis: Awaited<ReturnType<typeof ext.callContent<'getAnalysis'>>> | null = null;
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      analysis = await ext.callContent(page, 'getAnalysis').catch(() => null);
      if (analysis?.ok) break;
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await readLongTasks(page);
    let ours: Attribution | null = null;
    if (cdp && stopTrace) {
      ours = attribute(await stopTrace());
      await cdp.detach();
    }
    await page.close();
    return { analysis, tasks, ours };
  }

  async function withoutExtension(url: string) {
    const browser = await chromium.launch({
      executablePath: requireChromium(),
      headless: true,
      args: BROWSER_ARGS,
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await localOnly(context);
      await context.addInitScript(observeLongTasks);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await page.waitForTimeout(SETTLE_MS);
      return await readLongTasks(page);
    } finally {
      await browser.close();
    }
  }

  async function measure(label: string, url: string, extra: Record<string, unknown>) {
    const plain = await withoutExtension(url);
    const withExt = await withExtension(url, false);
    // A second load under a trace (which slows the page) to attribute each task's time to our scripts.
    const traced = await withExtension(url, true);
    expect(withExt.analysis).toMatchObject({ ok: true });
    const analysis = withExt.analysis?.ok ? withExt.analysis.value : null;
    results[label] = {
      ...extra,
      isArticle: analysis?.isArticle ?? null,
      wordCount: analysis?.wordCount ?? null,
      figures: analysis?.figures.length ?? null,
      analysisTimingsMs: analysis?.timings ?? null,
      withExtension: summary(withExt.tasks),
      withoutExtension: summary(plain),
      ourScriptsPerTask: traced.ours,
    };
    console.log(
      `long tasks on ${label}: longest ${summary(withExt.tasks).longestMs} ms with the extension, ` +
        `${summary(plain).longestMs} ms without; our scripts' largest share of one task ` +
        `${traced.ours?.longestOursCpuMs} ms CPU (${traced.ours?.longestOursMs} ms sampled wall, traced)`,
    );
    // The observer really ran in both browsers (an array, possibly empty), and the trace saw our scripts.
    expect(Array.isArray(withExt.tasks) && Array.isArray(plain)).toBe(true);
    expect(traced.analysis).toMatchObject({ ok: true });
    expect(traced.ours?.totalOursMs).toBeGreaterThan(0);
    // Issue 8: no task in which our scripts run more than 50 ms. CPU time, so a descheduled thread on a
    // loaded machine does not count against us; the page's own long tasks are not ours.
    if (STRICT_TIMING) expect(traced.ours?.longestOursCpuMs).toBeLessThanOrEqual(LONG_TASK_MS);
  }

  it('measures the sample article with and without the extension', { timeout: 120_000 }, async () => {
    await measure('sample (nato-patriot)', ext.fixture('nato-patriot/'), {});
  });

  it.skipIf(!corpusPage)(
    'measures the largest corpus page with and without the extension',
    { timeout: 180_000 },
    async () => {
      const p = corpusPage!;
      await measure('largest corpus page', corpusServer!.url(p.name), { file: p.name, bytes: p.bytes });
    },
  );
});
