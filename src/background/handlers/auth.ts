/**
 * Per-sender scoping. The router has already refused extension-only methods to content scripts;
 * here a content script is limited to the site it runs in: pages of its own sender URL's origin.
 * Extension pages may touch everything.
 *
 * Why the origin and not the exact URL: after history.pushState/replaceState, Chrome keeps
 * MessageSender.url at the document's first URL while the page (an SPA) shows another one, so an
 * exact check refuses every highlight made after an in-app navigation. Those history calls cannot
 * leave the origin, and a compromised renderer is already confined to its site by site isolation,
 * so the origin is the tightest boundary the browser lets us verify.
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
  if (own === null || own === url) return;
  const origin = originOf(own);
  if (origin === null || origin !== originOf(url)) {
    throw new CallFailure('forbidden', "a page may only read and write its own site's annotations");
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
