/**
 * The page's analysis, computed on first need and cached for the current URL and content. `invalidate` drops
 * it (SPA navigation, the article changed). Nothing runs at startup: the caller decides when (at idle when
 * autoDetect is on, on request otherwise).
 */
import { analyzePage } from '../analysis/index';
import type { PageAnalysis, TextMap } from '../analysis/types';
import type { PageInput } from '../shared/messages';

export interface AnalysisState {
  analysis: PageAnalysis;
  textMap: TextMap;
  root: Element | null;
}

export class PageAnalyzer {
  private cached: AnalysisState | null = null;
  private cachedFor = '';

  constructor(private readonly doc: Document) {}

  get current(): AnalysisState | null {
    return this.cached && this.cachedFor === this.doc.location.href ? this.cached : null;
  }

  get(): AnalysisState {
    const href = this.doc.location.href;
    if (!this.cached || this.cachedFor !== href) {
      this.cached = analyzePage(this.doc, { url: href });
      this.cachedFor = href;
    }
    return this.cached;
  }

  invalidate(): void {
    this.cached = null;
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
