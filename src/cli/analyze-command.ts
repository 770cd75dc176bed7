/**
 * `gleaner analyze <file.html | dir | -> [--url URL] [--json | --jsonl | --text]`.
 * A directory is walked recursively for .html files, with a progress line per file on stderr. A
 * bad file gets one line on stderr and the run goes on; the exit code is 1 only when no page
 * was analysed (2 for a usage error).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../analysis/index';
import type { PageAnalysis } from '../analysis/types';
import { parseHtml } from './dom';
import { declaredUrl, decodePage, listHtmlFiles, PageError, readPage } from './files';
import { formatReport } from './report';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
}

type Format = 'report' | 'json' | 'jsonl' | 'text';

export const USAGE = `usage: gleaner analyze <file.html | dir | -> [--url URL] [--json | --jsonl | --text]

  file.html   analyse one saved page; dir: every .html file below it; -: HTML on stdin
  --url URL   the page's URL (default: its canonical/og:url, else its file:// URL)
  --json      the full analysis as JSON (a JSON array for a directory)
  --jsonl     one JSON line per page: the analysis plus "file"
  --text      the main text only`;

interface Args {
  target: string;
  url: string | null;
  format: Format;
}

function parseArgs(argv: string[]): Args | string {
  let target: string | null = null;
  let url: string | null = null;
  let format: Format = 'report';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') {
      const v = argv[++i];
      if (!v) return '--url needs a value';
      url = v;
    } else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--json' || a === '--jsonl' || a === '--text') format = a.slice(2) as Format;
    else if (a === '-' || !a.startsWith('-')) {
      if (target !== null) return `unexpected argument: ${a}`;
      target = a;
    } else return `unknown option: ${a}`;
  }
  if (target === null) return 'missing <file.html | dir | ->';
  if (url !== null && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) return `--url is not an absolute URL: ${url}`;
  return { target, url, format };
}

function analyzeHtml(html: string, url: string | null, fallbackUrl: string): PageAnalysis {
  const pageUrl = url ?? declaredUrl(html) ?? fallbackUrl;
  const { dom, document } = parseHtml(html, pageUrl);
  try {
    return analyze(document, { url: pageUrl });
  } finally {
    dom.window.close();
  }
}

export async function runAnalyze(argv: string[], io: Io): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`gleaner analyze: ${args}\n${USAGE}\n`);
    return 2;
  }
  const emit = (a: PageAnalysis, name: string, many: boolean): void => {
    switch (args.format) {
      case 'json':
        io.out(JSON.stringify(many ? { file: name, ...a } : a, null, 2) + '\n');
        break;
      case 'jsonl':
        io.out(JSON.stringify({ ...a, file: name }) + '\n');
        break;
      case 'text':
        io.out((many ? `== ${name}\n` : '') + a.text + '\n');
        break;
      default:
        io.out(formatReport(a, name) + '\n\n');
    }
  };

  if (args.target === '-') {
    try {
      const html = decodePage(await io.readStdin());
      emit(analyzeHtml(html, args.url, 'file:///dev/stdin'), '-', false);
      return 0;
    } catch (e) {
      io.err(`gleaner analyze: -: ${(e as Error).message}\n`);
      return 1;
    }
  }

  let isDir = false;
  try {
    isDir = statSync(args.target).isDirectory();
  } catch (e) {
    io.err(
      `gleaner analyze: ${args.target}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}\n`,
    );
    return 1;
  }
  const files = isDir ? listHtmlFiles(args.target) : [args.target];
  if (files.length === 0) {
    io.err(`gleaner analyze: ${args.target}: no .html files found\n`);
    return 1;
  }
  let ok = 0;
  let failed = 0;
  const jsonArray = isDir && args.format === 'json';
  if (jsonArray) io.out('[\n');
  files.forEach((file, i) => {
    const name = isDir ? path.relative(args.target, file) : file;
    if (isDir) io.err(`[${i + 1}/${files.length}] ${name}\n`);
    try {
      const html = readPage(file);
      const a = analyzeHtml(html, args.url, pathToFileURL(path.resolve(file)).href);
      if (jsonArray) {
        io.out((ok > 0 ? ',\n' : '') + JSON.stringify({ file: name, ...a }, null, 2));
      } else emit(a, name, isDir);
      ok++;
    } catch (e) {
      failed++;
      const msg = e instanceof PageError ? e.message : `failed: ${(e as Error).message ?? String(e)}`;
      io.err(`gleaner analyze: ${name}: ${msg}\n`);
    }
  });
  if (jsonArray) io.out('\n]\n');
  if (isDir) io.err(`${ok} analysed, ${failed} failed\n`);
  return ok > 0 ? 0 : 1;
}
