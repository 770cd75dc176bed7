/**
 * Fast metadata eval (ours only, no baselines): `tsx bench/metadata-eval.ts [--set readability|trafilatura|zyte] [--half A|B] [--field title|authors|date|exact|site]
 * [--quiet]`. Prints, per labelled set and field, our accuracy and every mismatch (page, expected, got), with the
 * pages split into halves A/B by sha1(page name) so a change tuned on one half can be confirmed on the other.
 * Scoring is bench/lib/metadata-score.ts, the same as `npm run bench:metadata`.
 *
 * Sets: readability expected-metadata (Readability's own reviewed output), trafilatura-eval labels.json (hand
 * labels; empty author/date = "none on the page"), and tests/fixtures/metadata/zyte-labels.json (our own labels of
 * non-reserved Zyte pages, read off the visible page; reserved pages are refused).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import {
  corpusAvailable,
  loadHtml,
  readabilityPages,
  REPO_ROOT,
  trafilaturaPages,
  zytePages,
} from './lib/corpus';
import { authorKey, dateScore, titleOk } from './lib/metadata-score';
import { extractMetadata } from '../src/analysis/metadata/index';
import { fold } from '../src/analysis/metadata/text';
import type { ArticleMeta } from '../src/analysis/types';

const argv = process.argv.slice(2);
const opt = (name: string): string | null => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? null) : null;
};
const onlyHalf = opt('--half');
const onlyField = opt('--field');
const onlySet = opt('--set');
const quiet = argv.includes('--quiet');

export interface Labelled {
  set: string;
  page: string;
  file: string;
  url: string;
  /** undefined: not labelled; '' (authors/date): none on the page. */
  title?: string;
  authors?: string;
  date?: string;
  site?: string;
}

export function halfOf(page: string): 'A' | 'B' {
  return parseInt(createHash('sha1').update(page).digest('hex').slice(0, 1), 16) < 8 ? 'A' : 'B';
}

export interface ZyteLabel {
  title?: string;
  authors?: string;
  date?: string;
}

export const ZYTE_LABELS = path.join(REPO_ROOT, 'tests/fixtures/metadata/zyte-labels.json');

export function labelledPages(): Labelled[] {
  const out: Labelled[] = [];
  for (const p of readabilityPages()) {
    const m = p.meta;
    const s = (k: string): string | undefined => (typeof m[k] === 'string' ? (m[k] as string) : undefined);
    out.push({
      set: 'readability',
      page: p.name,
      file: p.file,
      url: p.url,
      title: s('title'),
      authors: s('byline'),
      date: s('publishedTime'),
      site: s('siteName'),
    });
  }
  for (const p of trafilaturaPages())
    out.push({
      set: 'trafilatura',
      page: p.name,
      file: p.file,
      url: p.url,
      title: p.title || undefined,
      authors: p.author ?? undefined,
      date: p.date ?? undefined,
    });
  if (existsSync(ZYTE_LABELS)) {
    const labels = JSON.parse(readFileSync(ZYTE_LABELS, 'utf8')) as Record<string, ZyteLabel>;
    const zyte = new Map(zytePages().map(p => [p.id, p]));
    for (const [id, l] of Object.entries(labels)) {
      const p = zyte.get(id);
      if (!p) continue;
      if (p.reserved) throw new Error(`zyte-labels.json labels the reserved page ${id}`);
      out.push({ set: 'zyte', page: id.slice(0, 12), file: p.file, url: p.url, ...l });
    }
  }
  return out;
}

function parse(html: string, url: string): Document {
  const vc = new VirtualConsole();
  try {
    return new JSDOM(html, { url, virtualConsole: vc }).window.document;
  } catch {
    const bare = html
      .replace(/<style\b[\s\S]*?<\/style>/gi, '')
      .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
    return new JSDOM(bare, { url, virtualConsole: vc }).window.document;
  }
}

type Field = 'title' | 'authors' | 'date' | 'exact' | 'site';

function judge(l: Labelled, m: ArticleMeta): { field: Field; ok: boolean; want: string; got: string }[] {
  const out: { field: Field; ok: boolean; want: string; got: string }[] = [];
  if (l.title !== undefined)
    out.push({ field: 'title', ok: titleOk(m.title, l.title), want: l.title, got: m.title ?? '' });
  if (l.authors !== undefined) {
    const got = m.authors.join(', ');
    out.push({ field: 'authors', ok: authorKey(got) === authorKey(l.authors), want: l.authors, got });
  }
  if (l.date !== undefined) {
    const d = dateScore(m.published, l.date);
    out.push({ field: 'date', ok: d.day, want: l.date, got: m.published ?? '' });
    if (l.date) out.push({ field: 'exact', ok: d.exact, want: l.date, got: m.published ?? '' });
  }
  if (l.site !== undefined)
    out.push({
      field: 'site',
      ok: !!m.siteName && fold(m.siteName) === fold(l.site),
      want: l.site,
      got: m.siteName ?? '',
    });
  return out;
}

function main(): void {
  if (!corpusAvailable()) {
    console.log('corpus absent: nothing to measure');
    return;
  }
  const counts = new Map<string, { ok: number; n: number }>();
  const misses: string[] = [];
  const times: number[] = [];
  for (const l of labelledPages()) {
    const half = halfOf(l.page);
    if (onlyHalf && half !== onlyHalf) continue;
    if (onlySet && l.set !== onlySet) continue;
    const doc = parse(loadHtml(l.file), l.url);
    const t = performance.now();
    const m = extractMetadata(doc, l.url);
    times.push(performance.now() - t);
    doc.defaultView?.close();
    for (const r of judge(l, m)) {
      for (const key of [`${l.set} ${r.field}`, `${l.set} ${r.field} half-${half}`]) {
        const c = counts.get(key) ?? { ok: 0, n: 0 };
        c.n++;
        if (r.ok) c.ok++;
        counts.set(key, c);
      }
      if (!r.ok && (!onlyField || onlyField === r.field) && r.field !== 'exact')
        misses.push(
          `${l.set}/${l.page} [${half}] ${r.field}: want ${JSON.stringify(r.want)} got ${JSON.stringify(r.got)}`,
        );
      if (!r.ok && r.field === 'exact' && onlyField === 'exact')
        misses.push(`${l.set}/${l.page} [${half}] exact: want ${r.want} got ${r.got}`);
    }
  }
  if (!quiet) for (const s of misses) console.log(s);
  console.log('');
  for (const [k, c] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`${k.padEnd(32)} ${((100 * c.ok) / c.n).toFixed(1).padStart(5)}% (${c.ok}/${c.n})`);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `extractMetadata median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms over ${sorted.length} pages`,
  );
}

main();
