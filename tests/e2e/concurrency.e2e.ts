/**
 * Concurrency (issue 8): 8 tabs x 50 saves fired at the same moment, on a clean database each run.
 * Each tab is an extension page (options.html) sending real runtime messages, as the popup does;
 * all 400 saves target ONE page, so every write transaction contends for the same page record and
 * its annotationCount. Each run must end with exactly 400 records, 400 distinct ids, every reply
 * {ok:true}, and annotationCount = 400 on the page record.
 *
 * Sizes: 3 runs by default, 20 under GLEANER_SOAK=1. Figures go to out/reliability/concurrency.json.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/types';
import { setupExtension } from './harness';
import { SOAK, annotationFor, value, writeRecord } from './reliability-kit';

const ext = setupExtension();

const TABS = 8;
const PER_TAB = 50;
const RUNS = SOAK ? 20 : 3;
const PAGE = 'https://news.example.org/2026/11/concurrency.html';

interface RunFigures {
  run: number;
  okReplies: number;
  failedReplies: number;
  records: number;
  distinctIds: number;
  annotationCount: number | null;
  wallMs: number;
}

/** In the tab: wait for the common start moment, then send all saves at once; the replies' ok flags. */
function fire(tab: Page, startAt: number, batch: Annotation[]): Promise<boolean[]> {
  return tab.evaluate(
    async ([at, items]) => {
      while (Date.now() < at) await new Promise(r => setTimeout(r, 1));
      const replies = await Promise.all(
        items.map(a =>
          chrome.runtime
            .sendMessage({ gleaner: 1, type: 'addAnnotation', args: [a] })
            .then((r: { ok?: boolean } | undefined) => r?.ok === true)
            .catch(() => false),
        ),
      );
      return replies;
    },
    [startAt, batch] as const,
  );
}

describe('concurrency', () => {
  const tabs: Page[] = [];
  const runs: RunFigures[] = [];

  beforeAll(async () => {
    for (let t = 0; t < TABS; t++) tabs.push(await ext.openExtensionPage('options.html'));
  });

  afterAll(() => {
    if (!runs.length) return;
    writeRecord('concurrency', {
      tabs: TABS,
      savesPerTab: PER_TAB,
      runs: runs.length,
      runsExact: runs.filter(r => r.records === TABS * PER_TAB && r.distinctIds === r.records).length,
      minRecords: Math.min(...runs.map(r => r.records)),
      maxRecords: Math.max(...runs.map(r => r.records)),
      failedReplies: runs.reduce((s, r) => s + r.failedReplies, 0),
      perRun: runs,
    });
  });

  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run}: ${TABS} tabs x ${PER_TAB} concurrent saves give exactly ${TABS * PER_TAB} records`, async () => {
      await ext.resetStorage();
      expect(await value(ext.callBackground('stats'))).toMatchObject({ pages: 0, annotations: 0 });

      const batches = tabs.map((_, t) =>
        Array.from({ length: PER_TAB }, (_, i) => annotationFor(PAGE, run, t * PER_TAB + i + 1)),
      );
      const started = Date.now();
      const startAt = started + 300;
      const replies = (await Promise.all(tabs.map((tab, t) => fire(tab, startAt, batches[t] ?? [])))).flat();
      const wallMs = Date.now() - startAt;

      const stored = await value(ext.callBackground('listAnnotations', { pageUrl: PAGE, limit: 1000 }));
      const ids = new Set(stored.items.map(a => a.id));
      const page = await value(ext.callBackground('getPage', PAGE));
      const figures: RunFigures = {
        run,
        okReplies: replies.filter(Boolean).length,
        failedReplies: replies.filter(ok => !ok).length,
        records: stored.total,
        distinctIds: ids.size,
        annotationCount: page?.annotationCount ?? null,
        wallMs,
      };
      runs.push(figures);

      expect(figures.okReplies).toBe(TABS * PER_TAB);
      expect(stored.total).toBe(TABS * PER_TAB);
      expect(stored.items).toHaveLength(TABS * PER_TAB);
      expect(ids.size).toBe(TABS * PER_TAB);
      expect(ids).toEqual(new Set(batches.flat().map(a => a.id)));
      expect(page?.annotationCount).toBe(TABS * PER_TAB);
      expect(await value(ext.callBackground('stats'))).toMatchObject({
        pages: 1,
        annotations: TABS * PER_TAB,
      });
    });
  }
});
