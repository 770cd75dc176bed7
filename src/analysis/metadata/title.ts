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
  const core = parts.length > 1 ? parts.slice(0, -1).join('') : (parts[0] ?? '');
  // "hildesheimer-presse.de" names the site "Hildesheimer Presse": compare letters and digits only.
  return core.replace(/[^a-z0-9]/gi, '');
}

/** Whether a title fragment names the site (site name or host, spaces and case ignored). */
export function isSiteName(part: string, ctx: TitleContext): boolean {
  const p = fold(part).replace(/ /g, '');
  if (p.length < 2) return false;
  const site = ctx.siteName ? fold(ctx.siteName).replace(/ /g, '') : '';
  // A part that merely mentions the site ("The Guardian view on Hong Kong") is a headline, not the site: the
  // part may hold the site's name plus a short tag ("Guardian US"), no more.
  if (
    site &&
    (p === site ||
      (p.length >= 4 && site.includes(p)) ||
      (site.length >= 4 && p.includes(site) && p.length <= site.length + 10))
  )
    return true;
  const host = hostCore(ctx.host).toLowerCase();
  if (
    host &&
    (p === host ||
      (p.length >= 4 && host.includes(p)) ||
      (host.length >= 4 && p.startsWith(host) && p.length <= host.length + 10))
  )
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
  /**
   * The first <h2> headings, for pages without an <h1> (templates that style the headline as an h2).
   * Taken only where one agrees with a title: an h2 is as often a sidebar's or a section's heading.
   */
  h2s?: string[];
}

/**
 * A trailing bracketed tag after a headline: an issue number, a format or a status ("(2021/5)",
 * "[PDF]", "(Video)", "(Update)"). Short, so that a headline ending in a real parenthesis keeps it.
 */
const BRACKET_TAG = /\s*(?:\([^()]{1,16}\)|\[[^[\]]{1,16}\])$/;

/** Titles that name no story: a CMS's default page names. */
const GENERIC_TITLE =
  /^(?:home|homepage|home page|start|startseite|index|untitled|welcome|willkommen|accueil|bienvenue|inicio|portada|bienvenido|news|blog|aktuelles|actualités|noticias)$/i;

/** Content words of a title, folded, for comparing an <h1> with a title that words it differently. */
function wordSet(s: string): Set<string> {
  return new Set(
    fold(s)
      .split(' ')
      .filter(w => w.length > 1 || /\d/.test(w)),
  );
}

/** 2|A ∩ B| / (|A| + |B|) over the titles' words: 1 when both use the same words. */
function dice(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return (2 * n) / (A.size + B.size);
}

/**
 * Picks the headline: what the reader sees as the page's headline. An <h1> that agrees with a title (equal to
 * it, to its leading part, or to another part that is not the site's name) wins; else an <h1> worded much like
 * the cleaned title (a headline rewritten for search or social cards); else the cleaned title.
 */
export function pickTitle(c: TitleCandidates, ctx: TitleContext = {}): string | null {
  const metas = c.meta.map(squash).filter(Boolean);
  const doc = squash(c.docTitle);
  // Sphinx and docs generators append a permalink sign to headings ("Evolve: Shared Mutable History¶").
  const heading = (h: string): string => squash(h.replace(/\s*[¶§#]\s*$/, ''));
  const usable = (h: string): boolean => h.length >= 3 && h.length <= 400;
  const h1s = c.h1s.map(heading).filter(usable);
  const pool = [...metas, doc].filter(Boolean);
  const leading = (p: string): string => p.split(SEP)[0] ?? p;
  // The title with and without a trailing bracketed tag: "Der historische Purzelbaum (2021/5)".
  const variants = (p: string): string[] => {
    const bare = p.replace(BRACKET_TAG, '');
    return bare !== p && bare.length >= 3 ? [p, bare] : [p];
  };
  // Folded once for all headings: the whole titles, and their leading parts.
  const whole = pool.flatMap(variants).map(fold);
  const leadingParts = pool.flatMap(p => variants(leading(p))).map(fold);
  const heads = h1s.length ? h1s : (c.h2s ?? []).slice(0, 3).map(heading).filter(usable);
  for (const h of heads) {
    const fh = fold(h);
    if (!fh) continue;
    if (whole.includes(fh)) return h;
    if (!isSiteName(h, ctx) && leadingParts.includes(fh)) return h;
  }
  for (const h of h1s) {
    const fh = fold(h);
    if (!fh || fh.split(' ').length < 2 || isSiteName(h, ctx)) continue;
    for (const p of pool) {
      // "Site | Headline": the headline is the longest part, not a short platform tag ("痞客邦 PIXNET").
      const parts = p.split(SEP);
      if (
        fold(p).length > fh.length &&
        parts.some(part => fold(part) === fh) &&
        parts.every(part => fold(part).length <= fh.length)
      )
        return h;
    }
  }
  const best = metas[0] ?? doc;
  const cleaned = best ? cleanTitle(best, ctx) : '';
  // A placeholder title ("Home", "Startseite") or the bare site name ("Anwalt Niemeyer" on
  // anwaltniemeyer.de) names no page: the page's headline does.
  if (
    cleaned &&
    (GENERIC_TITLE.test(cleaned) || isSiteName(cleaned, ctx)) &&
    h1s[0] &&
    !isSiteName(h1s[0], ctx)
  )
    return h1s[0];
  if (cleaned) {
    // The other titles, cleaned: the <title> often words the headline as the <h1> does when og:title does not.
    const others = pool.slice(1).map(p => cleanTitle(p, ctx));
    for (const h of h1s) {
      if (wordCount(h) < 3 || isSiteName(h, ctx)) continue;
      const fh = fold(h);
      const fc = fold(cleaned);
      // An <h1> holding the title plus a kicker or a site tag ("Tunesien Große Aufgaben ...") is not a rewording.
      if (fh.includes(fc) || fc.includes(fh)) break;
      if (wordCount(cleaned) >= 3 && dice(h, cleaned) >= 0.5) return h;
      if (others.some(o => wordCount(o) >= 3 && !fold(o).includes(fh) && dice(h, o) >= 0.5)) return h;
    }
    return cleaned;
  }
  return h1s[0] ?? null;
}
