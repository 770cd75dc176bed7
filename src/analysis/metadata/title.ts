/**
 * Title choice and cleaning. The page's headline is where og:title / JSON-LD headline / <title>
 * and the <h1> agree; a site name is stripped from "Headline | Site", "Headline - Site" and
 * "Site: Headline" only when the stripped part is the site (by name or host) or the split is
 * clearly unbalanced (a short tag after a long headline). Never throws.
 */
import { fold, squash, wordCount } from './text';

export interface TitleContext {
  siteName?: string | null;
  host?: string;
}

const SEP = /\s+[|·•»«~–—-]\s+|\s*\|\s*|\s+::\s+|\s+\/\/\s+/;

function hostCore(host: string | undefined): string {
  if (!host) return '';
  const parts = host.replace(/^www\d*\./, '').split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('') : (parts[0] ?? '');
}

/** Whether a title fragment names the site (site name or host, spaces and case ignored). */
export function isSiteName(part: string, ctx: TitleContext): boolean {
  const p = fold(part).replace(/ /g, '');
  if (p.length < 2) return false;
  const site = ctx.siteName ? fold(ctx.siteName).replace(/ /g, '') : '';
  if (site && (p === site || (p.length >= 4 && site.includes(p)) || (site.length >= 4 && p.includes(site))))
    return true;
  const host = hostCore(ctx.host).toLowerCase();
  if (host && (p === host || (p.length >= 4 && host.includes(p)) || (host.length >= 4 && p.startsWith(host))))
    return true;
  return false;
}

/** Strips site names from either end of a title. */
export function cleanTitle(raw: string | null | undefined, ctx: TitleContext = {}): string {
  let t = squash(raw);
  if (!t) return '';
  for (let i = 0; i < 3; i++) {
    const parts = t.split(SEP);
    if (parts.length < 2) break;
    const last = parts[parts.length - 1] ?? '';
    const first = parts[0] ?? '';
    const lastSep = lastSeparator(t);
    if (isSiteName(last, ctx)) {
      t = t.slice(0, lastSep.index).trim();
      continue;
    }
    if (isSiteName(first, ctx)) {
      const fs = SEP.exec(t);
      if (fs) t = t.slice(fs.index + fs[0].length).trim();
      continue;
    }
    // Unbalanced: "A long headline of many words | Short Tag".
    const rest = t.slice(0, lastSep.index);
    const lw = wordCount(last);
    const rw = wordCount(rest);
    // Dashes also join headline parts ("Hund vertreibt Einbrecher – Zeugenaufruf"): only bars and
    // the like mark a tag by shape alone.
    if (!/[-–—]/.test(lastSep.sep) && lw <= 4 && rw >= 3 && rw >= 2 * lw) {
      t = rest.trim();
      continue;
    }
    break;
  }
  // "Site: Headline"
  const colon = /^([^:]{2,40}):\s+(.{10,})$/.exec(t);
  if (colon && colon[1] && colon[2] && isSiteName(colon[1], ctx)) t = colon[2];
  return squash(t);
}

function lastSeparator(t: string): { index: number; sep: string } {
  const re = new RegExp(SEP.source, 'g');
  let m: RegExpExecArray | null;
  let found = { index: t.length, sep: '' };
  while ((m = re.exec(t))) {
    found = { index: m.index, sep: m[0] };
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

export interface TitleCandidates {
  /** In priority order: citation_title, JSON-LD headline, og:title, twitter:title, DC.title, parsely-title. */
  meta: string[];
  docTitle: string;
  h1s: string[];
}

/** Picks the headline. */
export function pickTitle(c: TitleCandidates, ctx: TitleContext = {}): string | null {
  const metas = c.meta.map(squash).filter(Boolean);
  const doc = squash(c.docTitle);
  const h1s = c.h1s.map(squash).filter(h => h.length >= 3 && h.length <= 400);
  const pool = [...metas, doc].filter(Boolean);
  // An h1 that equals a title or one of its separated parts is the headline, site names aside.
  for (const h of h1s) {
    const fh = fold(h);
    if (!fh) continue;
    for (const p of pool) {
      const fp = fold(p);
      if (fp === fh) return h;
      if (fp.length > fh.length && fh.split(' ').length >= 2 && p.split(SEP).some(part => fold(part) === fh))
        return h;
    }
  }
  const best = metas[0] ?? doc;
  if (best) {
    const cleaned = cleanTitle(best, ctx);
    if (cleaned) return cleaned;
  }
  return h1s[0] ?? null;
}
