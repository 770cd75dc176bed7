/**
 * Typed entry points over shared/rpc.ts: `toBackground('savePage', page)` and
 * `toContent(tabId, 'getAnalysis')`. Contexts use these, never `call()` with a bare map type.
 */
import type { Args, Reply, ToBackground, ToContent } from './messages';
import type { Result } from './result';
import { call, callTab } from './rpc';

export function toBackground<K extends keyof ToBackground & string>(
  type: K,
  ...args: Args<ToBackground, K>
): Promise<Result<Reply<ToBackground, K>>> {
  return call<ToBackground, K>(type, ...args);
}

export function toContent<K extends keyof ToContent & string>(
  tabId: number,
  type: K,
  ...args: Args<ToContent, K>
): Promise<Result<Reply<ToContent, K>>> {
  return callTab<ToContent, K>(tabId, type, ...args);
}
