/**
 * Result of a call across contexts (content script <-> background <-> extension pages).
 *
 * Errors travel as plain data: `Error` objects do not survive structured cloning in every
 * browser, and a reply must always say plainly whether the work was done.
 */
export type Result<T, E = CallError> = { ok: true; value: T } | { ok: false; error: E };

/** Stable error codes a UI can branch on; `message` is for people. */
export type ErrorCode =
  | 'bad-request' // the payload failed validation
  | 'forbidden' // the sender may not make this call
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'quota' // the disk or the quota is full; nothing was written
  | 'storage' // the browser's storage failed to read or write (often a full disk); nothing was written
  | 'unavailable' // the database could not be opened in time, or the peer is gone
  | 'internal';

export interface CallError {
  code: ErrorCode;
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** An error a handler throws on purpose; the router turns it into `{ ok: false }` with its code. */
export class CallFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallFailure';
  }
}
