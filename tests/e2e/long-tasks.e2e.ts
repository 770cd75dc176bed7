/**
 * Long tasks on the largest page of the corpus (issue 8, RELIABILITY.md), as a recorded figure:
 * the same page is loaded in this file's Chromium with the extension and in a plain headless
 * Chromium without it; a PerformanceObserver installed before the page runs records every long
 * task (> 50 ms). The difference after the page's own load is the content script's share; those
 * wall-clock figures are written to out/reliability/long-tasks.json and not asserted (they include the
 * page's own work and a loaded machine's descheduling). A third load under a Chromium trace attributes
 * each renderer task to our scripts (long-tasks-trace.ts) and asserts issue 8's rule on that: no task
 * with more than 50 ms of our CPU time.
 * The largest non-reserved Zyte page is used; skipped cleanly without the corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, requireChromium, serveDirectory } from '../../scripts/lib/chromium.mjs';
import { repoRoot, setupExtension } from './harness';
import { attribute, startTrace } from './long-tasks-trace';

/** A long task, by the Long Tasks API's definition. */
const LONG_TASK_MS = 50;
/**
 * The 50 ms rule is a time, and DEVELOPERS.md keeps timed assertions out of the default suite (shared,
 * noisy machines): by default the figure is measured, printed and written to out/reliability; `npm run
 * test:soak` (GLEANER_SOAK=1) or GLEANER_STRICT_TIMING=1 asserts it. RELIABILITY.md records the runs.
 */
const STRICT_TIMING = process.env.GLEANER_SOAK === '1' || process.env.GLEANER_STRICT_TIMING === '1';

const zyte = resolve(repoRoot, '../shared/corpus/zyte');
const hasCorpus = existsSync(join(zyte, 'html'));

function largestPage(): string | null {
  if (!hasCorpus) return null;
  const reserved = new Set(
    readFileSync(join(zyte, 'RESERVED.txt'), 'utf8')
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#')),
  );
  const pages = readdirSync(join(zyte, 'html'))
    .filter(n => n.endsWith('.html') && !reserved.has(n))
    .map(n => ({ n, size: statSync(join(zyte, 'html', n)).size }))
    .sort((a, b) => b.size - a.size);
  return pages[0]?.n ?? null;
}

/** Records long tasks from the very start of the page. */
const OBSERVER = `(() => {
  const tasks = [];
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  Object.defineProperty(window, '__longTasks', { value: () => tasks.slice(), configurable: false });
})();`;

interface Tasks {
  /** [startTime, duration] in ms since navigation start. */
  tasks: [number, number][];
  loadEnd: number;
}

async function collect(page: Page): Promise<Tasks> {
  return page.evaluate(() => ({
    tasks: (window as unknown as { __longTasks(): [number, number][] }).__longTasks(),
    loadEnd: Math.round(
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.loadEventEnd ?? 0,
    ),
  }));
}

function summary({ tasks, loadEnd }: Tasks) {
  const after = tasks.filter(([start]) => start >= loadEnd);
  return {
    loadEnd,
    longTasks: tasks.length,
    longTasksAfterLoad: after.length,
    maxAfterLoadMs: Math.max(0, ...after.map(([, d]) => d)),
    totalAfterLoadMs: after.reduce((s, [, d]) => s + d, 0),
  };
}

const page = largestPage();
const ext = setupExtension();
const figures: Record<string, unknown> = {};

afterAll(() => {
  const out = resolve(repoRoot, 'out/reliability');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'long-tasks.json'), JSON.stringify(figures, null, 2) + '\n');
});

describe.skipIf(!page)('long tasks on the largest corpus page', () => {
  it('records the content script share of long tasks', { timeout: 180_000 }, async () => {
    const server = await serveDirectory(join(zyte, 'html'));
    try {
      const url = server.url(page!);
      figures.page = page;
      figures.bytes = statSync(join(zyte, 'html', page!)).size;

      // Without the extension.
      const plain = await chromium.launch({
        executablePath: requireChromium(),
        headless: true,
        args: BROWSER_ARGS,
      });
      try {
        const p = await plain.newPage();
        await p.addInitScript({ content: OBSERVER });
        await p.goto(url, { waitUntil: 'load' });
        await p.waitForTimeout(3_000);
        figures.withoutExtension = summary(await collect(p));
      } finally {
        await plain.close();
      }

      // With the extension: wait until the content script has analysed the page, then settle.
      const p = await ext.context.newPage();
      await p.addInitScript({ content: OBSERVER });
      await p.goto(url, { waitUntil: 'load' });
      let analysis = await ext.callContent(p, 'getAnalysis').catch(() => null);
      for (let i = 0; i < 100 && !analysis?.ok; i++) {
        await p.waitForTimeout(200);
        analysis = await ext.callContent(p, 'getAnalysis').catch(() => null);
      }
      expect(analysis?.ok, JSON.stringify(analysis)).toBe(true);
      await p.waitForTimeout(3_000);
      figures.withExtension = summary(await collect(p));
      if (analysis?.ok) {
        figures.isArticle = analysis.value.isArticle;
        figures.reasons = analysis.value.reasons;
        figures.timings = analysis.value.timings;
      }
      await p.close();

      // Again under a trace, for the per-task attribution of our scripts.
      const traced = await ext.context.newPage();
      const cdp = await ext.context.newCDPSession(traced);
      const stopTrace = await startTrace(cdp);
      await traced.goto(url, { waitUntil: 'load' });
      let again = await ext.callContent(traced, 'getAnalysis').catch(() => null);
      for (let i = 0; i < 100 && !again?.ok; i++) {
        await traced.waitForTimeout(200);
        again = await ext.callContent(traced, 'getAnalysis').catch(() => null);
      }
      await traced.waitForTimeout(3_000);
      const ours = attribute(await stopTrace());
      await cdp.detach();
      await traced.close();
      figures.ourScriptsPerTask = ours;
      expect(again?.ok).toBe(true);
      expect(ours?.totalOursMs).toBeGreaterThan(0);
      if (STRICT_TIMING) expect(ours?.longestOursCpuMs).toBeLessThanOrEqual(LONG_TASK_MS);
    } finally {
      await server.close();
    }
  });
});
