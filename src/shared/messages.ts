/**
 * The message protocol: direction-named call maps. Each entry is a method signature; callers get
 * `Promise<Result<ReturnType>>` through `call()`/`callTab()` in shared/rpc.ts, handlers are
 * registered with `serve()`. Nothing else in the code base touches runtime messaging.
 *
 * Every argument and reply must be plain, structured-clone-safe data. Payloads are validated by
 * the receiving handler at run time: the types here are a promise, not a guarantee.
 */
import type { TextStageInput, TextStageResult } from '../analysis/text-stage';
import type { PageAnalysis } from '../analysis/types';
import type { Annotation, Color, PageRecord } from './types';

/** Who may call a background method (checked by the router before the handler runs). */
export type Access =
  /** content scripts (acting only on their own tab's page) and extension pages */
  | 'page'
  /** extension pages only (popup, options): export, import, delete-all, settings */
  | 'extension';

export interface PingReply {
  pong: true;
  /** Which kind of sender the background saw. */
  from: 'content' | 'extension';
  /** Milliseconds since the epoch, as the background saw it. */
  at: number;
}

/** What a content script (or the popup) sends to save a page's analysis snapshot. */
export interface PageInput {
  url: string;
  title: string;
  authors: string[];
  published: string | null;
  siteName: string | null;
  lang: string | null;
  summary: string[];
  figures: PageRecord['figures'];
  entities: PageRecord['entities'];
}

export type PageSort = 'updated' | 'saved' | 'title';

export interface ListPagesQuery {
  offset?: number;
  limit?: number;
  sort?: PageSort;
  site?: string;
  tag?: string;
  /** ISO dates, inclusive, on updatedAt. */
  from?: string;
  to?: string;
}

export interface ListAnnotationsQuery {
  offset?: number;
  limit?: number;
  pageUrl?: string;
  site?: string;
  tag?: string;
  color?: Color;
  from?: string;
  to?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface AnnotationPatch {
  id: string;
  note?: string;
  tags?: string[];
  color?: Color;
  orphaned?: boolean;
  /** Re-attaching an orphan: new selectors for the same annotation. */
  target?: Annotation['target'];
}

export interface SearchQuery {
  q: string;
  limit?: number;
  site?: string;
  tag?: string;
  color?: Color;
  /**
   * 'rows': each hit carries `row`, what a library row shows, instead of the full records
   * (`annotation` and `page` are then null), and a page's title travels once, on the first hit of
   * that page. For search as you type: a tenth of the bytes. Default 'full'.
   */
  shape?: 'full' | 'rows';
}

/** What a library row shows of a hit (SearchQuery.shape 'rows'); quote and note may be cut short. */
export type HitRow =
  | {
      kind: 'annotation';
      id: string;
      pageUrl: string;
      color: Color;
      quote: string;
      note: string;
      tags: string[];
      updated: string;
      /** On the first hit of its page in a reply only: keep it by pageUrl for the others. */
      pageTitle?: string;
    }
  | {
      kind: 'page';
      url: string;
      title: string;
      siteName: string | null;
      annotationCount: number;
      updatedAt: string;
    };

export interface SearchHit {
  /** 'annotation' hits carry the annotation; 'page' hits carry only the page. */
  type: 'annotation' | 'page';
  score: number;
  page: PageRecord | null;
  annotation: Annotation | null;
  /** Plain-text snippet; `marks` are [start, end) offsets into it of the matched terms. */
  snippet: string;
  marks: [number, number][];
  /** Set in 'rows'-shaped searches only (see SearchQuery.shape). */
  row?: HitRow;
}

export type ExportFormat = 'markdown' | 'json' | 'csv' | 'html';

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'page'; url: string }
  | { kind: 'filter'; query: ListAnnotationsQuery & { q?: string } };

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
  count: number;
}

export type ImportFormat = 'json' | 'hypothesis';

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  pages: number;
}

export interface LibraryStats {
  pages: number;
  annotations: number;
  orphans: number;
  tags: { tag: string; count: number }[];
  sites: { site: string; count: number }[];
}

/** Content script / extension pages -> background. */
export interface ToBackground {
  ping(): PingReply;
  savePage(page: PageInput): PageRecord;
  getPage(url: string): PageRecord | null;
  deletePage(url: string): { deletedAnnotations: number };
  listPages(query: ListPagesQuery): Page<PageRecord>;
  addAnnotation(annotation: Annotation): Annotation;
  updateAnnotation(patch: AnnotationPatch): Annotation;
  /** Returns the deleted record so the caller can offer undo through `restoreAnnotation`. */
  deleteAnnotation(id: string): Annotation;
  restoreAnnotation(annotation: Annotation): Annotation;
  annotationsForPage(url: string): Annotation[];
  listAnnotations(query: ListAnnotationsQuery): Page<Annotation>;
  search(query: SearchQuery): SearchHit[];
  exportLibrary(format: ExportFormat, scope: ExportScope): ExportFile;
  importLibrary(text: string, format: ImportFormat): ImportReport;
  deleteAll(): { pages: number; annotations: number };
  stats(): LibraryStats;
  /** Key figures, people and the summary of an article's main text (the analysis' text stage). */
  analyzeText(input: TextStageInput): TextStageResult;
}

/** Which sender class may call each background method. */
export const BACKGROUND_ACCESS: { readonly [K in keyof ToBackground]: Access } = {
  ping: 'page',
  savePage: 'page',
  getPage: 'page',
  deletePage: 'extension',
  listPages: 'extension',
  addAnnotation: 'page',
  updateAnnotation: 'page',
  deleteAnnotation: 'page',
  restoreAnnotation: 'page',
  annotationsForPage: 'page',
  listAnnotations: 'extension',
  search: 'extension',
  exportLibrary: 'extension',
  importLibrary: 'extension',
  deleteAll: 'extension',
  stats: 'extension',
  analyzeText: 'page',
};

/** Background / popup -> content script of one tab. */
export interface ToContent {
  /** The page URL, and a fresh content -> background ping made to answer (proves the round trip). */
  ping(): { url: string; background: PingReply };
  /** The current page's analysis (computed on first request, then cached until the page changes). */
  getAnalysis(): PageAnalysis;
  /** Scroll to the figure at this index of `PageAnalysis.figures` and flash it. */
  revealFigure(index: number): boolean;
  /** Scroll to an annotation's highlight and flash it; false when it is not anchored. */
  revealAnnotation(id: string): boolean;
  /** Highlight the current selection (context menu, keyboard command). */
  highlightSelection(color: Color | null): Annotation | null;
  /**
   * The library changed elsewhere (another tab, a popup edit, an import): reload this page's annotations.
   * With a page URL (normalised), only a tab on that page reloads; the others answer false.
   */
  annotationsChanged(pageUrl?: string | null): boolean;
}

/** A method's reply type, unwrapped. */
export type Reply<M, K extends keyof M> = M[K] extends (...args: never[]) => infer R ? R : never;
export type Args<M, K extends keyof M> = M[K] extends (...args: infer A) => unknown ? A : never;

/** The wire envelope. `gleaner: 1` lets listeners ignore messages that are not ours. */
export interface Envelope<M, K extends keyof M = keyof M> {
  gleaner: 1;
  type: K;
  args: Args<M, K>;
}
