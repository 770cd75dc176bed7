/**
 * Per-sender scoping. The router has already refused extension-only methods to content scripts;
 * here a content script is limited to the page it runs in: its own sender URL, normalised the
 * same way as stored page URLs. Extension pages may touch everything.
 */
import { CallFailure } from '../../shared/result';
import type { CallContext } from '../../shared/rpc';
import { tryNormalizePageUrl } from '../../shared/url';

/** The normalised page a content sender may touch; null for extension senders (no limit). */
export function ownPage(ctx: CallContext): string | null {
  if (ctx.sender.kind !== 'content') return null;
  const url = tryNormalizePageUrl(ctx.sender.url);
  if (!url) throw new CallFailure('forbidden', 'the sending page has no web URL');
  return url;
}

/** Throws 'forbidden' unless the sender may read and write the page `url` (normalised). */
export function assertMayTouch(ctx: CallContext, url: string): void {
  const own = ownPage(ctx);
  if (own !== null && own !== url) {
    throw new CallFailure('forbidden', 'a page may only read and write its own annotations');
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
