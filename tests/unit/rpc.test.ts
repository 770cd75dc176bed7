/**
 * The message seam against the fake platform: a ping round trip content -> background -> reply,
 * sender authorisation, and failures as Results (never rejections).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakePlatform, senders } from '../helpers/fake-platform';
import { toBackground, toContent } from '../../src/shared/clients';
import type { ToBackground, ToContent } from '../../src/shared/messages';
import { CallFailure } from '../../src/shared/result';
import { serve, type Handlers } from '../../src/shared/rpc';

const backgroundHandlers = {
  ping: ({ sender }) => ({ pong: true, from: sender.kind, at: 1 }),
  stats: () => ({ pages: 0, annotations: 0, orphans: 0, tags: [], sites: [] }),
  getPage: (_ctx, url: string) => {
    throw new CallFailure('not-found', `no page ${url}`);
  },
  deleteAll: () => {
    throw new Error('disk on fire');
  },
} as Partial<Handlers<ToBackground>> as Handlers<ToBackground>;

function startBackground() {
  serve<ToBackground>(backgroundHandlers, {
    access: { ping: 'page', stats: 'extension', getPage: 'page', deleteAll: 'extension' } as never,
  });
}

afterEach(() => fakePlatform.reset());

describe('rpc', () => {
  it('round-trips a ping from a content script through the background', async () => {
    startBackground();
    const tabId = 7;
    const page = 'https://news.example.org/a.html';
    fakePlatform.captureTabListeners(tabId, () =>
      serve<ToContent>({
        ping: async () => {
          fakePlatform.setSender(senders.content(tabId, page));
          const reply = await toBackground('ping');
          if (!reply.ok) throw new CallFailure('unavailable', reply.error.message);
          return { url: page, background: reply.value };
        },
      } as Partial<Handlers<ToContent>> as Handlers<ToContent>),
    );
    const reply = await toContent(tabId, 'ping');
    expect(reply).toEqual({
      ok: true,
      value: { url: page, background: { pong: true, from: 'content', at: 1 } },
    });
  });

  it('tells extension pages from content scripts', async () => {
    startBackground();
    fakePlatform.setSender(senders.popup());
    expect(await toBackground('ping')).toMatchObject({ ok: true, value: { from: 'extension' } });
  });

  it('refuses extension-only calls from a content script', async () => {
    startBackground();
    fakePlatform.setSender(senders.content(3, 'https://evil.example/'));
    const reply = await toBackground('stats');
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses other extensions and pages outside http(s)', async () => {
    startBackground();
    for (const sender of [
      senders.otherExtension(),
      { id: 'gleanerfakeextensionidaaaaaaaaaa', url: 'file:///etc/passwd', tab: { id: 1 } },
      {},
    ]) {
      const reply = await fakePlatform.dispatch({ gleaner: 1, type: 'ping', args: [] }, sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('turns handler failures into error Results', async () => {
    startBackground();
    expect(await toBackground('getPage', 'https://x.example/')).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'no page https://x.example/' },
    });
    expect(await toBackground('deleteAll')).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('ignores messages that are not ours, and reports a missing receiver as unavailable', async () => {
    startBackground();
    await expect(fakePlatform.dispatch({ type: 'ping' }, senders.popup())).rejects.toThrow(/Receiving end/);
    await expect(
      fakePlatform.dispatch({ gleaner: 1, type: 'nope', args: [] }, senders.popup()),
    ).rejects.toThrow();
    fakePlatform.reset();
    expect(await toBackground('ping')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
