/**
 * The current page's annotations: load, anchor, draw, create, edit, delete with undo, re-anchor, and the
 * retry queue of highlights the background has not accepted yet.
 *
 * Invariants: a highlight the user made is never dropped silently. Until the background confirms a save
 * the entry stays in memory (drawn, and kept across SPA navigation in the retry queue) and the user sees
 * a message with a Retry action; retries also run on a timer. Orphans (no place on the page) are flagged in
 * storage only after the page has had `settleMs` to render, and un-flagged as soon as they anchor again.
 */
import { anchor, describe, textIndexForSliced } from '../anchoring/index';
import type { AnnotationPatch } from '../shared/messages';
import type { Annotation, AnnotationKind, Color, Selector } from '../shared/types';
import { normalizePageUrl } from '../shared/url';
import { uuid } from '../shared/uuid';
import type { BackgroundApi, Notify } from './api';
import type { Highlighter } from './highlighter';
import { forEachSliced, sliceClock, type SliceOptions } from './schedule';

export interface Entry {
  annotation: Annotation;
  range: Range | null;
  /** True once the background has stored this version of the record. */
  saved: boolean;
}

export interface HighlightsOptions {
  api: BackgroundApi;
  highlighter: Highlighter;
  notify: Notify;
  /** The anchoring root: document.body, for describe and anchor alike. */
  root: () => Node;
  /** Called before the first annotation of a page is stored (saves the page snapshot). */
  beforeFirstSave?: (pageUrl: string) => Promise<void>;
  slice?: SliceOptions;
  settleMs?: number;
  retryMs?: number;
}

export const MAX_QUOTE = 20_000;
const KEY = 'a:';

const squash = (s: string) => s.replace(/\s+/g, '');

