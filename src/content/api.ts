/**
 * The background calls the content script makes, behind one injectable function type so the controller can
 * be unit-tested with a stub and so every call site handles a `Result` (never a rejected promise).
 */
import type { Args, Reply, ToBackground } from '../shared/messages';
import type { Result } from '../shared/result';

export type BackgroundApi = <K extends keyof ToBackground & string>(
  type: K,
  ...args: Args<ToBackground, K>
) => Promise<Result<Reply<ToBackground, K>>>;

/** A non-blocking message to the user (the toast area of the in-page UI). */
export interface Notice {
  text: string;
  kind: 'error' | 'info';
  action?: { label: string; run: () => void };
  /** Auto-dismiss after this long; errors with an action stay until used or dismissed. */
  timeoutMs?: number;
  /** A notice with the same key replaces the previous one. */
  key?: string;
}

export type Notify = (notice: Notice) => void;
