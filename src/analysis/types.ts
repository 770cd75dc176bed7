/**
 * The analysis result: plain, serialisable data (it crosses from the content script to the
 * popup and into storage). The DOM-bound part, the TextMap, stays beside it, never inside it.
 */

export interface ArticleMeta {
  title: string | null;
  authors: string[];
  /** ISO 8601; keeps the page's UTC offset when the page gives one. */
  published: string | null;
  modified: string | null;
  siteName: string | null;
  section: string | null;
  /** BCP 47 primary tag as the page declares or as detected, e.g. "en", "de". */
  lang: string | null;
  canonicalUrl: string | null;
  image: string | null;
  description: string | null;
}

export type FigureKind =
  | 'money'
  | 'percent'
  | 'count'
  | 'measure'
  | 'duration'
  | 'date'
  | 'year'
  | 'time'
  | 'ratio'
  | 'ordinal'
  | 'score';

export type Approx = 'eq' | 'approx' | 'gt' | 'gte' | 'lt' | 'lte';

export interface Figure {
  /** Exactly `PageAnalysis.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** A number, a [lo, hi] range, or an ISO date string (possibly partial: "--07-14", "2026-06"). */
  value: number | [number, number] | string;
  /** ISO 4217 for money; %, pp, bp; unit symbol for measures; day/week/month/year for durations; '' otherwise. */
  unit: string;
  kind: FigureKind;
  approx: Approx;
  /** The thing counted or measured ("Patriot systems"), '' when none. */
  counted: string;
  /** The sentence the figure stands in. */
  sentence: string;
  score: number;
  key: boolean;
}

export type EntityKind = 'person' | 'organization' | 'place';

export interface Entity {
  name: string;
  kind: EntityKind;
  /** "NATO Secretary-General", '' when none is stated. */
  role: string;
  mentions: number;
  /** Offset of the first mention in `PageAnalysis.text`. */
  first: number;
  key: boolean;
}

export interface AnalysisTimings {
  detect: number;
  metadata: number;
  body: number;
  figures: number;
  summary: number;
}

export interface PageAnalysis {
  url: string;
  isArticle: boolean;
  /** 0..1 */
  articleScore: number;
  reasons: string[];
  meta: ArticleMeta;
  /** Main text, paragraphs separated by one blank line ("\n\n"). */
  text: string;
  wordCount: number;
  readingMinutes: number;
  summary: string[];
  figures: Figure[];
  entities: Entity[];
  timings: AnalysisTimings;
}

/**
 * Maps offsets in `PageAnalysis.text` back to the live DOM, so a figure or a sentence can be
 * highlighted in the page. Valid only while the page's text nodes are unchanged.
 */
export interface TextMap {
  /** A live Range over the page text behind text[start, end), or null when the span cannot be mapped. */
  toRange(start: number, end: number): Range | null;
}

export interface DetectResult {
  isArticle: boolean;
  score: number;
  reasons: string[];
}
