/**
 * Shared data for the popup and options component tests: an analysis of a sample article, annotations,
 * pages, Result helpers, and the hostile string every view must render as text.
 */
import type { vi as viType } from 'vitest';
import type { Entity, Figure, PageAnalysis } from '../../src/analysis/types';
import type { CallError, ErrorCode, Result } from '../../src/shared/result';
import type { Annotation, Color, PageRecord } from '../../src/shared/types';

type VitestVi = typeof viType;

export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

export const okR = <T>(value: T): Result<T> => ({ ok: true, value });
export const errR = (code: ErrorCode, message = 'nope'): Result<never> => ({
  ok: false,
  error: { code, message } satisfies CallError,
});

export const URL_A = 'https://news.example/a/patriot';

export function figure(p: Partial<Figure> = {}): Figure {
  return {
    text: '1.2 billion dollars',
    start: 0,
    end: 10,
    value: 1_200_000_000,
    unit: 'USD',
    kind: 'money',
    approx: 'eq',
    counted: 'aid package',
    sentence: 'The aid package is worth 1.2 billion dollars.',
    score: 1,
    key: true,
    ...p,
  };
}

export function entity(p: Partial<Entity> = {}): Entity {
  return {
    name: 'Mark Rutte',
    kind: 'person',
    role: 'NATO Secretary-General',
    mentions: 3,
    first: 0,
    key: true,
    ...p,
  };
}

export function analysis(p: Partial<PageAnalysis> = {}): PageAnalysis {
  return {
    url: URL_A,
    isArticle: true,
    articleScore: 0.9,
    reasons: ['article markup', 'long body text'],
    meta: {
      title: 'Allies pledge Patriot systems',
      authors: ['Jane Doe'],
      published: '2026-03-12T10:00:00Z',
      modified: null,
      siteName: 'Example News',
      section: 'World',
      lang: 'en',
      canonicalUrl: null,
      image: null,
      description: null,
    },
    text: '',
    wordCount: 900,
    readingMinutes: 4,
    summary: ['Allies pledged more air defence.', 'Germany leads the effort.'],
    figures: [
      figure({ key: false, text: 'ignored', counted: 'not key' }),
      figure(),
      figure({
        value: 40,
        unit: '',
        kind: 'count',
        approx: 'gt',
        counted: 'Patriot systems',
        text: 'more than 40',
      }),
    ],
    entities: [
      entity(),
      entity({ name: 'NATO', kind: 'organization', role: '', mentions: 5 }),
      entity({ name: 'Nobody', key: false }),
    ],
    timings: { detect: 0, metadata: 0, body: 0, figures: 0, summary: 0 },
    ...p,
  };
}

let n = 0;
export function annotation(p: Partial<Annotation> & { exact?: string; start?: number } = {}): Annotation {
  const { exact = 'a quoted passage', start = 0, ...rest } = p;
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    pageUrl: URL_A,
    target: {
      source: URL_A,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
    kind: 'highlight',
    color: 'yellow' as Color,
    note: '',
    tags: [],
    created: '2026-03-12T10:00:00.000Z',
    updated: '2026-03-12T10:00:00.000Z',
    orphaned: false,
    ...rest,
  };
}

export function pageRecord(p: Partial<PageRecord> = {}): PageRecord {
  return {
    url: URL_A,
    title: 'Allies pledge Patriot systems',
    authors: [],
    published: null,
    siteName: 'Example News',
    lang: 'en',
    summary: [],
    figures: [],
    entities: [],
    savedAt: '2026-03-12T10:00:00.000Z',
    updatedAt: '2026-03-12T10:00:00.000Z',
    annotationCount: 1,
    ...p,
  };
}

/** The mocked popup client (vi.mock factory body): every call is a vi.fn the test programs. */
export function popupClientMock(vi: VitestVi) {
  return {
    targetTab: vi.fn(async () => ({ id: 7, url: null })),
    isRestrictedUrl: vi.fn(() => false),
    pageClient: {
      analysis: vi.fn(),
      reachable: vi.fn(async () => true),
      revealFigure: vi.fn(async () => okR(true)),
      revealAnnotation: vi.fn(async () => okR(true)),
      annotationsChanged: vi.fn(async () => okR(true)),
    },
    libraryClient: {
      getPage: vi.fn(async () => okR(null)),
      savePage: vi.fn(),
      annotationsForPage: vi.fn(async () => okR([])),
      updateAnnotation: vi.fn(),
      deleteAnnotation: vi.fn(),
      restoreAnnotation: vi.fn(),
      listAnnotations: vi.fn(async () => okR({ items: [], total: 0 })),
      listPages: vi.fn(async () => okR({ items: [], total: 0 })),
      search: vi.fn(async () => okR([])),
      stats: vi.fn(async () => okR({ pages: 0, annotations: 0, orphans: 0, tags: [], sites: [] })),
      exportLibrary: vi.fn(),
      importLibrary: vi.fn(),
      settings: vi.fn(async () => ({
        autoDetect: true,
        highlightFigures: true,
        selectionToolbar: true,
        defaultColor: 'yellow',
        colorLabels: { yellow: '', green: 'evidence', blue: '', pink: '', purple: '' },
        excludedSites: [],
      })),
    },
    openAndReveal: vi.fn(async () => okR({ tabId: 9, revealed: true })),
    copyText: vi.fn(async () => okR(true)),
    downloadFile: vi.fn(),
  };
}

/** Nothing in the document is an <img>, and no handler from a hostile string ran. */
export function assertInert(container: Element) {
  if (container.querySelector('img')) throw new Error('an <img> element was created from page text');
  if ((window as unknown as { __pwned?: number }).__pwned) throw new Error('hostile script ran');
}
