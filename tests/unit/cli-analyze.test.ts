/**
 * `gleaner analyze` in-process: directory runs with bad files in them (binary, not HTML, too
 * large is covered by the size check), exit codes, output formats, and charset decoding.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze, type Io } from '../../src/cli/analyze-command';
import { decodeHtml, sniffCharset } from '../../src/cli/decode';
import { declaredUrl, decodePage } from '../../src/cli/files';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const NATO = path.join(FIXTURES, 'pages/nato-patriot/index.html');
const CAFE = path.join(FIXTURES, 'cli/cafe-cp1252.html');

function io(stdin = new Uint8Array()): Io & { stdout: string; stderr: string } {
  const r = {
    stdout: '',
    stderr: '',
    out: (s: string) => {
      r.stdout += s;
    },
    err: (s: string) => {
      r.stderr += s;
    },
    readStdin: () => Promise.resolve(stdin),
  };
  return r;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'gleaner-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function makeDir(name: string, files: Record<string, string | Uint8Array | null>): string {
  const dir = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    if (content === null) copyFileSync(rel.includes('cafe') ? CAFE : NATO, p);
    else writeFileSync(p, content);
  }
  return dir;
}

const binary = new Uint8Array(4096).map((_, i) => (i * 7) % 256);

describe('gleaner analyze on a directory', () => {
  const dir = makeDir('mixed', {
    'a/nato.html': null,
    'b/cafe.html': null,
    'b/binary.html': binary,
    'notes.html': 'Just a plain text note saved with the wrong extension.\nNo markup.\n',
    'ignored.txt': 'not an html file name',
  });

  it('analyses the good pages, reports each bad one on one line, exits 0', async () => {
    const r = io();
    const code = await runAnalyze([dir, '--jsonl'], r);
    expect(code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(l => JSON.parse(l) as { file: string; text: string; url: string });
    expect(lines.map(l => l.file).sort()).toEqual(['a/nato.html', 'b/cafe.html']);
    const nato = lines.find(l => l.file === 'a/nato.html')!;
    expect(nato.text).toContain('On July 21st local time');
    // Default URL: the page's canonical URL.
    expect(nato.url).toBe('https://news.example.org/europe/2025/07/21/nato-ukraine-patriot-air-defense.html');
    const cafe = lines.find(l => l.file === 'b/cafe.html')!;
    expect(cafe.url).toMatch(/^file:\/\/.*cafe\.html$/);
    const errors = r.stderr.split('\n').filter(l => l.startsWith('gleaner analyze:'));
    expect(errors).toHaveLength(2);
    expect(errors.find(l => l.includes('binary.html'))).toMatch(/binary/);
    expect(errors.find(l => l.includes('notes.html'))).toMatch(/not HTML/);
    expect(r.stderr).toMatch(/\[1\/4\] a\/nato\.html/);
    expect(r.stderr).toMatch(/2 analysed, 2 failed/);
  });

  it('exits 1 when nothing succeeded', async () => {
    const bad = makeDir('bad', { 'x.html': binary, 'y.html': 'plain words only' });
    const r = io();
    expect(await runAnalyze([bad], r)).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('prints a JSON array with --json and the main texts with --text', async () => {
    const r = io();
    expect(await runAnalyze([dir, '--json'], r)).toBe(0);
    const arr = JSON.parse(r.stdout) as Array<{ file: string }>;
    expect(arr.map(x => x.file).sort()).toEqual(['a/nato.html', 'b/cafe.html']);
    const t = io();
    expect(await runAnalyze([dir, '--text'], t)).toBe(0);
    expect(t.stdout).toContain('== a/nato.html');
  });
});

describe('gleaner analyze on one file', () => {
  it('prints the readable report', async () => {
    const r = io();
    expect(await runAnalyze([NATO], r)).toBe(0);
    expect(r.stdout).toMatch(/Article: +yes \(score /);
    expect(r.stdout).toMatch(/Title: +NATO-Ukraine Defense Contact Group Meeting/);
    expect(r.stdout).toMatch(/Published: +2025-07-21T10:18/);
    expect(r.stdout).toMatch(/Summary:\n {4}1\. /);
  });

  it('prints the full analysis with --json and honours --url', async () => {
    const r = io();
    expect(await runAnalyze([NATO, '--json', '--url', 'https://other.example/x'], r)).toBe(0);
    const a = JSON.parse(r.stdout) as { url: string; meta: { title: string }; timings: object };
    expect(a.url).toBe('https://other.example/x');
    expect(a.meta.title).toMatch(/^NATO/);
    expect(Object.keys(a.timings).sort()).toEqual(['body', 'detect', 'figures', 'metadata', 'summary']);
  });

  it('reads HTML from stdin with -', async () => {
    const r = io(new Uint8Array(readFileSync(NATO)));
    expect(await runAnalyze(['-', '--text'], r)).toBe(0);
    expect(r.stdout).toContain('On July 21st local time');
  });

  it('fails clearly on a missing file, a bad file and bad usage', async () => {
    const missing = io();
    expect(await runAnalyze([path.join(tmp, 'nope.html')], missing)).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
    const bin = path.join(tmp, 'bin.html');
    writeFileSync(bin, binary);
    const b = io();
    expect(await runAnalyze([bin], b)).toBe(1);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    const u = io();
    expect(await runAnalyze(['--bogus'], u)).toBe(2);
    expect(await runAnalyze([NATO, '--url', 'not a url'], io())).toBe(2);
  });
});

describe('charset decoding', () => {
  it('decodes a windows-1252 page by its http-equiv charset', async () => {
    const bytes = new Uint8Array(readFileSync(CAFE));
    expect(sniffCharset(bytes)).toBe('windows-1252');
    const text = decodePage(bytes);
    expect(text).toContain('Le café de la gare');
    const r = io();
    expect(await runAnalyze([CAFE, '--text'], r)).toBe(0);
    expect(r.stdout).toContain('« Nous avons tout refait, du sol au plafond »');
    expect(r.stdout).toContain('carte élargie – crêpes');
    expect(r.stdout).toContain('“C’est un symbole”');
  });

  it('sniffs meta charset, BOMs, and falls back to UTF-8 for unknown labels', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(sniffCharset(enc('<meta charset="ISO-8859-1"><p>x'))).toBe('windows-1252');
    expect(sniffCharset(enc('<meta charset=utf-8>'))).toBe('utf-8');
    expect(sniffCharset(enc('<meta charset="no-such-charset">'))).toBe('utf-8');
    expect(sniffCharset(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(sniffCharset(new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBe('utf-16le');
    const latin1 = new Uint8Array([...enc('<meta charset="iso-8859-1"><p>'), 0xe9, 0xe8]);
    expect(decodeHtml(latin1).text).toContain('éè');
  });

  it('finds the declared URL without parsing', () => {
    expect(declaredUrl('<link href="https://a.example/x" rel="canonical">')).toBe('https://a.example/x');
    expect(declaredUrl("<meta content='https://b.example/y' property='og:url'>")).toBe('https://b.example/y');
    expect(declaredUrl('<link rel="canonical" href="/relative">')).toBeNull();
  });
});
