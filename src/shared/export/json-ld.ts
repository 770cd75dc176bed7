/**
 * JSON export: a W3C Web Annotation AnnotationCollection (https://www.w3.org/TR/annotation-model/,
 * context anno.jsonld) whose first AnnotationPage holds every annotation. Notes are TextualBody
 * bodies with purpose "commenting", tags TextualBody bodies with purpose "tagging"; selectors are
 * already W3C shaped. What the model has no term for (colour, kind, orphaned, the page records
 * with their analysis snapshots) travels under Gleaner's own prefix, so export then import
 * (import.ts) gives back exactly the same records.
 */
import type { Annotation } from '../types';
import type { ExportPage, LibrarySnapshot } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const GLEANER_PREFIX = 'gleaner';
export const GLEANER_NS = 'urn:gleaner:ns:';
export const FORMAT_VERSION = 1;

export interface JsonLdAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; purpose: 'commenting' | 'tagging'; format?: 'text/plain' }[];
  target: Annotation['target'];
  'gleaner:pageUrl': string;
  'gleaner:kind': Annotation['kind'];
  'gleaner:color': Annotation['color'];
  'gleaner:orphaned': boolean;
}

export function annotationToJsonLd(a: Annotation): JsonLdAnnotation {
  const body: NonNullable<JsonLdAnnotation['body']> = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.kind === 'page-note' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.updated,
    ...(body.length && { body }),
    target: { source: a.target.source, selector: a.target.selector },
    'gleaner:pageUrl': a.pageUrl,
    'gleaner:kind': a.kind,
    'gleaner:color': a.color,
    'gleaner:orphaned': a.orphaned,
  };
}

function pageToJsonLd(p: ExportPage): Record<string, unknown> {
  return { ...p, implicit: p.implicit ?? false };
}

export function toJsonLd(snapshot: LibrarySnapshot): string {
  const doc = {
    '@context': [ANNO_CONTEXT, { [GLEANER_PREFIX]: GLEANER_NS }],
    id: `urn:gleaner:export:${snapshot.exportedAt}`,
    type: 'AnnotationCollection',
    label: 'Gleaner library',
    total: snapshot.annotations.length,
    generated: snapshot.exportedAt,
    generator: { type: 'Software', name: 'Gleaner' },
    'gleaner:formatVersion': FORMAT_VERSION,
    'gleaner:pages': snapshot.pages.map(pageToJsonLd),
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: snapshot.annotations.map(annotationToJsonLd),
    },
  };
  // Compact: a 10,000-annotation library is ~30% smaller than indented, and it crosses a message.
  return `${JSON.stringify(doc)}\n`;
}
