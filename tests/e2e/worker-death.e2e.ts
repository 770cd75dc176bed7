/**
 * Worker death (issue 8): saves made through real runtime messages from an extension page, as the
 * popup makes them, while the service worker is stopped at random moments with CDP
 * (ServiceWorker.stopAllWorkers, what Chrome does to an idle MV3 worker).
 *
 * Contract under test: a save answered {ok:true} is in the database afterwards (0 confirmed and
 * then missing); a save answered with an error or with no answer at all is retried with the SAME id
 * until it is confirmed, and because addAnnotation is idempotent per id, the final count equals
 * the number of distinct saves attempted (no duplicates, no losses), with the page's
 * annotationCount agreeing. Several saves are in flight at once so stops land mid-transaction.
 *
 * Sizes: 60 saves by default, 200 under GLEANER_SOAK=1. Figures go to out/reliability/worker-death.json.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/types';
import { setupExtension } from './harness';
import { SOAK, annotationFor, seededRandom, value, writeRecord } from './reliability-kit';

const ext = setupExtension();

const SAVES = SOAK ? 200 : 60;
const LANES = 4;
const SEED = 0x8badf00d;
const MAX_TRIES = 200;
const PAGE = 'https://news.example.org/2026/11/worker-death.html';

const CONTENT_SAVES = SOAK ? 60 : 20;
let contentFigures: Record<string, unknown> = {};

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('worker death', () => {
  // First in the file: openFixture and tabId need the harness's worker handle, stale after a stop.
  it(
    `content script: every highlight made while the worker dies is stored after its own retries (${CONTENT_SAVES})`,
    { timeout: SOAK ? 300_000 : 120_000 },
    async () => {
      await ext.resetStorage();
      const tab = await ext.openFixture('nato-patriot/');
      const url = ext.fixture('nato-patriot/');
      const tabId = await ext.tabId(tab);
      // Calls to the content script go from an extension page (tabs.sendMessage), not through the worker.
      const sender = await ext.openExtensionPage('options.html');
      const rng = seededRandom(SEED ^ 0x5a5a);
      let stopping = true;
      let stops = 0;
      const stopper = (async () => {
        while (stopping) {
          await sleep(5 + Math.floor(rng() * 150));
          if (stopping)
            await ext.stopWorkers().then(
              () => stops++,
              () => undefined,
            );
        }
      })();

      const created: string[] = [];
      try {
        for (let i = 0; i < CONTENT_SAVES; i++) {
          // Select the i-th word of 6+ letters in the article, as a reader would.
          const selected = await tab.evaluate(k => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            let seen = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const parent = n.parentElement;
              if (!parent || parent.closest('script,style,noscript')) continue;
              for (const m of (n as Text).data.matchAll(/[A-Za-z]{6,}/g)) {
                if (seen++ < k) continue;
                const r = document.createRange();
                r.setStart(n, m.index);
                r.setEnd(n, m.index + m[0].length);
                getSelection()?.removeAllRanges();
                getSelection()?.addRange(r);
                return m[0];
              }
            }
            return null;
          }, i * 3);
          expect(selected).not.toBeNull();
          const reply = (await sender.evaluate(
            ([id]) =>
              chrome.tabs.sendMessage(
                id,
                { gleaner: 1, type: 'highlightSelection', args: [null] },
                { frameId: 0 },
              ),
            [tabId] as const,
          )) as { ok: boolean; value?: { id: string } | null };
          expect(reply).toMatchObject({ ok: true });
          if (reply.value?.id) created.push(reply.value.id);
          await sleep(Math.floor(rng() * 60));
        }
      } finally {
        stopping = false;
        await stopper;
      }
      expect(created).toHaveLength(CONTENT_SAVES);

      // The content script retries unsaved highlights on its own timer (15 s): wait for it, never retry for it.
      const endedAt = Date.now();
      let storedAtEnd = -1;
      let stored: Annotation[] = [];
      for (const deadline = endedAt + 60_000; Date.now() < deadline; await sleep(500)) {
        const r = await ext.callBackground('annotationsForPage', url).catch(() => null);
        if (!r?.ok) continue;
        stored = r.value;
        if (storedAtEnd < 0) storedAtEnd = stored.length;
        if (created.every(id => stored.some(a => a.id === id))) break;
      }
      const drainMs = Date.now() - endedAt;
      const ids = new Set(stored.map(a => a.id));
      const missing = created.filter(id => !ids.has(id));
      const page = await value(ext.callBackground('getPage', url));
      contentFigures = {
        contentSaves: CONTENT_SAVES,
        contentWorkerStops: stops,
        contentStoredWhenLoopEnded: storedAtEnd,
        contentSavedByRetry: CONTENT_SAVES - storedAtEnd,
        contentMissingAfterRetries: missing.length,
        contentDuplicates: stored.length - ids.size,
        contentDrainMs: drainMs,
        contentPageAnnotationCount: page?.annotationCount ?? null,
      };
      console.log(`worker death (content script): ${JSON.stringify(contentFigures)}`);
      await tab.close();
      await sender.close();
      expect(missing).toEqual([]);
      expect(stored).toHaveLength(CONTENT_SAVES);
      expect(page?.annotationCount).toBe(CONTENT_SAVES);
      expect(stops).toBeGreaterThan(0);
    },
  );

  it(
    `never confirms a save that is then missing (${SAVES} saves, worker stopped at random moments)`,
    { timeout: SOAK ? 600_000 : 180_000 },
    async () => {
      await ext.resetStorage();
      const rng = seededRandom(SEED);
      const stopDelays = Array.from({ length: 10_000 }, () => 5 + Math.floor(rng() * 120));

      const confirmed = new Map<string, Annotation>();
      let failedReplies = 0; // replies that were an error or never came
      let errorReplies = 0; // of which: an {ok:false} reply (the rest: no reply, the port closed)
      const errorCodes: Record<string, number> = {};
      const retriedSaves = new Set<string>();
      let maxTries = 0;

      let stopping = true;
      let stops = 0;
      let stopFailures = 0;
      const stopper = (async () => {
        for (let k = 0; stopping; k++) {
          await sleep(stopDelays[k % stopDelays.length] ?? 50);
          if (!stopping) break;
          await ext.stopWorkers().then(
            () => stops++,
            () => stopFailures++,
          );
        }
      })();

      async function save(a: Annotation): Promise<void> {
        for (let tries = 1; ; tries++) {
          const reply = await ext.callBackground('addAnnotation', a).catch(() => null);
          if (reply?.ok) {
            expect(reply.value.id).toBe(a.id);
            confirmed.set(a.id, a);
            maxTries = Math.max(maxTries, tries);
            return;
          }
          failedReplies++;
          if (reply) {
            errorReplies++;
            errorCodes[reply.error.code] = (errorCodes[reply.error.code] ?? 0) + 1;
          }
          retriedSaves.add(a.id);
          if (tries >= MAX_TRIES) throw new Error(`save ${a.id} not confirmed after ${tries} tries`);
          await sleep(10 + tries * 5);
        }
      }

      const queue = Array.from({ length: SAVES }, (_, i) => annotationFor(PAGE, 1, i + 1));
      let next = 0;
      try {
        await Promise.all(
          Array.from({ length: LANES }, async () => {
            for (let a = queue[next++]; a; a = queue[next++]) await save(a);
          }),
        );
      } finally {
        stopping = false;
        await stopper;
      }

      // One more stop so what we read comes from a fresh worker, i.e. from IndexedDB.
      await ext.stopWorkers();
      const stored = await value(ext.callBackground('listAnnotations', { pageUrl: PAGE, limit: 1000 }));
      const byId = new Map(stored.items.map(a => [a.id, a]));
      const missing = [...confirmed.keys()].filter(id => !byId.has(id));
      const altered = [...confirmed.values()].filter(a => byId.get(a.id)?.note !== a.note);
      const duplicates = stored.items.length - byId.size;
      const page = await value(ext.callBackground('getPage', PAGE));

      const file = writeRecord('worker-death', {
        ...contentFigures,
        seed: SEED,
        saves: SAVES,
        lanesInFlight: LANES,
        workerStops: stops,
        workerStopFailures: stopFailures,
        failedReplies,
        errorReplies,
        noReplies: failedReplies - errorReplies,
        errorCodes,
        failedThenRetried: retriedSaves.size,
        maxTriesForOneSave: maxTries,
        confirmed: confirmed.size,
        stored: stored.total,
        confirmedThenMissing: missing.length,
        alteredRecords: altered.length,
        duplicates,
        pageAnnotationCount: page?.annotationCount ?? null,
      });
      console.log(
        `worker death: ${SAVES} saves, ${stops} stops, ${failedReplies} failed replies ` +
          `(${retriedSaves.size} saves retried), ${missing.length} confirmed-then-missing -> ${file}`,
      );

      expect(missing).toEqual([]);
      expect(altered).toEqual([]);
      expect(confirmed.size).toBe(SAVES);
      expect(stored.total).toBe(SAVES);
      expect(duplicates).toBe(0);
      expect(page?.annotationCount).toBe(SAVES);
      // The run must actually have killed the worker, or it proves nothing.
      expect(stops).toBeGreaterThan(0);
    },
  );
});
