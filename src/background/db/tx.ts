/**
 * Write transactions that either commit whole or leave nothing behind.
 *
 * `write(stores, fn)` opens one readwrite transaction with `durability: 'strict'` (a user's notes
 * are what we "absolutely need to know were written", reliability.md section 0.2), runs `fn`
 * (which must await only requests of this transaction: any other await lets it auto-commit),
 * and resolves only after `complete`, so a caller is never told "saved" for data still in flight.
 * If `fn` throws, the transaction is aborted, so earlier puts in it are rolled back. A
 * QuotaExceededError anywhere becomes CallFailure('quota').
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { CallFailure } from '../../shared/result';
import { db } from './open';
import type { GleanerDB } from './schema';

type Names = StoreNames<GleanerDB>[];
export type WriteTx<S extends Names> = IDBPTransaction<GleanerDB, S, 'readwrite'>;
export type ReadTx<S extends Names> = IDBPTransaction<GleanerDB, S, 'readonly'>;

function isQuota(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError'
  );
}

const QUOTA_MESSAGE = 'The disk or the storage quota is full; nothing was saved.';

export async function write<S extends Names, T>(stores: S, fn: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
  const database = await db();
  const tx = database.transaction(stores, 'readwrite', { durability: 'strict' });
  // Observe `done` now so an abort never surfaces as an unhandled rejection.
  const done = tx.done.then(
    () => null,
    (error: unknown) => error ?? new Error('transaction aborted'),
  );
  let result: T;
  try {
    result = await fn(tx);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts it) or finished.
    }
    await done;
    if (isQuota(error)) throw new CallFailure('quota', QUOTA_MESSAGE);
    throw error;
  }
  const failure = await done;
  if (failure) {
    if (isQuota(failure)) throw new CallFailure('quota', QUOTA_MESSAGE);
    throw failure;
  }
  return result;
}

/**
 * Mark a request as observed as soon as it is made: if a later step of the same transaction throws
 * before the batch is awaited, the abort rejects it, and that must not surface as unhandled. The
 * returned promise is the request itself, still rejecting for whoever awaits it.
 */
export function observed<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

/**
 * Await a batch of requests of one transaction and throw the first failure. Unlike Promise.all, it
 * observes every request: when the transaction aborts, all pending requests reject, and those
 * rejections must not surface as unhandled.
 */
export async function allRequests<T>(requests: Promise<T>[]): Promise<T[]> {
  for (const r of requests) observed(r);
  const results = await Promise.allSettled(requests);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map(r => (r as PromiseFulfilledResult<T>).value);
}

export async function read<S extends Names, T>(stores: S, fn: (tx: ReadTx<S>) => Promise<T>): Promise<T> {
  const database = await db();
  const tx = database.transaction(stores, 'readonly');
  const result = await fn(tx);
  await tx.done;
  return result;
}
