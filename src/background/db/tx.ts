/**
 * Write transactions that either commit whole or leave nothing behind.
 *
 * `write(stores, fn)` opens one readwrite transaction with `durability: 'strict'` (a user's notes
 * are what we "absolutely need to know were written", reliability.md section 0.2), runs `fn`
 * (which must await only requests of this transaction: any other await lets it auto-commit),
 * and resolves only after `complete`, so a caller is never told "saved" for data still in flight.
 * If `fn` throws, the transaction is aborted, so earlier puts in it are rolled back. A
 * QuotaExceededError anywhere becomes CallFailure('quota'); the browser's own storage failures
 * (an UnknownError: Chromium reports a full disk as "Failed to write blobs (IOError)" or "Internal error
 * committing transaction", then fails to reopen the backing store until space is freed) become
 * CallFailure('storage'), so the user reads what happened instead of an internal message. Reads map
 * the same way.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { CallFailure } from '../../shared/result';
import { db } from './open';
import type { GleanerDB } from './schema';

type Names = StoreNames<GleanerDB>[];
export type WriteTx<S extends Names> = IDBPTransaction<GleanerDB, S, 'readwrite'>;
export type ReadTx<S extends Names> = IDBPTransaction<GleanerDB, S, 'readonly'>;

const QUOTA_MESSAGE = 'The disk or the storage quota is full; nothing was saved.';
const STORAGE_MESSAGE =
  "The browser could not use Gleaner's storage (the disk may be full); nothing was saved. Free some space and try again.";

/** The CallFailure a storage error stands for, or null for errors that are not the storage's. */
export function storageFailure(error: unknown): CallFailure | null {
  if (error instanceof CallFailure) return null;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'QuotaExceededError') return new CallFailure('quota', QUOTA_MESSAGE);
  if (name === 'UnknownError') {
    const detail = (error as { message?: unknown }).message;
    return new CallFailure(
      'storage',
      typeof detail === 'string' && detail ? `${STORAGE_MESSAGE} (${detail})` : STORAGE_MESSAGE,
    );
  }
  return null;
}

export async function write<S extends Names, T>(stores: S, fn: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
  const database = await opened();
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
    const failure = await done;
    throw storageFailure(error) ?? storageFailure(failure) ?? error;
  }
  const failure = await done;
  if (failure) throw storageFailure(failure) ?? failure;
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
  const database = await opened();
  const tx = database.transaction(stores, 'readonly');
  try {
    const result = await fn(tx);
    await tx.done;
    return result;
  } catch (error) {
    throw storageFailure(error) ?? error;
  }
}

/** The connection, with the browser's failure to open its backing store said in plain words. */
async function opened() {
  try {
    return await db();
  } catch (error) {
    throw storageFailure(error) ?? error;
  }
}
