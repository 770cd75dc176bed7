/**
 * The only code that touches runtime messaging: `call()` (to the background), `callTab()` (to one
 * tab's content script) and `serve()` (one listener per context, registered synchronously).
 *
 * Contract:
 * - replies are always a `Result`; a rejected promise from the browser (no receiver, the worker was
 *   stopped mid-call, the tab is gone) becomes `{ ok: false, error: { code: 'unavailable' } }`;
 * - `serve()` ignores anything that is not our envelope, so other listeners keep working;
 * - the router classifies the sender and refuses calls the sender class may not make before any
 *   handler runs; handlers get the classified sender to scope their work (a content script may
 *   only touch its own tab's page).
 */
import { browser, type MessageSender } from '../platform/browser';
import type { Access, Args, Envelope, Reply } from './messages';
import { CallFailure, err, ok, type Result } from './result';

export type CallSender =
  | { kind: 'content'; tabId: number; frameId: number; url: string }
  | { kind: 'extension'; url: string; tabId: number | null };

export interface CallContext {
  sender: CallSender;
}

export type Handlers<M> = {
  [K in keyof M]: (ctx: CallContext, ...args: Args<M, K>) => Promise<Reply<M, K>> | Reply<M, K>;
};

function envelope<M, K extends keyof M>(type: K, args: Args<M, K>): Envelope<M, K> {
  return { gleaner: 1, type, args };
}

function isEnvelope(message: unknown): message is { gleaner: 1; type: string; args: unknown[] } {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.gleaner === 1 && typeof m.type === 'string' && Array.isArray(m.args);
}

function isResult(reply: unknown): reply is Result<unknown> {
  return typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean';
}

function unavailable(error: unknown): Result<never> {
  const message = error instanceof Error ? error.message : String(error);
  return err('unavailable', message || 'no reply');
}

/** Call a background method. Never rejects. */
export async function call<M, K extends keyof M & string>(
  type: K,
  ...args: Args<M, K>
): Promise<Result<Reply<M, K>>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(envelope<M, K>(type, args));
    return isResult(reply)
      ? (reply as Result<Reply<M, K>>)
      : err('unavailable', `no handler answered "${type}"`);
  } catch (error) {
    return unavailable(error);
  }
}

/** Call a method of one tab's content script (top frame). Never rejects. */
export async function callTab<M, K extends keyof M & string>(
  tabId: number,
  type: K,
  ...args: Args<M, K>
): Promise<Result<Reply<M, K>>> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, envelope<M, K>(type, args), { frameId: 0 });
    return isResult(reply)
      ? (reply as Result<Reply<M, K>>)
      : err('unavailable', `the page did not answer "${type}"`);
  } catch (error) {
    return unavailable(error);
  }
}

/** The extension's own origin, e.g. "chrome-extension://abc.../". */
export function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/?$/, '/');
}

/** Classify a sender, or null when it is not part of this extension. */
export function classifySender(sender: MessageSender): CallSender | null {
  if (sender.id !== browser.runtime.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin())) {
    return { kind: 'extension', url, tabId: sender.tab?.id ?? null };
  }
  if (sender.tab?.id !== undefined && /^https?:/i.test(url)) {
    return { kind: 'content', tabId: sender.tab.id, frameId: sender.frameId ?? 0, url };
  }
  return null;
}

export interface ServeOptions<M> {
  /** Per-method access, checked before the handler runs. Omit to accept extension senders only. */
  access?: { readonly [K in keyof M]: Access };
  /** Log handler failures (never the payload: it may hold the user's notes). */
  onError?: (type: string, error: unknown) => void;
}

/**
 * Register the one message listener of this context. Call it synchronously at the top level of
 * the context's entry module: an MV3 worker woken by a message only delivers it to listeners
 * registered during its first turn.
 */
export function serve<M>(handlers: Handlers<M>, options: ServeOptions<M> = {}): () => void {
  const listener = (message: unknown, sender: MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(handlers, message.type)) return undefined;
    const type = message.type as keyof M & string;
    const who = classifySender(sender);
    if (!who) return Promise.resolve(err('forbidden', 'unknown sender'));
    const access: Access = options.access?.[type] ?? 'extension';
    if (access === 'extension' && who.kind !== 'extension') {
      return Promise.resolve(err('forbidden', `"${type}" is only for the extension's own pages`));
    }
    const handler = handlers[type] as (ctx: CallContext, ...args: unknown[]) => unknown;
    return (async () => {
      try {
        return ok(await handler({ sender: who }, ...message.args));
      } catch (error) {
        if (error instanceof CallFailure) return err(error.code, error.message);
        options.onError?.(type, error);
        if (error instanceof DOMException && error.name === 'QuotaExceededError') {
          return err('quota', 'The disk or the storage quota is full; nothing was saved.');
        }
        return err('internal', error instanceof Error ? error.message : String(error));
      }
    })();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
