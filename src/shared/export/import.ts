/**
 * Import: text -> validated, fresh records, before anything touches the database.
 *
 * Accepted: Gleaner's JSON export (json-ld.ts; also a bare AnnotationPage or array of its
 * annotations) and Hypothesis' JSON export ({ annotations: [...] } or an array), mapped to
 * Gleaner records: Hypothesis ids (not UUIDs) become stable derived UUIDs so re-importing is
 * idempotent, `text` becomes the note, `tags` the tags, quote/position selectors are kept
 * (others dropped), annotations on non-web URLs (PDFs, urn:) are skipped and counted.
 *
 * Contract: `parseImport` either throws CallFailure ('bad-request' | 'too-large', with the path
 * of the first bad field) or returns records built field by field by shared/validate.ts. It
 * writes nothing; the background applies the result in one transaction.
 */
import type { ImportFormat } from '../messages';
import { CallFailure } from '../result';
import type { Annotation, Selector } from '../types';
import { tryNormalizePageUrl } from '../url';
import { uuidFrom } from '../uuid';
import * as v from '../validate';
import { safeParse, IMPORT_LIMITS } from './safe-json';
import type { ExportPage } from './types';

export interface ParsedImport {
  pages: ExportPage[];
  annotations: Annotation[];
  /** Records in the file that cannot be imported (duplicates within the file, non-web pages). */
  skipped: number;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function list(x: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(x)) throw new v.ValidationError(path, 'expected an array');
  if (x.length > max) throw new CallFailure('too-large', `${path}: more than ${max} records`);
  return x;
}

/** Our annotation JSON-LD item -> Annotation. */
function fromJsonLd(item: unknown, path: string): Annotation {
  const o = v.obj(item, path);
  const id = v.str(o.id, `${path}.id`, 100).replace(/^urn:uuid:/i, '');
  const target = v.obj(o.target, `${path}.target`);
  const bodies = o.body === undefined ? [] : Array.isArray(o.body) ? o.body : [o.body];
  let note = '';
  const tags: string[] = [];
  for (const [i, b] of bodies.entries()) {
    const body = v.obj(b, `${path}.body[${i}]`);
    const value = v.str(body.value, `${path}.body[${i}].value`, v.LIMITS.note);
    if (body.purpose === 'tagging') tags.push(value);
    else if (!note) note = value;
  }
  const kind = o['gleaner:kind'] ?? (o.motivation === 'commenting' ? 'page-note' : 'highlight');
  return v.annotation(
    {
      id,
      pageUrl: o['gleaner:pageUrl'] ?? target.source,
      target,
      kind,
      color: o['gleaner:color'] ?? 'yellow',
      note,
      tags,
      created: o.created,
      updated: o.modified ?? o.created,
      orphaned: o['gleaner:orphaned'] ?? false,
    },
    path,
  );
}

function parseGleaner(doc: unknown): ParsedImport {
  let items: unknown;
  let pagesIn: unknown = [];
  if (Array.isArray(doc)) items = doc;
  else if (isObj(doc)) {
    if (doc.type === 'AnnotationCollection') {
      const first = v.obj(doc.first ?? { items: [] }, 'first');
      items = first.items ?? [];
      pagesIn = doc['gleaner:pages'] ?? [];
    } else if (doc.type === 'AnnotationPage') items = doc.items ?? [];
    else throw new v.ValidationError('file', 'not a Gleaner export (expected an AnnotationCollection)');
  } else throw new v.ValidationError('file', 'not a Gleaner export');
  const pages = list(pagesIn, 'gleaner:pages', IMPORT_LIMITS.pages).map((p, i): ExportPage => {
    const record: ExportPage = v.pageRecord(p, `gleaner:pages[${i}]`);
    record.implicit = isObj(p) && p.implicit === true;
    return record;
  });
  const annotations = list(items, 'items', IMPORT_LIMITS.annotations).map((a, i) =>
    fromJsonLd(a, `items[${i}]`),
  );
  return dedupe(pages, annotations, 0);
}

function hypothesisSelectors(raw: unknown, path: string): Selector[] {
  if (!Array.isArray(raw)) return [];
  const out: Selector[] = [];
  for (const [i, s] of raw.entries()) {
    if (isObj(s) && (s.type === 'TextQuoteSelector' || s.type === 'TextPositionSelector')) {
      out.push(v.selector(s, `${path}[${i}]`));
    }
  }
  return out;
}

async function parseHypothesis(doc: unknown): Promise<ParsedImport> {
  const rows = list(
    Array.isArray(doc) ? doc : isObj(doc) ? doc.annotations : undefined,
    'annotations',
    IMPORT_LIMITS.annotations,
  );
  const annotations: Annotation[] = [];
  const titles = new Map<string, string>();
  let skipped = 0;
  for (const [i, row] of rows.entries()) {
    const path = `annotations[${i}]`;
    const o = v.obj(row, path);
    const foreignId = v.str(o.id, `${path}.id`, 200);
    const uri = v.str(o.uri, `${path}.uri`, v.LIMITS.url);
    const url = tryNormalizePageUrl(uri);
    if (!url) {
      skipped++;
      continue;
    }
    const targets = Array.isArray(o.target) ? o.target : [];
    const first = targets.find(isObj);
    const selector = first ? hypothesisSelectors(first.selector, `${path}.target[0].selector`) : [];
    const hasQuote = selector.some(s => s.type === 'TextQuoteSelector');
    annotations.push(
      v.annotation(
        {
          id: await uuidFrom('hypothesis', foreignId),
          pageUrl: url,
          target: { source: url, selector: hasQuote ? selector : [] },
          kind: hasQuote ? 'highlight' : 'page-note',
          color: 'yellow',
          note: o.text ?? '',
          tags: o.tags ?? [],
          created: o.created,
          updated: o.updated ?? o.created,
          orphaned: false,
        },
        path,
      ),
    );
    const doc = isObj(o.document) ? o.document : {};
    const title = Array.isArray(doc.title) ? doc.title.find(t => typeof t === 'string') : undefined;
    if (typeof title === 'string' && !titles.has(url)) titles.set(url, title.slice(0, v.LIMITS.title));
  }
  const pages: ExportPage[] = [];
  for (const [url, title] of titles) {
    const at = annotations.find(a => a.pageUrl === url)!.created;
    pages.push({
      ...v.pageRecord({ url, title, savedAt: at, updatedAt: at }, 'page'),
      implicit: false,
    });
  }
  return dedupe(pages, annotations, skipped);
}

/** Later records with the same key replace earlier ones; each replaced one counts as skipped. */
function dedupe(pages: ExportPage[], annotations: Annotation[], skipped: number): ParsedImport {
  const byId = new Map<string, Annotation>();
  for (const a of annotations) {
    if (byId.has(a.id)) skipped++;
    byId.set(a.id, a);
  }
  const byUrl = new Map<string, ExportPage>();
  for (const p of pages) byUrl.set(p.url, p);
  return { pages: [...byUrl.values()], annotations: [...byId.values()], skipped };
}

export async function parseImport(text: string, format: ImportFormat): Promise<ParsedImport> {
  const doc = safeParse(text);
  return format === 'hypothesis' ? parseHypothesis(doc) : parseGleaner(doc);
}
