/**
 * Shared set-up for the storage tests: a fresh fake IndexedDB per test, the real handlers behind
 * the real router on the fake platform, record factories and the database digest.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeDb } from '../../src/background/db/open';
import { DB_NAME } from '../../src/background/db/schema';
import { handlers } from '../../src/background/handlers';
import { invalidate } from '../../src/background/search/library-index';
import {
  BACKGROUND_ACCESS,
  type Args,
  type PageInput,
  type Reply,
  type ToBackground,
} from '../../src/shared/messages';
import type { Result } from '../../src/shared/result';
import { serve } from '../../src/shared/rpc';
import type { Annotation } from '../../src/shared/types';
import { fakePlatform, senders, type FakeSender } from '../helpers/fake-platform';

export { senders };

/** A new, empty IndexedDB and a closed connection: each test starts from nothing. */
export async function freshDb(): Promise<void> {
  await closeDb();
  invalidate();
  globalThis.indexedDB = new IDBFactory();
}

export function startBackground(): void {
  fakePlatform.reset();
  serve<ToBackground>(handlers, { access: BACKGROUND_ACCESS });
}

/** Call a background method as `sender` (default: the popup) through the router. */
export async function call<K extends keyof ToBackground & string>(
  sender: FakeSender,
  type: K,
  ...args: Args<ToBackground, K>
): Promise<Result<Reply<ToBackground, K>>> {
  return (await fakePlatform.dispatch({ gleaner: 1, type, args }, sender)) as Result<Reply<ToBackground, K>>;
}

/** Like `call` as the popup, but unwraps the value (throws on an error result). */
export async function ok<K extends keyof ToBackground & string>(
  type: K,
  ...args: Args<ToBackground, K>
): Promise<Reply<ToBackground, K>> {
  const r = await call(senders.popup(), type, ...args);
  if (!r.ok) throw new Error(`${type}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const PAGE = 'https://news.example.org/2026/11/nato-patriot.html';

/** A deterministic UUID v4 for index i. */
export function idFor(i: number, salt = 0): string {
  const hex = (i * 7919 + salt * 104729 + 1).toString(16).padStart(12, '0').slice(-12);
  const s = salt.toString(16).padStart(3, '0').slice(-3);
  return `0000${s.padStart(4, '0')}-0000-4000-8${s}-${hex}`;
}

const WORDS =
  'alliance defence budget patriot missile system minister summit billion percent troops border energy prices inflation election parliament court ruling climate emissions vaccine hospital budget tariff export import'.split(
    ' ',
  );

export function sentence(i: number, n = 12): string {
  const out: string[] = [];
  let x = i * 2654435761;
  for (let k = 0; k < n; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

export function makeAnnotation(i: number, pageUrl = PAGE, extra: Partial<Annotation> = {}): Annotation {
  const exact = `${sentence(i)} #${i}`;
  return {
    id: idFor(i),
    pageUrl,
    target: {
      source: pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: i * 10, end: i * 10 + exact.length },
      ],
    },
    kind: 'highlight',
    color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5]!,
    note: i % 3 === 0 ? `note ${i}: ${sentence(i + 1, 6)}` : '',
    tags: i % 4 === 0 ? ['defence', `t${i % 7}`] : [],
    created: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    updated: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    orphaned: false,
    ...extra,
  };
}

export function makePage(url = PAGE, extra: Partial<PageInput> = {}): PageInput {
  return {
    url,
    title: 'NATO: "Patriot" deliveries #1',
    authors: ['Jane Doe'],
    published: '2026-11-20T08:00:00Z',
    siteName: 'Example News',
    lang: 'en',
    summary: ['NATO agreed to deliver more Patriot systems.'],
    figures: [
      {
        text: '$1.2 billion',
        start: 10,
        end: 22,
        value: 1.2e9,
        unit: 'USD',
        kind: 'money',
        approx: 'eq',
        counted: 'in aid',
        sentence: 'The package is worth $1.2 billion in aid.',
        score: 0.9,
        key: true,
      },
    ],
    entities: [{ name: 'NATO', kind: 'organization', role: '', mentions: 3, first: 0, key: true }],
    ...extra,
  };
}

/** Every record of the database, as raw objects, pages then annotations, sorted by key. */
export async function dump(): Promise<{ pages: unknown[]; annotations: unknown[] }> {
  const all = <T>(store: string) =>
    new Promise<T[]>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME);
      // Never create the database here: a v1 database with no stores would break the real open.
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains(store)) {
          db.close();
          resolve([]);
          return;
        }
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => {
          db.close();
          resolve(req.result as T[]);
        };
        req.onerror = () => reject(req.error);
      };
      open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    });
  return { pages: await all('pages'), annotations: await all('annotations') };
}

/** SHA-256 over all records sorted by key (the reliability notes' database digest). */
export async function digest(): Promise<string> {
  const { pages, annotations } = await dump();
  const rows = [
    ...pages.map(p => [`p:${(p as { url: string }).url}`, JSON.stringify(p)]),
    ...annotations.map(a => [`a:${(a as { id: string }).id}`, JSON.stringify(a)]),
  ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  const bytes = new TextEncoder().encode(JSON.stringify(rows));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...hash].map(b => b.toString(16).padStart(2, '0')).join('');
}

/** Own property names of Object.prototype (prototype pollution check). */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
