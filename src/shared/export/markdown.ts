/**
 * Markdown export: a section per page, each opening with YAML front matter (title, url, authors,
 * published, site, tags, saved), then the key figures as a list and the highlights as
 * blockquotes with their notes and tags.
 *
 * Front matter values are always double-quoted YAML scalars with every special character escaped
 * (`yamlString`), so a title like `Foo: "bar" #1` or one holding `---`, a newline or a control
 * character parses back to exactly itself (unquoted titles break front matter: obsidian-clipper
 * #540/#568). Body text is Markdown-escaped so page text cannot inject links, HTML or headings.
 */
import type { Annotation } from '../types';
import { byPage, quoteOf, type ExportPage, type LibrarySnapshot } from './types';

/** A YAML 1.2 double-quoted scalar that reads back as `s` exactly. */
export function yamlString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff ||
      c === 0xfffe ||
      c === 0xffff
    ) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1]!;
        i++;
      } else out += `\\u${c.toString(16)}`;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

function yamlValue(v: string | null | string[]): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(yamlString).join(', ')}]`;
  return yamlString(v);
}

/** Escape Markdown syntax in one line of page-derived text. */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~]/g, c => `\\${c}`)
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function frontMatter(page: ExportPage, tags: string[]): string {
  const fields: [string, string | null | string[]][] = [
    ['title', page.title],
    ['url', page.url],
    ['authors', page.authors],
    ['published', page.published],
    ['site', page.siteName],
    ['tags', tags],
    ['saved', page.savedAt],
  ];
  return ['---', ...fields.map(([k, v]) => `${k}: ${yamlValue(v)}`), '---'].join('\n');
}

function annotationMarkdown(a: Annotation): string {
  const out: string[] = [];
  const quote = quoteOf(a);
  if (quote)
    out.push(
      lines(quote)
        .map(l => (l ? `> ${escapeMarkdown(l)}` : '>'))
        .join('\n'),
    );
  if (a.note) out.push(lines(a.note).map(escapeMarkdown).join('  \n'));
  const meta = [
    a.tags.length ? `Tags: ${a.tags.map(t => escapeMarkdown(t)).join(', ')}` : '',
    a.color !== 'yellow' ? `Colour: ${a.color}` : '',
    a.orphaned ? 'Not found on the page at the last visit' : '',
  ].filter(Boolean);
  if (meta.length) out.push(`*${meta.join(' · ')}*`);
  return out.join('\n\n');
}

export function toMarkdown(snapshot: LibrarySnapshot): string {
  const sections: string[] = [];
  for (const { page, annotations } of byPage(snapshot)) {
    const tags = [...new Set(annotations.flatMap(a => a.tags))];
    const parts = [
      frontMatter(page, tags),
      `# ${escapeMarkdown((page.title || page.url).replace(/\s+/g, ' '))}`,
    ];
    const figures = page.figures.filter(f => f.key);
    if (figures.length) {
      parts.push(
        '## Key figures',
        figures
          .map(f => `- **${escapeMarkdown(f.text)}**${f.counted ? ` ${escapeMarkdown(f.counted)}` : ''}`)
          .join('\n'),
      );
    }
    const notes = annotations.filter(a => a.kind === 'page-note');
    const highlights = annotations.filter(a => a.kind !== 'page-note');
    if (notes.length) parts.push('## Notes', ...notes.map(annotationMarkdown));
    if (highlights.length) parts.push('## Highlights', ...highlights.map(annotationMarkdown));
    sections.push(parts.join('\n\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
