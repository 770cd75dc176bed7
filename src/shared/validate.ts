/**
 * Run-time validation of every payload that crosses into the background. The types in
 * messages.ts are a promise, not a guarantee: a compromised renderer can send anything.
 *
 * Contract: each validator either throws `ValidationError` (code 'bad-request', with the path of
 * the bad field) or returns a FRESH object holding only the known fields, with strings capped
 * and URLs normalised. Nothing from the input object graph (prototypes, extra keys, getters)
 * reaches the database.
 */
import type { Entity, EntityKind, Figure, FigureKind, Approx } from '../analysis/types';
import type {
  AnnotationPatch,
  ExportFormat,
  ExportScope,
  ImportFormat,
  ListAnnotationsQuery,
  ListPagesQuery,
  PageInput,
  PageSort,
  SearchQuery,
} from './messages';
import { CallFailure } from './result';
import {
  COLORS,
  type Annotation,
  type AnnotationKind,
  type Color,
  type PageRecord,
  type Selector,
} from './types';
import { tryNormalizePageUrl } from './url';
import { isUuid } from './uuid';

export const LIMITS = {
  messageBytes: 1024 * 1024,
  url: 8192,
  title: 2000,
  text: 2000,
  quote: 20_000,
  context: 1000,
  note: 100_000,
  tag: 100,
  tags: 100,
  authors: 50,
  summary: 50,
  figures: 1000,
  entities: 1000,
  query: 500,
  pageLimit: 1000,
} as const;

export class ValidationError extends CallFailure {
  constructor(path: string, problem: string) {
    super('bad-request', `${path}: ${problem}`);
    this.name = 'ValidationError';
  }
}

type Obj = Record<string, unknown>;

export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ValidationError(path, 'expected an object');
  return v as Obj;
}

export function str(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new ValidationError(path, 'expected a string');
  if (v.length > max) throw new ValidationError(path, `longer than ${max} characters`);
  return v;
}

export function optStr(v: unknown, path: string, max: number): string | undefined {
  return v === undefined ? undefined : str(v, path, max);
}

export function nullableStr(v: unknown, path: string, max: number): string | null {
  return v === null || v === undefined ? null : str(v, path, max);
}

function num(v: unknown, path: string, min = -Number.MAX_VALUE, max = Number.MAX_VALUE): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ValidationError(path, 'expected a finite number');
  if (v < min || v > max) throw new ValidationError(path, `out of range [${min}, ${max}]`);
  return v;
}

export function int(v: unknown, path: string, min: number, max: number): number {
  const n = num(v, path, min, max);
  if (!Number.isInteger(n)) throw new ValidationError(path, 'expected an integer');
  return n;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ValidationError(path, 'expected true or false');
  return v;
}

export function arr(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) throw new ValidationError(path, 'expected an array');
  if (v.length > max) throw new ValidationError(path, `more than ${max} items`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new ValidationError(path, `expected one of ${options.join(', ')}`);
  }
  return v as T;
}

export function pageUrl(v: unknown, path = 'url'): string {
  const s = str(v, path, LIMITS.url);
  const url = tryNormalizePageUrl(s);
  if (!url) throw new ValidationError(path, 'not an http(s) URL');
  return url;
}