export class Highlights {
  readonly entries = new Map<string, Entry>();
  /** Unsaved entries of pages we navigated away from (same document, SPA). */
  private readonly queue = new Map<string, Entry>();
  private pageUrl = '';
  private generation = 0;
  private savedPages = new Set<string>();
  private retryTimer: ReturnType<typeof setInterval> | null = null;
  private orphanTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: HighlightsOptions) {}

  get url(): string {
    return this.pageUrl;
  }

  /** Forget the drawn page (SPA navigation) and load the annotations of `href`. */
  async load(href: string): Promise<void> {
    const gen = ++this.generation;
    const url = normalizePageUrl(href);
    if (url !== this.pageUrl) {
      for (const e of this.entries.values()) if (!e.saved) this.queue.set(e.annotation.id, e);
      this.entries.clear();
      this.o.highlighter.clear(k => !k.startsWith(KEY));
      this.pageUrl = url;
      for (const e of this.queue.values()) {
        if (e.annotation.pageUrl !== url) continue;
        this.queue.delete(e.annotation.id);
        this.entries.set(e.annotation.id, { ...e, range: null });
      }
    }
    const res = await this.o.api('annotationsForPage', url);
    if (gen !== this.generation) return;
    const unchanged = new Set<string>();
    if (!res.ok) {
      this.o.notify({
        kind: 'error',
        key: 'load',
        text: `Gleaner could not load your highlights for this page (${res.error.message}).`,
        action: { label: 'Retry', run: () => void this.load(location.href) },
      });
    } else {
      const stored = new Set<string>();
      for (const a of res.value) {
        stored.add(a.id);
        const prev = this.entries.get(a.id);
        // A local edit not yet saved wins over the stored version.
        if (prev && !prev.saved) continue;
        // The same stored version, still drawn over its quote: nothing to redo. This keeps a reload cheap
        // when it is only an echo (the popup's edit announced twice, another tab's save on another highlight).
        if (
          prev &&
          prev.annotation.updated === a.updated &&
          prev.annotation.color === a.color &&
          this.rangeValid(prev)
        ) {
          prev.annotation = a;
          unchanged.add(a.id);
          continue;
        }
        this.entries.set(a.id, { annotation: a, range: prev?.range ?? null, saved: true });
      }
      for (const [id, e] of this.entries) {
        if (e.saved && !stored.has(id)) {
          this.entries.delete(id);
          this.o.highlighter.remove(KEY + id);
        }
      }
    }
    const todo = [...this.entries.values()].filter(e => !unchanged.has(e.annotation.id));
    await this.anchorAll(todo, gen);
    this.scheduleRetry();
  }

  /** Re-anchor entries whose range no longer covers their quote (and orphans): after page mutations. */
  async reanchor(): Promise<void> {
    const gen = this.generation;
    const stale = [...this.entries.values()].filter(e => !this.rangeValid(e));
    if (stale.length) await this.anchorAll(stale, gen);
  }

  private rangeValid(e: Entry): boolean {
    const r = e.range;
    if (!r || r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected) return false;
    const quote = quoteOf(e.annotation.target.selector);
    return squash(r.toString()) === squash(quote);
  }

  private async anchorAll(list: Entry[], gen: number): Promise<void> {
    const root = this.o.root();
    // The page's text index (one walk of the body, ~180 ms on a 200 KB page) is built in the same slices as
    // the anchoring, so no single task of ours blocks the page; anchor() then reuses it.
    const clock = sliceClock(this.o.slice);
    if (list.length > 0) await textIndexForSliced(root, { shouldYield: clock.due, yieldFn: clock.pause });
    if (gen !== this.generation) return;
    await forEachSliced(
      list,
      e => {
        if (gen !== this.generation || !this.entries.has(e.annotation.id)) return;
        const hit = anchor(root, e.annotation.target.selector);
        e.range = hit ? hit.range : null;
        if (hit) this.draw(e);
        else this.o.highlighter.remove(KEY + e.annotation.id);
      },
      { ...this.o.slice, clock },
    );
    if (gen !== this.generation) return;
    for (const e of list) {
      if (e.range && e.annotation.orphaned && e.saved) void this.setOrphaned(e, false);
    }
    if (list.some(e => !e.range && !e.annotation.orphaned && e.saved)) this.scheduleOrphanFlags(gen);
  }

  private scheduleOrphanFlags(gen: number): void {
    if (this.orphanTimer !== null) clearTimeout(this.orphanTimer);
    this.orphanTimer = setTimeout(() => {
      this.orphanTimer = null;
      if (gen !== this.generation) return;
      for (const e of this.entries.values()) {
        if (e.range || e.annotation.orphaned || !e.saved) continue;
        // One last try: the page may have rendered since.
        const hit = anchor(this.o.root(), e.annotation.target.selector);
        if (hit) {
          e.range = hit.range;
          this.draw(e);
        } else void this.setOrphaned(e, true);
      }
    }, this.o.settleMs ?? 2000);
  }

  private async setOrphaned(e: Entry, orphaned: boolean): Promise<void> {
    const res = await this.o.api('updateAnnotation', { id: e.annotation.id, orphaned });
    if (res.ok) e.annotation = res.value;
  }

  private draw(e: Entry): void {
    if (!e.range) return;
    const key = KEY + e.annotation.id;
    this.o.highlighter.set(key, e.range, e.annotation.color);
    // The wrapping fallback moves text nodes, which collapses live ranges into them: use its range.
    e.range = this.o.highlighter.rangeOf(key) ?? e.range;
  }

  /** Describe `range` (relative to the root), draw it at once and store it. Null when there is nothing to keep. */
  create(range: Range, color: Color, kind: AnnotationKind = 'highlight'): Annotation | null {
    // The URL now, not this.pageUrl: the URL watcher may not have seen a just-made SPA navigation yet.
    const pageUrl = normalizePageUrl(location.href);
    if (!this.pageUrl) this.pageUrl = pageUrl;
    const selector = describe(this.o.root(), range);
    const exact = quoteOf(selector);
    if (!exact.trim()) return null;
    if (exact.length > MAX_QUOTE) {
      this.o.notify({
        kind: 'error',
        text: 'That selection is too long to highlight (over 20,000 characters).',
      });
      return null;
    }
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: uuid(),
      pageUrl,
      target: { source: pageUrl, selector },
      kind,
      color,
      note: '',
      tags: [],
      created: now,
      updated: now,
      orphaned: false,
    };
    // Draw what anchoring will find after a reload (trimmed of edge spaces), so nothing shifts on restore.
    const entry: Entry = { annotation, range: this.placed(selector, range), saved: false };
    this.entries.set(annotation.id, entry);
    this.draw(entry);
    void this.save(entry);
    return annotation;
  }

  private placed(selector: Selector[], range: Range): Range {
    return anchor(this.o.root(), selector)?.range ?? range.cloneRange();
  }

  /** Store an entry's current record (add: the id makes retries idempotent). */
  private async save(e: Entry): Promise<boolean> {
    const a = e.annotation;
    if (!this.savedPages.has(a.pageUrl) && this.o.beforeFirstSave) {
      await this.o.beforeFirstSave(a.pageUrl).catch(() => undefined);
      this.savedPages.add(a.pageUrl);
    }
    const res = await this.o.api('addAnnotation', a);
    if (e.annotation !== a) return false; // edited meanwhile: that edit saves the newer version
    if (res.ok) {
      e.saved = true;
      e.annotation = res.value;
      this.queue.delete(a.id);
      return true;
    }
    this.o.notify({
      kind: 'error',
      key: 'save',
      text: `Your highlight is not saved yet (${res.error.message}). Gleaner keeps it and will retry.`,
      action: { label: 'Retry now', run: () => void this.retryPending() },
    });
    this.scheduleRetry();
    return false;
  }

  /** Edit note, tags or colour. The local copy changes at once; the Result says whether it is stored. */
  async update(
    patch: Omit<AnnotationPatch, 'orphaned' | 'target'>,
  ): Promise<{ ok: boolean; message?: string }> {
    const e = this.entries.get(patch.id);
    if (!e) return { ok: false, message: 'This highlight is no longer on the page.' };
    const next: Annotation = { ...e.annotation, updated: new Date().toISOString() };
    if (patch.note !== undefined) next.note = patch.note;
    if (patch.tags !== undefined) next.tags = patch.tags;
    if (patch.color !== undefined) next.color = patch.color;
    const wasSaved = e.saved;
    e.annotation = next;
    e.saved = false;
    this.draw(e);
    if (!wasSaved) {
      const ok = await this.save(e);
      return ok ? { ok } : { ok, message: 'Not saved yet: Gleaner will retry.' };
    }
    const res = await this.o.api('updateAnnotation', patch);
    if (e.annotation !== next) return { ok: true };
    if (res.ok) {
      e.saved = true;
      e.annotation = res.value;
      return { ok: true };
    }
    this.scheduleRetry();
    return { ok: false, message: res.error.message };
  }

  /** Delete; resolves to an undo function, or null (with a message shown) when the delete failed. */
  async remove(id: string): Promise<(() => Promise<boolean>) | null> {
    const e = this.entries.get(id);
    if (!e) return null;
    let record: Annotation = e.annotation;
    const res = await this.o.api('deleteAnnotation', id);
    // An unsaved highlight is not (or not yet) stored: deleting it locally is what the user asked for.
    if (!res.ok && e.saved && res.error.code !== 'not-found') {
      this.o.notify({ kind: 'error', text: `Could not delete the highlight (${res.error.message}).` });
      return null;
    }
    if (res.ok) record = res.value;
    this.entries.delete(id);
    this.queue.delete(id);
    this.o.highlighter.remove(KEY + id);
    return async () => {
      const entry: Entry = { annotation: record, range: e.range, saved: false };
      if (record.pageUrl === this.pageUrl) {
        this.entries.set(id, entry);
        if (!this.rangeValid(entry))
          entry.range = anchor(this.o.root(), record.target.selector)?.range ?? null;
        this.draw(entry);
      } else this.queue.set(id, entry);
      const back = await this.o.api('restoreAnnotation', record);
      if (back.ok) {
        entry.saved = true;
        entry.annotation = back.value;
        return true;
      }
      this.o.notify({
        kind: 'error',
        key: 'save',
        text: `The highlight is back on the page but not saved yet (${back.error.message}). Gleaner will retry.`,
        action: { label: 'Retry now', run: () => void this.retryPending() },
      });
      this.scheduleRetry();
      return false;
    };
  }

  /** Annotations of this page that have no place on it now. */
  orphans(): Annotation[] {
    return [...this.entries.values()].filter(e => !e.range).map(e => e.annotation);
  }

  /** Re-attach an orphan to the text the user selected: new selectors, no longer orphaned. */
  async reattach(id: string, range: Range): Promise<boolean> {
    const e = this.entries.get(id);
    if (!e) return false;
    const selector = describe(this.o.root(), range);
    if (!quoteOf(selector).trim()) return false;
    const target = { source: this.pageUrl, selector };
    const next: Annotation = { ...e.annotation, target, orphaned: false, updated: new Date().toISOString() };
    e.annotation = next;
    e.range = this.placed(selector, range);
    e.saved = false;
    this.draw(e);
    const res = await this.o.api('updateAnnotation', { id, target, orphaned: false });
    if (e.annotation !== next) return true;
    if (res.ok) {
      e.saved = true;
      e.annotation = res.value;
      return true;
    }
    this.o.notify({
      kind: 'error',
      key: 'save',
      text: `The highlight is re-attached on the page but not saved yet (${res.error.message}). Gleaner will retry.`,
      action: { label: 'Retry now', run: () => void this.retryPending() },
    });
    this.scheduleRetry();
    return false;
  }

  get pendingCount(): number {
    let n = this.queue.size;
    for (const e of this.entries.values()) if (!e.saved) n++;
    return n;
  }

  async retryPending(): Promise<void> {
    const pending = [...this.entries.values(), ...this.queue.values()].filter(e => !e.saved);
    for (const e of pending) await this.save(e);
    if (!this.pendingCount && this.retryTimer !== null) {
      clearInterval(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || !this.pendingCount) return;
    this.retryTimer = setInterval(() => void this.retryPending(), this.o.retryMs ?? 15_000);
  }

  /** Hit-test entries: [key, range] of every anchored annotation. */
  *ranges(): Generator<readonly [string, Range]> {
    for (const [id, e] of this.entries) if (e.range) yield [id, e.range] as const;
  }

  dispose(): void {
    this.generation++;
    if (this.retryTimer !== null) clearInterval(this.retryTimer);
    if (this.orphanTimer !== null) clearTimeout(this.orphanTimer);
  }
}

export function quoteOf(selectors: Selector[]): string {
  for (const s of selectors) if (s.type === 'TextQuoteSelector') return s.exact;
  return '';
}
