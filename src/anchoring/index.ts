/**
 * Anchoring: W3C selectors for a Range (describe) and back (anchor), over the rendered text of a root.
 * Pure DOM; no extension API. One TextIndex per root is built and reused until the subtree changes
 * (index-cache.ts), so anchoring many annotations walks the document once.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../shared/types';
import { describeWith } from './describe';
import { textIndexFor } from './index-cache';
import { DEFAULT_MIN_SCORE, matchQuote } from './match-quote';
import type { MatchMethod } from './match-quote';
import { normalizeText } from './text-index';
import type { TextIndex } from './text-index';

export { TextIndex, normalizeText } from './text-index';
export { textIndexFor, textIndexForSliced, invalidateTextIndex, releaseTextIndex } from './index-cache';
export type { SlicedBuildOptions } from './text-index';
export { DEFAULT_MIN_SCORE } from './match-quote';

export interface AnchorResult {
  /** Live range over the found text; starts and ends inside Text nodes, on non-space characters. */
  range: Range;
  /** In [0, 1]; 1 for the position fast path. Never below the minimum score. */
  score: number;
  method: MatchMethod;
  /** Rendered-text offsets of the found text (TextIndex coordinates). */
  start: number;
  end: number;
}

export interface AnchorOptions {
  /** Minimum score to accept a match (default DEFAULT_MIN_SCORE); below it the annotation is orphaned. */
  minScore?: number;
  /** A prebuilt index of root (else the cached one from textIndexFor). */
  index?: TextIndex;
}

/** Selectors (TextQuoteSelector + TextPositionSelector) for a range inside root; [] for nothing to describe. */
export function describe(root: Node, range: Range, index?: TextIndex): Selector[] {
  return describeWith(index ?? textIndexFor(root), range);
}

/**
 * A live Range for the selectors, or null (the annotation is orphaned). Never places on the wrong text: a
 * match needs quote and context evidence above the minimum score. A TextQuoteSelector is required (a bare
 * position cannot be verified); malformed selectors give null, never an exception.
 */
export function anchor(root: Node, selectors: Selector[], opts: AnchorOptions = {}): AnchorResult | null {
  const quote = findQuote(selectors);
  if (!quote) return null;
  const index = opts.index ?? textIndexFor(root);
  return anchorIn(index, quote, findPosition(selectors), opts.minScore ?? DEFAULT_MIN_SCORE);
}

export interface AnchorAllOptions extends AnchorOptions {
  /** Yield to the page after this many milliseconds of work (default 8). */
  sliceMs?: number;
  /** Stop early (remaining results stay null). */
  signal?: AbortSignal;
}

/**
 * Anchors many selector sets against one root, yielding to the event loop about every `sliceMs`. The index is
 * re-fetched after each yield (cheap when nothing changed), so page mutations between slices are respected.
 * Results are in input order.
 */
export async function anchorAll(
  root: Node,
  targets: Selector[][],
  opts: AnchorAllOptions = {},
): Promise<(AnchorResult | null)[]> {
  const sliceMs = opts.sliceMs ?? 8;
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const out: (AnchorResult | null)[] = new Array<AnchorResult | null>(targets.length).fill(null);
  let index = opts.index ?? textIndexFor(root);
  let sliceStart = now();
  for (let i = 0; i < targets.length; i++) {
    if (opts.signal?.aborted) break;
    if (now() - sliceStart >= sliceMs) {
      await yieldToPage();
      index = opts.index ?? textIndexFor(root);
      sliceStart = now();
    }
    const sel = targets[i] ?? [];
    const quote = findQuote(sel);
    out[i] = quote ? anchorIn(index, quote, findPosition(sel), minScore) : null;
  }
  return out;
}

/** The rendered text of a range under root, in the same model as the selectors (for checks and display). */
export function renderedText(root: Node, range: Range, index?: TextIndex): string {
  const idx = index ?? textIndexFor(root);
  const span = idx.spanOf(range);
  return span ? idx.text.slice(span.start, span.end) : '';
}

function anchorIn(
  index: TextIndex,
  quote: TextQuoteSelector,
  pos: TextPositionSelector | null,
  minScore: number,
): AnchorResult | null {
  const rawExact = normalizeText(quote.exact);
  const exact = rawExact.trim();
  if (!exact) return null;
  // Spaces trimmed off the quote belong to its context.
  const lead = rawExact.length - rawExact.trimStart().length;
  const trail = rawExact.length - rawExact.trimEnd().length;
  const prefix = normalizeText(quote.prefix) + (lead ? ' ' : '');
  const suffix = (trail ? ' ' : '') + normalizeText(quote.suffix);
  const hint = pos ? pos.start + (lead ? 1 : 0) : null;
  const m = matchQuote(
    index.text,
    {
      exact,
      prefix: collapseJoin(prefix),
      suffix: collapseJoin(suffix),
      hint,
      isBreak: off => index.isBreak(off),
    },
    minScore,
  );
  if (!m) return null;
  const range = index.rangeFor(m.start, m.end);
  if (!range) return null;
  return { range, score: m.score, method: m.method, start: m.start, end: m.end };
}

function collapseJoin(s: string): string {
  return s.replace(/ {2,}/g, ' ');
}

function findQuote(selectors: unknown): TextQuoteSelector | null {
  if (!Array.isArray(selectors)) return null;
  for (const s of selectors as unknown[]) {
    if (!s || typeof s !== 'object') continue;
    const o = s as Partial<TextQuoteSelector>;
    if (o.type === 'TextQuoteSelector' && typeof o.exact === 'string') {
      return {
        type: 'TextQuoteSelector',
        exact: o.exact,
        prefix: typeof o.prefix === 'string' ? o.prefix : '',
        suffix: typeof o.suffix === 'string' ? o.suffix : '',
      };
    }
  }
  return null;
}

function findPosition(selectors: unknown): TextPositionSelector | null {
  if (!Array.isArray(selectors)) return null;
  for (const s of selectors as (Partial<TextPositionSelector> | null)[]) {
    if (
      s &&
      typeof s === 'object' &&
      s.type === 'TextPositionSelector' &&
      typeof s.start === 'number' &&
      typeof s.end === 'number' &&
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.end >= s.start
    ) {
      return { type: 'TextPositionSelector', start: s.start, end: s.end };
    }
  }
  return null;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise(resolve => setTimeout(resolve, 0));
}
