/**
 * Generic access to ../shared/corpus for benchmarks and corpus-based tests: list the pages of
 * each corpus and load them as strings decoded by their declared charset. Every function returns
 * an empty list when the corpus is absent, so callers can skip cleanly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../src/cli/decode';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS_DIR, 'README.md'));
}

/** Reads a page file and decodes it by BOM / meta charset (default utf-8). */
export function loadHtml(file: string): string {
  return decodeHtml(new Uint8Array(readFileSync(file))).text;
}

export interface ZytePage {
  id: string;
  file: string;
  url: string;
  /** Ground-truth article body. */
  body: string;
  /** Listed in zyte/RESERVED.txt: measure only, never tune on it. */
  reserved: boolean;
}

export function zytePages(): ZytePage[] {
  const dir = path.join(CORPUS_DIR, 'zyte');
  if (!existsSync(dir)) return [];
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const reserved = new Set(
    readFileSync(path.join(dir, 'RESERVED.txt'), 'utf8')
      .split('\n')
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#'))
      .map(l => l.replace(/\.html$/, '')),
  );
  return Object.keys(truth)
    .sort()
    .map(id => ({
      id,
      file: path.join(dir, 'html', `${id}.html`),
      url: truth[id]!.url,
      body: truth[id]!.articleBody,
      reserved: reserved.has(id),
    }))
    .filter(p => existsSync(p.file));
}

export interface ReadabilityPage {
  name: string;
  file: string;
  /** The URL Readability's own tests load the pages with. */
  url: string;
  expectedText: string;
  meta: Record<string, unknown>;
}

export function readabilityPages(): ReadabilityPage[] {
  const dir = path.join(CORPUS_DIR, 'readability');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter(name => existsSync(path.join(dir, name, 'source.html')))
    .map(name => {
      const metaFile = path.join(dir, name, 'expected-metadata.json');
      const textFile = path.join(dir, name, 'expected.txt');
      return {
        name,
        file: path.join(dir, name, 'source.html'),
        url: 'http://fakehost/test/page.html',
        expectedText: existsSync(textFile) ? readFileSync(textFile, 'utf8') : '',
        meta: existsSync(metaFile)
          ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>)
          : {},
      };
    });
}

export interface TrafilaturaPage {
  name: string;
  file: string;
  url: string;
  title: string | null;
  author: string | null;
  date: string | null;
  with: string[];
  without: string[];
}

export function trafilaturaPages(): TrafilaturaPage[] {
  const dir = path.join(CORPUS_DIR, 'trafilatura-eval');
  if (!existsSync(dir)) return [];
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<
    string,
    Partial<Omit<TrafilaturaPage, 'name' | 'file'>>
  >;
  return Object.keys(labels)
    .sort()
    .map(name => {
      const l = labels[name]!;
      return {
        name,
        file: path.join(dir, 'html', name),
        url: l.url ?? 'http://localhost/',
        title: l.title ?? null,
        author: l.author ?? null,
        date: l.date ?? null,
        with: l.with ?? [],
        without: l.without ?? [],
      };
    })
    .filter(p => existsSync(p.file));
}
