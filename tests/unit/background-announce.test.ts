/**
 * The background tells the other tabs when a page's annotations change (src/background/announce.ts):
 * real handlers on fake-indexeddb behind the real router, three fake content scripts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announcing, COALESCE_MS } from '../../src/background/announce';
import { handlers } from '../../src/background/handlers';
import { BACKGROUND_ACCESS, type ToBackground, type ToContent } from '../../src/shared/messages';
import { serve } from '../../src/shared/rpc';
import { browser, fakePlatform } from '../helpers/fake-platform';
import { call, freshDb, makeAnnotation, PAGE, senders } from './storage-fixtures';

const OTHER = 'https://example.org/other-story';
const TABS = [1, 2, 3];
let heard: Map<number, (string | null | undefined)[]>;

beforeEach(async () => {
  await freshDb();
  fakePlatform.reset();
  serve<ToBackground>(announcing(handlers), { access: BACKGROUND_ACCESS });
  heard = new Map(TABS.map(t => [t, []]));
  for (const tab of TABS)
    fakePlatform.captureTabListeners(tab, () =>
      serve<ToContent>({
        ping: () => ({ url: '', background: { pong: true, from: 'content', at: 0 } }),
        getAnalysis: () => {
          throw new Error('unused');
        },
        revealFigure: () => false,
        revealAnnotation: () => false,
        highlightSelection: () => null,
        annotationsChanged: (_ctx, pageUrl) => {
          heard.get(tab)!.push(pageUrl);
          return true;
        },
      }),
    );
  vi.spyOn(browser.tabs, 'query').mockResolvedValue(TABS.map(id => ({ id })));
});

afterEach(() => vi.restoreAllMocks());

/** Waits past the coalescing window (plus slack for the sends), then reads what each tab heard. */
async function settle(): Promise<Record<number, (string | null | undefined)[]>> {
  await new Promise(r => setTimeout(r, COALESCE_MS * 2 + 50));
  return Object.fromEntries(heard);
}

describe('announcing annotation changes to the other tabs', () => {
  it('a burst of saves in one tab reaches each other tab once, and not the tab that saved', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await call(senders.content(1, PAGE), 'addAnnotation', makeAnnotation(i));
      expect(res.ok).toBe(true);
    }
    expect(await settle()).toEqual({ 1: [], 2: [PAGE], 3: [PAGE] });
  });

  it('saves from two tabs reach both of them (each missed the other) and the third', async () => {
    await call(senders.content(1, PAGE), 'addAnnotation', makeAnnotation(1));
    await call(senders.content(2, PAGE), 'addAnnotation', makeAnnotation(2));
    expect(await settle()).toEqual({ 1: [PAGE], 2: [PAGE], 3: [PAGE] });
  });

  it('a popup edit reaches every tab, with the page it changed', async () => {
    await call(senders.content(1, OTHER), 'addAnnotation', makeAnnotation(7, OTHER));
    await settle();
    heard = new Map(TABS.map(t => [t, []]));
    const res = await call(senders.popup(), 'updateAnnotation', {
      id: makeAnnotation(7, OTHER).id,
      note: 'n',
    });
    expect(res.ok).toBe(true);
    expect(await settle()).toEqual({ 1: [OTHER], 2: [OTHER], 3: [OTHER] });
  });

  it('delete everything announces every page (null); a refused call announces nothing', async () => {
    const refused = await call(senders.content(1, PAGE), 'addAnnotation', makeAnnotation(3, OTHER));
    expect(refused.ok).toBe(false);
    expect(await settle()).toEqual({ 1: [], 2: [], 3: [] });
    expect((await call(senders.popup(), 'deleteAll')).ok).toBe(true);
    expect(await settle()).toEqual({ 1: [null], 2: [null], 3: [null] });
  });

  it('reads and searches announce nothing', async () => {
    await call(senders.content(1, PAGE), 'annotationsForPage', PAGE);
    await call(senders.popup(), 'listAnnotations', {});
    expect(await settle()).toEqual({ 1: [], 2: [], 3: [] });
  });
});