export function annotationId(v: unknown, path = 'id'): string {
  if (!isUuid(typeof v === 'string' ? v.toLowerCase() : v))
    throw new ValidationError(path, 'expected a UUID');
  return (v as string).toLowerCase();
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isoDate(v: unknown, path: string): string {
  const s = str(v, path, 40);
  if (!ISO_RE.test(s) || Number.isNaN(Date.parse(s)))
    throw new ValidationError(path, 'expected an ISO 8601 date');
  return s;
}

/** Tags: trimmed, inner whitespace collapsed, empty ones dropped, duplicates dropped (first kept). */
export function tags(v: unknown, path = 'tags'): string[] {
  const out: string[] = [];
  for (const [i, t] of arr(v, path, LIMITS.tags).entries()) {
    const tag = str(t, `${path}[${i}]`, LIMITS.tag).trim().replace(/\s+/g, ' ');
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function stringList(v: unknown, path: string, maxItems: number, maxLen: number): string[] {
  return arr(v, path, maxItems).map((s, i) => str(s, `${path}[${i}]`, maxLen));
}

export function selector(v: unknown, path: string): Selector {
  const o = obj(v, path);
  if (o.type === 'TextQuoteSelector') {
    return {
      type: 'TextQuoteSelector',
      exact: str(o.exact, `${path}.exact`, LIMITS.quote),
      prefix: str(o.prefix ?? '', `${path}.prefix`, LIMITS.context),
      suffix: str(o.suffix ?? '', `${path}.suffix`, LIMITS.context),
    };
  }
  if (o.type === 'TextPositionSelector') {
    const start = int(o.start, `${path}.start`, 0, 2 ** 31);
    const end = int(o.end, `${path}.end`, start, 2 ** 31);
    return { type: 'TextPositionSelector', start, end };
  }
  throw new ValidationError(`${path}.type`, 'expected TextQuoteSelector or TextPositionSelector');
}

export function target(v: unknown, path = 'target'): Annotation['target'] {
  const o = obj(v, path);
  return {
    source: pageUrl(o.source, `${path}.source`),
    selector: arr(o.selector, `${path}.selector`, 8).map((s, i) => selector(s, `${path}.selector[${i}]`)),
  };
}

const KINDS: readonly AnnotationKind[] = ['highlight', 'figure', 'page-note'];

/**
 * A whole annotation as a caller sends it. `updated` is taken as given (the handlers overwrite
 * it for new writes); `target.source` must name the same page as `pageUrl`.
 */
export function annotation(v: unknown, path = 'annotation'): Annotation {
  const o = obj(v, path);
  const a: Annotation = {
    id: annotationId(o.id, `${path}.id`),
    pageUrl: pageUrl(o.pageUrl, `${path}.pageUrl`),
    target: target(o.target, `${path}.target`),
    kind: oneOf(o.kind, `${path}.kind`, KINDS),
    color: oneOf(o.color, `${path}.color`, COLORS),
    note: str(o.note ?? '', `${path}.note`, LIMITS.note),
    tags: tags(o.tags ?? [], `${path}.tags`),
    created: isoDate(o.created, `${path}.created`),
    updated: isoDate(o.updated ?? o.created, `${path}.updated`),
    orphaned: bool(o.orphaned ?? false, `${path}.orphaned`),
  };
  if (a.target.source !== a.pageUrl)
    throw new ValidationError(`${path}.target.source`, 'differs from pageUrl');
  if (a.kind !== 'page-note' && !a.target.selector.some(s => s.type === 'TextQuoteSelector')) {
    throw new ValidationError(`${path}.target.selector`, 'a highlight needs a TextQuoteSelector');
  }
  return a;
}

export function annotationPatch(v: unknown, path = 'patch'): AnnotationPatch {
  const o = obj(v, path);
  const p: AnnotationPatch = { id: annotationId(o.id, `${path}.id`) };
  if (o.note !== undefined) p.note = str(o.note, `${path}.note`, LIMITS.note);
  if (o.tags !== undefined) p.tags = tags(o.tags, `${path}.tags`);
  if (o.color !== undefined) p.color = oneOf(o.color, `${path}.color`, COLORS);
  if (o.orphaned !== undefined) p.orphaned = bool(o.orphaned, `${path}.orphaned`);
  if (o.target !== undefined) p.target = target(o.target, `${path}.target`);
  return p;
}

const FIGURE_KINDS: readonly FigureKind[] = [
  'money',
  'percent',
  'count',
  'measure',
  'duration',
  'date',
  'year',
  'time',
  'ratio',
  'ordinal',
  'score',
];
const APPROX: readonly Approx[] = ['eq', 'approx', 'gt', 'gte', 'lt', 'lte'];
const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'place'];

export function figure(v: unknown, path: string): Figure {
  const o = obj(v, path);
  let value: Figure['value'];
  if (typeof o.value === 'string') value = str(o.value, `${path}.value`, 100);
  else if (Array.isArray(o.value) && o.value.length === 2) {
    value = [num(o.value[0], `${path}.value[0]`), num(o.value[1], `${path}.value[1]`)];
  } else value = num(o.value, `${path}.value`);
  return {
    text: str(o.text, `${path}.text`, LIMITS.text),
    start: int(o.start, `${path}.start`, 0, 2 ** 31),
    end: int(o.end, `${path}.end`, 0, 2 ** 31),
    value,
    unit: str(o.unit ?? '', `${path}.unit`, 50),
    kind: oneOf(o.kind, `${path}.kind`, FIGURE_KINDS),
    approx: oneOf(o.approx ?? 'eq', `${path}.approx`, APPROX),
    counted: str(o.counted ?? '', `${path}.counted`, LIMITS.text),
    sentence: str(o.sentence ?? '', `${path}.sentence`, LIMITS.quote),
    score: num(o.score ?? 0, `${path}.score`),
    key: bool(o.key ?? false, `${path}.key`),
  };
}

export function entity(v: unknown, path: string): Entity {
  const o = obj(v, path);
  return {
    name: str(o.name, `${path}.name`, LIMITS.text),
    kind: oneOf(o.kind, `${path}.kind`, ENTITY_KINDS),
    role: str(o.role ?? '', `${path}.role`, LIMITS.text),
    mentions: int(o.mentions ?? 0, `${path}.mentions`, 0, 2 ** 31),
    first: int(o.first ?? 0, `${path}.first`, 0, 2 ** 31),
    key: bool(o.key ?? false, `${path}.key`),
  };
}

export function pageInput(v: unknown, path = 'page'): PageInput {
  const o = obj(v, path);
  return {
    url: pageUrl(o.url, `${path}.url`),
    title: str(o.title ?? '', `${path}.title`, LIMITS.title),
    authors: stringList(o.authors ?? [], `${path}.authors`, LIMITS.authors, LIMITS.text),
    published: nullableStr(o.published, `${path}.published`, 100),
    siteName: nullableStr(o.siteName, `${path}.siteName`, LIMITS.text),
    lang: nullableStr(o.lang, `${path}.lang`, 35),
    summary: stringList(o.summary ?? [], `${path}.summary`, LIMITS.summary, LIMITS.quote),
    figures: arr(o.figures ?? [], `${path}.figures`, LIMITS.figures).map((f, i) =>
      figure(f, `${path}.figures[${i}]`),
    ),
    entities: arr(o.entities ?? [], `${path}.entities`, LIMITS.entities).map((e, i) =>
      entity(e, `${path}.entities[${i}]`),
    ),
  };
}

/** A whole stored page record (imports). `annotationCount` is recomputed by the importer. */
export function pageRecord(v: unknown, path = 'page'): PageRecord {
  const o = obj(v, path);
  return {
    ...pageInput(o, path),
    savedAt: isoDate(o.savedAt, `${path}.savedAt`),
    updatedAt: isoDate(o.updatedAt ?? o.savedAt, `${path}.updatedAt`),
    annotationCount: int(o.annotationCount ?? 0, `${path}.annotationCount`, 0, 2 ** 31),
  };
}

function paging(o: Obj, path: string): { offset?: number; limit?: number } {
  const out: { offset?: number; limit?: number } = {};
  if (o.offset !== undefined) out.offset = int(o.offset, `${path}.offset`, 0, 2 ** 31);
  if (o.limit !== undefined) out.limit = int(o.limit, `${path}.limit`, 1, LIMITS.pageLimit);
  return out;
}

function dateRange(o: Obj, path: string): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (o.from !== undefined) out.from = isoDate(o.from, `${path}.from`);
  if (o.to !== undefined) out.to = isoDate(o.to, `${path}.to`);
  return out;
}

const SORTS: readonly PageSort[] = ['updated', 'saved', 'title'];

export function listPagesQuery(v: unknown, path = 'query'): ListPagesQuery {
  const o = obj(v ?? {}, path);
  const q: ListPagesQuery = { ...paging(o, path), ...dateRange(o, path) };
  if (o.sort !== undefined) q.sort = oneOf(o.sort, `${path}.sort`, SORTS);
  if (o.site !== undefined) q.site = str(o.site, `${path}.site`, LIMITS.text);
  if (o.tag !== undefined) q.tag = str(o.tag, `${path}.tag`, LIMITS.tag);
  return q;
}

export function listAnnotationsQuery(v: unknown, path = 'query'): ListAnnotationsQuery {
  const o = obj(v ?? {}, path);
  const q: ListAnnotationsQuery = { ...paging(o, path), ...dateRange(o, path) };
  if (o.pageUrl !== undefined) q.pageUrl = pageUrl(o.pageUrl, `${path}.pageUrl`);
  if (o.site !== undefined) q.site = str(o.site, `${path}.site`, LIMITS.text);
  if (o.tag !== undefined) q.tag = str(o.tag, `${path}.tag`, LIMITS.tag);
  if (o.color !== undefined) q.color = oneOf<Color>(o.color, `${path}.color`, COLORS);
  return q;
}

export function searchQuery(v: unknown, path = 'query'): SearchQuery {
  const o = obj(v, path);
  const q: SearchQuery = { q: str(o.q, `${path}.q`, LIMITS.query) };
  if (o.limit !== undefined) q.limit = int(o.limit, `${path}.limit`, 1, LIMITS.pageLimit);
  if (o.site !== undefined) q.site = str(o.site, `${path}.site`, LIMITS.text);
  if (o.tag !== undefined) q.tag = str(o.tag, `${path}.tag`, LIMITS.tag);
  if (o.color !== undefined) q.color = oneOf<Color>(o.color, `${path}.color`, COLORS);
  if (o.shape !== undefined) q.shape = oneOf(o.shape, `${path}.shape`, ['full', 'rows'] as const);
  return q;
}

export function exportFormat(v: unknown): ExportFormat {
  return oneOf(v, 'format', ['markdown', 'json', 'csv', 'html'] as const);
}

export function importFormat(v: unknown): ImportFormat {
  return oneOf(v, 'format', ['json', 'hypothesis'] as const);
}

export function exportScope(v: unknown, path = 'scope'): ExportScope {
  const o = obj(v ?? { kind: 'all' }, path);
  const kind = oneOf(o.kind, `${path}.kind`, ['all', 'page', 'filter'] as const);
  if (kind === 'all') return { kind };
  if (kind === 'page') return { kind, url: pageUrl(o.url, `${path}.url`) };
  const qo = obj(o.query ?? {}, `${path}.query`);
  const query: ListAnnotationsQuery & { q?: string } = listAnnotationsQuery(qo, `${path}.query`);
  if (qo.q !== undefined) query.q = str(qo.q, `${path}.query.q`, LIMITS.query);
  return { kind, query };
}

/**
 * Size of a payload as it would travel (UTF-8 JSON bytes), stopping early once over `max`.
 * Throws 'too-large' past the cap; a payload that cannot be serialised is a bad request.
 */
export function checkSize(args: unknown, max: number = LIMITS.messageBytes): void {
  let json: string | undefined;
  try {
    json = JSON.stringify(args);
  } catch {
    throw new ValidationError('payload', 'not serialisable');
  }
  // Characters are a lower bound of UTF-8 bytes; count bytes only when it could matter.
  const length = json?.length ?? 0;
  if (length > max || (length * 3 > max && new TextEncoder().encode(json).length > max)) {
    throw new CallFailure('too-large', `payload over ${Math.round(max / 1024)} KiB`);
  }
}
