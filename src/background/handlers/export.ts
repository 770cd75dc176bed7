/** exportLibrary (all formats, three scopes) and importLibrary (validated whole, one transaction). */
import type { ExportFormat, ExportScope, ToBackground } from '../../shared/messages';
import type { Handlers } from '../../shared/rpc';
import { toCsv } from '../../shared/export/csv';
import { toHtml } from '../../shared/export/html';
import { parseImport } from '../../shared/export/import';
import { toJsonLd } from '../../shared/export/json-ld';
import { toMarkdown } from '../../shared/export/markdown';
import type { LibrarySnapshot } from '../../shared/export/types';
import { siteOf } from '../../shared/url';
import * as v from '../../shared/validate';
import { annotationsForPage, filterAnnotations } from '../db/annotations';
import { applyImport, everything, pagesByUrl } from '../db/library';
import { invalidate, search } from '../search/library-index';
import { nowIso } from './auth';

type H = Handlers<ToBackground>;

const FORMATS: Record<ExportFormat, { ext: string; mime: string; render: (s: LibrarySnapshot) => string }> = {
  markdown: { ext: 'md', mime: 'text/markdown;charset=utf-8', render: toMarkdown },
  json: { ext: 'jsonld', mime: 'application/ld+json;charset=utf-8', render: toJsonLd },
  csv: { ext: 'csv', mime: 'text/csv;charset=utf-8', render: toCsv },
  html: { ext: 'html', mime: 'text/html;charset=utf-8', render: toHtml },
};

async function snapshot(scope: ExportScope, exportedAt: string): Promise<LibrarySnapshot> {
  if (scope.kind === 'all') return { ...(await everything()), exportedAt };
  if (scope.kind === 'page') {
    const annotations = await annotationsForPage(scope.url);
    return { pages: await pagesByUrl([scope.url]), annotations, exportedAt };
  }
  const { q, ...filter } = scope.query;
  let annotations = await filterAnnotations({ ...filter, offset: undefined, limit: undefined });
  if (q !== undefined && q.trim()) {
    const hits = await search({ q, limit: Number.MAX_SAFE_INTEGER });
    const ids = new Set(hits.flatMap(h => (h.annotation ? [h.annotation.id] : [])));
    annotations = annotations.filter(a => ids.has(a.id));
  }
  return { pages: await pagesByUrl(annotations.map(a => a.pageUrl)), annotations, exportedAt };
}

export const exportLibrary: H['exportLibrary'] = async (_ctx, rawFormat, rawScope) => {
  const format = FORMATS[v.exportFormat(rawFormat)];
  const scope = v.exportScope(rawScope);
  const exportedAt = nowIso();
  const snap = await snapshot(scope, exportedAt);
  const label = scope.kind === 'page' ? `-${siteOf(scope.url).replace(/[^a-z0-9.-]/gi, '_')}` : '';
  return {
    filename: `gleaner${label}-${exportedAt.slice(0, 10)}.${format.ext}`,
    mime: format.mime,
    text: format.render(snap),
    count: snap.annotations.length,
  };
};

export const importLibrary: H['importLibrary'] = async (_ctx, text, rawFormat) => {
  const format = v.importFormat(rawFormat);
  const parsed = await parseImport(text, format);
  try {
    return await applyImport(parsed, nowIso());
  } finally {
    invalidate();
  }
};
