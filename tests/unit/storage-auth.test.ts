/**
 * Forged senders: every background method, called by a content script on another page, with
 * another page's ids, by another extension, or with random payloads, is refused and changes
 * nothing (database digest before == after).
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKGROUND_ACCESS, type ToBackground } from '../../src/shared/messages';
import { fakePlatform } from '../helpers/fake-platform';
import {
  call,
  digest,
  freshDb,
  makeAnnotation,
  makePage,
  ok,
  PAGE,
  senders,
  startBackground,
} from './storage-fixtures';

const OTHER = 'https://evil.example/page';
const mine = senders.content(3, `${PAGE}#frag`);
const intruder = senders.content(4, OTHER);

beforeEach(async () => {
  await freshDb();
  startBackground();
  await ok('savePage', makePage());
  await ok('addAnnotation', makeAnnotation(1));
  await ok('savePage', makePage(OTHER));
});

/** Calls an intruder on OTHER might make against PAGE's data. */
const forged: { [K in keyof ToBackground]?: unknown[] } = {
  savePage: [makePage()],
  getPage: [PAGE],
  deletePage: [PAGE],
  listPages: [{}],
  addAnnotation: [makeAnnotation(2)],
  updateAnnotation: [{ id: makeAnnotation(1).id, note: 'pwned' }],
  deleteAnnotation: [makeAnnotation(1).id],
  restoreAnnotation: [makeAnnotation(3)],
  annotationsForPage: [PAGE],
  listAnnotations: [{}],
  search: [{ q: 'patriot' }],
  exportLibrary: ['json', { kind: 'all' }],
  importLibrary: ['[]', 'json'],
  deleteAll: [],
  stats: [],
};

describe('forged senders', () => {
  it('lets the content script of the page touch its own page (fragment ignored)', async () => {
    expect(await call(mine, 'getPage', PAGE)).toMatchObject({ ok: true, value: { url: PAGE } });
    expect(await call(mine, 'annotationsForPage', PAGE)).toMatchObject({
      ok: true,
      value: [{ id: makeAnnotation(1).id }],
    });
    expect(await call(mine, 'updateAnnotation', { id: makeAnnotation(1).id, note: 'mine' })).toMatchObject({
      ok: true,
    });
  });

  for (const [type, args] of Object.entries(forged)) {
    it(`refuses ${type} from a content script on another page`, async () => {
      const before = await digest();
      const reply = await fakePlatform.dispatch({ gleaner: 1, type, args }, intruder);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await digest()).toBe(before);
    });

    it(`refuses ${type} from another extension`, async () => {
      const before = await digest();
      const reply = await fakePlatform.dispatch({ gleaner: 1, type, args }, senders.otherExtension());
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await digest()).toBe(before);
    });
  }

  it('lets a single-page app keep its highlights after pushState (same origin, other path)', async () => {
    // Chrome keeps MessageSender.url at the document's first URL after history.pushState.
    const spaPage = new URL('/next-story', PAGE).href;
    const reply = await call(mine, 'addAnnotation', makeAnnotation(7, spaPage));
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const other = await call(intruder, 'annotationsForPage', spaPage);
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses extension-only methods to the page itself', async () => {
    for (const [type, access] of Object.entries(BACKGROUND_ACCESS)) {
      if (access !== 'extension') continue;
      const reply = await fakePlatform.dispatch(
        { gleaner: 1, type, args: forged[type as keyof ToBackground] ?? [] },
        mine,
      );
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses an annotation whose target names another page than its pageUrl', async () => {
    const a = makeAnnotation(5);
    const sneaky = { ...a, target: { ...a.target, source: OTHER } };
    expect(await call(mine, 'addAnnotation', sneaky)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const onOther = makeAnnotation(5, OTHER);
    expect(await call(mine, 'addAnnotation', onOther)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a content script with no web URL', async () => {
    const reply = await call(senders.content(9, 'https://x.example/'), 'getPage', 'https://x.example/');
    expect(reply.ok).toBe(true);
    const weird = { ...senders.content(9, 'https://x.example/'), url: 'file:///etc/passwd' };
    expect(await call(weird, 'getPage', 'https://x.example/')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('survives random payloads for every method with no state change', async () => {
    const before = await digest();
    const types = Object.keys(BACKGROUND_ACCESS).filter(t => t !== 'ping');
    const n = process.env.GLEANER_SOAK ? 10_000 : 300;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 3 }),
        fc.boolean(),
        async (type, args, asIntruder) => {
          const reply = (await fakePlatform.dispatch(
            { gleaner: 1, type, args },
            asIntruder ? intruder : mine,
          )) as {
            ok: boolean;
            error?: { code: string };
          };
          // Reads (and the pure text analysis) may succeed; anything that would write must be refused.
          if (reply.ok)
            expect([
              'getPage',
              'annotationsForPage',
              'listPages',
              'listAnnotations',
              'search',
              'stats',
              'exportLibrary',
              'analyzeText',
            ]).toContain(type);
          else expect(['bad-request', 'forbidden', 'not-found', 'too-large']).toContain(reply.error?.code);
        },
      ),
      { numRuns: n },
    );
    expect(await digest()).toBe(before);
  });
});
