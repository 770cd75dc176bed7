/**
 * The user's library: what Gleaner stores. Shaped after the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/) so that export to JSON-LD is a renaming, not a translation.
 * Every value here is plain data (structured-clone and JSON safe).
 */
import type { Entity, Figure } from '../analysis/types';

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

export type AnnotationKind = 'highlight' | 'figure' | 'page-note';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export interface AnnotationTarget {
  /** The normalised page URL (see shared/url.ts). */
  source: string;
  /** Empty for a page note. */
  selector: Selector[];
}

export interface Annotation {
  /** UUID v4, made where the annotation is created, so a retried save cannot duplicate it. */
  id: string;
  /** Normalised: no fragment, no tracking parameters. */
  pageUrl: string;
  target: AnnotationTarget;
  kind: AnnotationKind;
  color: Color;
  note: string;
  tags: string[];
  /** ISO 8601 UTC. */
  created: string;
  updated: string;
  /** True when the last anchoring attempt could not place it on the page. */
  orphaned: boolean;
}

export interface PageRecord {
  url: string;
  title: string;
  authors: string[];
  published: string | null;
  siteName: string | null;
  lang: string | null;
  summary: string[];
  figures: Figure[];
  entities: Entity[];
  savedAt: string;
  updatedAt: string;
  annotationCount: number;
}
