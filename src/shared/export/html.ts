/**
 * HTML export: one standalone, readable page (inline style, no script, a CSP that forbids
 * everything but that style). Every page-derived string goes through `escapeHtml`; links are
 * emitted only for http(s) URLs.
 */
import type { Annotation } from '../types';
import { byPage, quoteOf, type ExportPage, type LibrarySnapshot } from './types';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url)
    ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-top:1px solid #ddd;padding-top:1rem}
.meta{color:#666;font-size:.9rem}blockquote{margin:1rem 0;padding:.25rem .75rem;border-left:4px solid #ccc}
blockquote.yellow{border-color:#e6c200}blockquote.green{border-color:#3a3}blockquote.blue{border-color:#37c}
blockquote.pink{border-color:#d4a}blockquote.purple{border-color:#85c}.note{white-space:pre-wrap;margin:.25rem 0 0}
.tags{color:#555;font-size:.85rem}.orphan{color:#a50;font-size:.85rem}`;

function annotationHtml(a: Annotation): string {
  const parts: string[] = [];
  const quote = quoteOf(a);
  if (quote) parts.push(`<blockquote class="${a.color}">${escapeHtml(quote)}</blockquote>`);
  if (a.note) parts.push(`<p class="note">${escapeHtml(a.note)}</p>`);
  if (a.tags.length) parts.push(`<p class="tags">${a.tags.map(t => `#${escapeHtml(t)}`).join(' ')}</p>`);
  if (a.orphaned) parts.push(`<p class="orphan">Not found on the page at the last visit.</p>`);
  return `<div class="annotation" id="a-${escapeHtml(a.id)}">${parts.join('')}</div>`;
}

function pageHtml(page: ExportPage, annotations: Annotation[]): string {
  const meta = [
    page.authors.length ? escapeHtml(page.authors.join(', ')) : '',
    page.siteName ? escapeHtml(page.siteName) : '',
    page.published ? escapeHtml(page.published.slice(0, 10)) : '',
  ].filter(Boolean);
  const figures = page.figures.filter(f => f.key);
  return [
    `<section>`,
    `<h2>${link(page.url, page.title || page.url)}</h2>`,
    meta.length ? `<p class="meta">${meta.join(' · ')}</p>` : '',
    figures.length
      ? `<h3>Key figures</h3><ul>${figures
          .map(
            f =>
              `<li><strong>${escapeHtml(f.text)}</strong>${f.counted ? ` ${escapeHtml(f.counted)}` : ''}</li>`,
          )
          .join('')}</ul>`
      : '',
    annotations.map(annotationHtml).join('\n'),
    `</section>`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function toHtml(snapshot: LibrarySnapshot): string {
  const groups = byPage(snapshot);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Gleaner">
<title>Gleaner library, ${escapeHtml(snapshot.exportedAt.slice(0, 10))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Gleaner library</h1>
<p class="meta">${groups.length} pages, ${snapshot.annotations.length} annotations, exported ${escapeHtml(snapshot.exportedAt)}</p>
${groups.map(g => pageHtml(g.page, g.annotations)).join('\n')}
</body>
</html>
`;
}
