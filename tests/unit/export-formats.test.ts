/**
 * The export formats as pure functions: YAML front matter that round-trips hostile titles, CSV
 * quoting and formula guards, HTML escaping, Markdown escaping.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, CSV_COLUMNS, toCsv } from '../../src/shared/export/csv';
import { escapeHtml, toHtml } from '../../src/shared/export/html';
import { toJsonLd } from '../../src/shared/export/json-ld';
import { escapeMarkdown, toMarkdown, yamlString } from '../../src/shared/export/markdown';
import type { LibrarySnapshot } from '../../src/shared/export/types';
import type { PageRecord } from '../../src/shared/types';
import { makeAnnotation, makePage } from './storage-fixtures';

const yaml = (await import('js-yaml' as string).catch(() => null)) as { load(s: string): unknown } | null;

const HOSTILE = [
  'Foo: "bar" #1',
  "it's --- a 'test'",
  '---',
  '- list? [a, b] {c: d} & *ref !tag %dir @at `tick`',
  'line\nbreak\r\nand\ttab',
  'null',
  'yes',
  '0x1F',
  '\u2028sep\u2029\u0085nel\u0000nul\u007f\u009f',
  'emoji 😀 and ünïcödé',
  'trailing space ',
  '\\ backslash \\n',
  '<script>alert(1)</script>',
];

function page(title: string, extra: Partial<PageRecord> = {}): PageRecord {
  return {
    ...makePage('https://news.example.org/a?x=1', { title }),
    savedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    annotationCount: 1,
    ...extra,
  };
}

function snap(title: string, note = 'a note', tags = ['t']): LibrarySnapshot {
  const p = page(title);
  return {
    pages: [p],
    annotations: [makeAnnotation(1, p.url, { note, tags })],
    exportedAt: '2026-11-26T12:00:00.000Z',
  };
}

/** The front matter of the first section of a Markdown export. */
function frontMatter(md: string): string {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error('no front matter');
  return m[1]!;
}

describe('markdown', () => {
  it.skipIf(!yaml)('front matter round-trips hostile titles, authors and tags through a YAML parser', () => {
    for (const title of HOSTILE) {
      const s = snap(title, 'n', [title]);
      s.pages[0]!.authors = [title, 'B'];
      const parsed = yaml!.load(frontMatter(toMarkdown(s))) as Record<string, unknown>;
      expect(parsed.title, JSON.stringify(title)).toBe(title);
      expect(parsed.authors).toEqual([title, 'B']);
      expect(parsed.tags).toEqual([title]);
      expect(parsed.url).toBe('https://news.example.org/a?x=1');
      expect(parsed.published).toBe('2026-11-20T08:00:00Z');
    }
  });

  it('quotes every value so `Foo: "bar" #1` stays one string', () => {
    expect(yamlString('Foo: "bar" #1')).toBe('"Foo: \\"bar\\" #1"');
    expect(yamlString('a\u2028b\u0000')).toBe('"a\\u2028b\\u0000"');
  });

  it('escapes Markdown in quotes, notes and titles and lays out sections', () => {
    const s = snap('# [Click](javascript:alert(1)) <b>x</b>', '- not a list\n1. nor this\n**bold**');
    const md = toMarkdown(s);
    expect(md).toContain('# \\# \\[Click\\](javascript:alert(1)) \\<b\\>x\\</b\\>');
    expect(md).toContain('\\- not a list  \n1\\. nor this  \n\\*\\*bold\\*\\*');
    expect(md).toContain('## Key figures\n\n- **$1.2 billion** in aid');
    expect(md).toMatch(/## Highlights\n\n> .+#1/);
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    // Raw HTML only inside the quoted YAML value, never in the Markdown body.
    expect(md.slice(md.indexOf('\n---\n', 3) + 5)).not.toContain('<b>');
  });
});

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF) for checking the output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csv', () => {
  it('guards formula leaders and quotes per RFC 4180', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', ' =', '＝']) {
      expect(csvCell(`${lead}SUM(A1)`).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('2026-01-01')).toBe('2026-01-01');
  });

  it('writes one row per annotation that parses back to the values', () => {
    const s = snap('=HYPERLINK("http://evil")', '@cmd, "quoted"\r\nnext', ['-x', 'y']);
    const text = toCsv(s);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row.page_title).toBe(`'=HYPERLINK("http://evil")`);
    expect(row.note).toBe(`'@cmd, "quoted"\r\nnext`);
    expect(row.tags).toBe("'-x; y");
    expect(row.id).toBe(makeAnnotation(1).id);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('html', () => {
  it('escapes every page-derived string and links only http(s)', () => {
    const s = snap('<img src=x onerror=alert(1)>', '</p><script>alert(2)</script>', ['<b>"t"</b>']);
    s.pages[0]!.authors = ['"><svg onload=alert(3)>'];
    s.annotations[0]!.target.selector[0] = {
      type: 'TextQuoteSelector',
      exact: "<iframe src='x'>",
      prefix: '',
      suffix: '',
    };
    const html = toHtml(s);
    expect(html).not.toMatch(/<(img|script|svg|iframe|b)\b/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(html).toContain('&lt;iframe src=&#39;x&#39;&gt;');
    expect(html).toContain('<a href="https://news.example.org/a?x=1">');
    expect(html).toContain('Content-Security-Policy');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    const js = snap('t');
    js.pages[0]!.url = 'javascript:alert(1)';
    js.annotations[0]!.pageUrl = 'javascript:alert(1)';
    expect(toHtml(js)).not.toContain('href="javascript');
  });
});

describe('json-ld', () => {
  it('writes a W3C AnnotationCollection with notes and tags as bodies', () => {
    const doc = JSON.parse(toJsonLd(snap('T', 'my note', ['a', 'b'])));
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage' } });
    const item = doc.first.items[0];
    expect(item.id).toBe(`urn:uuid:${makeAnnotation(1).id}`);
    expect(item.motivation).toBe('highlighting');
    expect(item.body).toEqual([
      { type: 'TextualBody', value: 'my note', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'a', purpose: 'tagging' },
      { type: 'TextualBody', value: 'b', purpose: 'tagging' },
    ]);
    expect(item.target.selector[0].type).toBe('TextQuoteSelector');
    expect(doc['gleaner:pages'][0].title).toBe('T');
  });
});
