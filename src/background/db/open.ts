/**
 * The one connection to the library database, opened lazily by the background (the only opener).
 *
 * Contract:
 * - `db()` resolves to an open connection or rejects within `openOptions.timeoutMs` with
 *   CallFailure('unavailable'): a `blocked` upgrade fires `blocked` and then nothing, so without a
 *   timeout a caller would wait forever (reliability.md section 0.3).
 * - The only module state is the connection promise, which can always be rebuilt: it is dropped
 *   when the connection closes for any reason (`blocking` another version or a deleteDatabase,
 *   `terminated` by the browser, a failed or timed-out open), and the next call reopens.
 * - On `blocking` we close at once, so a newer version, a test reset or deleteDatabase never hangs.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { CallFailure } from '../../shared/result';
import { DB_NAME, upgrade, VERSION, type GleanerDB } from './schema';

export type Db = IDBPDatabase<GleanerDB>;

/** How long an open may take before callers get 'unavailable' (tests shorten it). */
export const openOptions = { timeoutMs: 10_000 };

let connection: Promise<Db> | null = null;
/** Called whenever the connection is dropped (the search index keys its cache on it). */
const dropListeners = new Set<() => void>();

export function onConnectionDropped(listener: () => void): void {
  dropListeners.add(listener);
}

function drop(which: Promise<Db> | null): void {
  if (which && connection !== which) return;
  connection = null;
  for (const l of dropListeners) l();
}

function open(): Promise<Db> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const opening = openDB<GleanerDB>(DB_NAME, VERSION, {
    upgrade(database, oldVersion, _newVersion, tx, event) {
      const dataLoss = (event as IDBVersionChangeEvent & { dataLoss?: string }).dataLoss;
      if (dataLoss && dataLoss !== 'none') {
        console.error(`[gleaner] the browser reports data loss (${dataLoss}) when opening the library`);
      }
      upgrade(database, oldVersion, tx);
    },
    blocked(currentVersion) {
      console.warn(`[gleaner] library upgrade blocked by an open v${currentVersion} connection`);
    },
    blocking() {
      // Another open (newer version) or a delete waits for us: step aside now.
      void opening.then(d => d.close());
      drop(promise);
    },
    terminated() {
      drop(promise);
    },
  }).then(d => {
    if (timedOut) {
      d.close();
      throw new CallFailure('unavailable', 'the library database opened too late');
    }
    // Also close on a plain versionchange (some engines fire it without our `blocking`).
    d.addEventListener('versionchange', () => {
      d.close();
      drop(promise);
    });
    d.addEventListener('close', () => drop(promise));
    return d;
  });
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new CallFailure('unavailable', 'the library database did not open in time (blocked?)'));
    }, openOptions.timeoutMs);
  });
  const promise: Promise<Db> = Promise.race([opening, timeout]).finally(() => clearTimeout(timer));
  promise.catch(() => drop(promise));
  return promise;
}

/** The open library database (opened on first use). */
export function db(): Promise<Db> {
  connection ??= open();
  return connection;
}

/** Close the connection (tests, deleting the database). The next `db()` reopens. */
export async function closeDb(): Promise<void> {
  const current = connection;
  drop(current);
  if (current) {
    try {
      (await current).close();
    } catch {
      // It never opened: nothing to close.
    }
  }
}
