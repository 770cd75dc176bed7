// @vitest-environment jsdom
/**
 * yieldToPage (src/content/page-analysis.ts) in a Firefox content script: `scheduler` is the page's, seen
 * through an Xray wrapper, so scheduler.yield() returns a promise of another realm. The analysis chains its
 * abortable runs on these pauses; on a promise of the page's realm, Firefox reported the handled rejection
 * of an aborted run as uncaught (tests/e2e/firefox-hostile.e2e.ts, history-spa). Here a node:vm context
 * plays the page's realm.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { yieldToPage } from '../../src/content/page-analysis';

const scope = globalThis as { scheduler?: unknown };

afterEach(() => {
  delete scope.scheduler;
});

describe('yieldToPage with a scheduler of another realm', () => {
  it('returns a promise of our own realm that settles after the foreign one', async () => {
    let settled = false;
    const foreign = runInNewContext('Promise.resolve()') as Promise<void>;
    expect(foreign).not.toBeInstanceOf(Promise); // really another realm
    scope.scheduler = {
      yield: () => foreign.then(() => void (settled = true)),
    };
    const pause = yieldToPage();
    expect(pause).toBeInstanceOf(Promise);
    await pause;
    expect(settled).toBe(true);
  });

  it('returns our own scheduler.yield() promise unchanged (Chrome: one realm)', async () => {
    const own = Promise.resolve();
    scope.scheduler = { yield: () => own };
    expect(yieldToPage()).toBe(own);
    await own;
  });
});
