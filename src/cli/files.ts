/**
 * Reading pages for the CLI: size limit, binary and not-HTML checks, charset decoding, and the
 * directory walk. Every failure is an Error with a one-line message meant for the user.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeHtml } from './decode';

export const MAX_BYTES = 50 * 1024 * 1024;

export class PageError extends Error {}

/** Rejects binary data and text that has no HTML markup in its first 64 KB. */
export function checkHtml(bytes: Uint8Array): void {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16) {
    let controls = 0;
    for (const b of head) {
      if (b === 0) throw new PageError('binary file (contains NUL bytes), not HTML');
      if (b < 9 || (b > 13 && b < 32)) controls++;
    }
    if (controls > head.length / 10) throw new PageError('binary file, not HTML');
  }
}

export function decodePage(bytes: Uint8Array): string {
  checkHtml(bytes);
  const { text } = decodeHtml(bytes);
  if (
    !/<(!doctype\s+html|html|head|body|meta|title|div|p|article|main|section|span|table|h[1-6]|a\s)[\s>]/i.test(
      text.slice(0, 65536),
    )
  ) {
    throw new PageError('not HTML (no HTML markup found)');
  }
  return text;
}

export function readPage(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new PageError('not a regular file');
    size = st.size;
  } catch (e) {
    if (e instanceof PageError) throw e;
    throw new PageError(`unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > MAX_BYTES) throw new PageError(`too large (${(size / 1048576).toFixed(1)} MB > 50 MB)`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new PageError(`unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return decodePage(bytes);
}

/** Every .html/.htm file below `dir`, sorted, following no symlinked directories. */
export function listHtmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.x?html?$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The page's own URL from <link rel=canonical> or og:url, found without parsing the page. */
export function declaredUrl(html: string): string | null {
  const head = html.slice(0, 300_000);
  for (const m of head.matchAll(/<(link|meta)\b[^>]{0,2000}>/gi)) {
    const tag = m[0];
    const isCanonical = m[1]!.toLowerCase() === 'link' && /\brel\s*=\s*["']?canonical\b/i.test(tag);
    const isOg = m[1]!.toLowerCase() === 'meta' && /\bproperty\s*=\s*["']?og:url\b/i.test(tag);
    if (!isCanonical && !isOg) continue;
    const v = /\b(?:href|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const url = (v?.[1] ?? v?.[2] ?? v?.[3] ?? '').trim();
    if (/^https?:\/\/[^\s]+$/i.test(url)) return url;
  }
  return null;
}
