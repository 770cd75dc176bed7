/**
 * The page's analysis, computed on first need and cached for the current URL and content. `invalidate` drops
 * it (SPA navigation, the article changed). Nothing runs at startup: the caller decides when (at idle when
 * autoDetect is on, on request otherwise).
 *
 * The engine lives in its own bundle in Chrome (analysis.js, see engine.ts), imported on first use;
 * `looksLikeArticle` uses only the cheap detector bundled here, so
 * pages that are not articles never load the engine unless the popup asks.
 */
import { detect } from '../analysis/detect';
import type { DetectResult, PageAnalysis, TextMap } from '../analysis/types';
import type { PageInput } from '../shared/messages';
import { loadEngine, type Engine } from './engine';

export interface AnalysisState {
  analysis: PageAnalysis;
  textMap: TextMap;
  root: Element | null;
}

export class PageAnalyzer {
  private cached: AnalysisState | null = null;
  private cachedFor = '';
  /** The detector's verdict from looksLikeArticle, handed to the engine so it does not detect again. */
  private detected: { href: string; result: DetectResult } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly load: () => Promise<Engine> = loadEngine,
  ) {}

  get current(): AnalysisState | null {
    return this.cached && this.cachedFor === this.doc.location.href ? this.cached : null;
  }

  /** The full analysis of the current page (loads the engine on first use). */
  async get(): Promise<AnalysisState> {
    const href = this.doc.location.href;
    if (this.cached && this.cachedFor === href) return this.cached;
    const { analyzePage } = await this.load();
    // The engine is synchronous: the document cannot change between here and the result.
    const url = this.doc.location.href;
    const detected = this.detected?.href === url ? this.detected.result : undefined;
    const state = analyzePage(this.doc, { url, detected });
    this.cached = state;
    this.cachedFor = url;
    return state;
  }

  /** The cheap detector alone (bundled in the content script): worth loading the engine for? */
  looksLikeArticle(): boolean {
    try {
      const href = this.doc.location.href;
      const result = detect(this.doc, href);
      this.detected = { href, result };
      return result.isArticle;
    } catch {
      return false;
    }
  }

  invalidate(): void {
    this.cached = null;
    this.detected = null;
  }
}

/** The snapshot of a page saved with its first annotation (the library lists pages by it). */
export function pageInputFrom(url: string, a: PageAnalysis | null, doc: Document): PageInput {
  const meta = a?.meta;
  return {
    url,
    title: (meta?.title || doc.title || url).slice(0, 2000),
    authors: meta?.authors.slice(0, 50) ?? [],
    published: meta?.published ?? null,
    siteName: meta?.siteName ?? null,
    lang: meta?.lang ?? null,
    summary: a?.summary.slice(0, 50) ?? [],
    figures: a?.figures.filter(f => f.key).slice(0, 1000) ?? [],
    entities: a?.entities.slice(0, 1000) ?? [],
  };
}
