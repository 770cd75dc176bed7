/**
 * The library's IndexedDB schema and its migrations.
 *
 * Versions:
 * - 1: `pages` (key url; indexes byUpdated, bySaved), `annotations` (key id; indexes byPage, byUpdated).
 * - 2: `annotations.byTag` (multiEntry over `tags`) for tag filters and stats; pages gain the
 *   stored-only `implicit` flag (false for every page a v1 database holds: v1 created pages only
 *   through savePage).
 *
 * Rules for migrations (see ../shared/notes/reliability.md section 3): only the provided
 * versionchange `transaction` is used (db.transaction() throws during an upgrade), nothing but
 * IDB requests is awaited inside it, and each step runs in order for every older version (a `switch` per
 * step), so a v0 -> v2 open and a v1 -> v2 open end in the same schema.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Annotation, PageRecord } from '../../shared/types';

export const DB_NAME = 'gleaner';
export const VERSION = 2;

/**
 * A page as stored. `implicit` is true while the page exists only because an annotation was
 * added on it (no savePage yet): deleting its last annotation then removes the page too, while a
 * page the user saved stays in the library with zero annotations.
 */
export interface StoredPage extends PageRecord {
  implicit: boolean;
}

export interface GleanerDB extends DBSchema {
  pages: {
    key: string;
    value: StoredPage;
    indexes: { byUpdated: string; bySaved: string };
  };
  annotations: {
    key: string;
    value: Annotation;
    indexes: { byPage: string; byUpdated: string; byTag: string };
  };
}

export type UpgradeTx = IDBPTransaction<GleanerDB, StoreNames<GleanerDB>[], 'versionchange'>;

/** Strip the stored-only fields: what callers see. */
export function publicPage(stored: StoredPage): PageRecord {
  const { implicit: _implicit, ...page } = stored;
  return page;
}

export function upgrade(db: IDBPDatabase<GleanerDB>, oldVersion: number, tx: UpgradeTx): void {
  // One step per version, run in order from the stored version up to VERSION.
  for (let from = oldVersion; from < VERSION; from++) {
    switch (from) {
      case 0: {
        const pages = db.createObjectStore('pages', { keyPath: 'url' });
        pages.createIndex('byUpdated', 'updatedAt');
        pages.createIndex('bySaved', 'savedAt');
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('byPage', 'pageUrl');
        annotations.createIndex('byUpdated', 'updated');
        break;
      }
      case 1: {
        tx.objectStore('annotations').createIndex('byTag', 'tags', { multiEntry: true });
        // Requests chain inside the upgrade transaction, which stays open until the last one
        // settles; the open resolves only after it commits. A failed update aborts the upgrade.
        void backfillImplicit(tx);
        break;
      }
    }
  }
}

async function backfillImplicit(tx: UpgradeTx): Promise<void> {
  let cursor = await tx.objectStore('pages').openCursor();
  while (cursor) {
    const value = cursor.value;
    if (typeof value.implicit !== 'boolean') await cursor.update({ ...value, implicit: false });
    cursor = await cursor.continue();
  }
}
