/**
 * The published date: which machine date to believe, and in which offset to state it. The metadata's claim
 * (JSON-LD datePublished, article:published_time, ...) is checked against what the page shows at the headline:
 * - a UTC stamp, or a zone-less one that is really UTC, is restated in the offset of the page's own dateline
 *   when the two are the same minute (the reader's day is the local one);
 * - when the shown dateline is the same minute as another published claim of the page but not the first one,
 *   the first one is the odd one out (a UTC wall clock labelled with the local offset, say) and the
 *   corroborated one wins;
 * - a datePublished equal to dateModified is the CMS's last save when a machine dateline at the headline
 *   shows an earlier day: the shown day wins.
 * Pure; never throws on well-formed ISO input (the output of parseDate).
 */
import { inZoneOf, localise, parseDate, sameMinute, utcMinute } from './dates';
import { wordCount } from './text';
import type { Visible } from './visible';

const ZONED = /(Z|[+-]\d\d:\d\d)$/;

/** Published date: the first machine date; a day-only one is refined by a same-day one with a time. */
export function pickDate(cands: (string | null | undefined)[], lang: string | null): string | null {
  const parsed = cands.map(c => (c ? parseDate(c, { lang }) : null)).filter((d): d is string => !!d);
  const best = parsed[0];
  if (!best) return null;
  if (best.length === 10) {
    const finer = parsed.find(d => d.length > 10 && d.startsWith(best));
    if (finer) return finer;
  }
  // The same minute in UTC and in the page's own zone ("...05:57:50Z" and "2019-11-19 21:57:00 -0800"):
  // keep the page's offset (its local day).
  if (best.endsWith('Z')) {
    const local = parsed.find(d => /[+-]\d\d:\d\d$/.test(d) && sameMinute(d, best));
    if (local) return inZoneOf(best, local) ?? local;
  }
  // A zone-less time and the same wall clock with a zone elsewhere: the zone belongs to it.
  if (best.length > 10 && !ZONED.test(best)) {
    const zoned = parsed.find(d => ZONED.test(d) && d.slice(0, 16) === best.slice(0, 16));
    if (zoned) return zoned;
  }
  return best;
}

/** Days between two ISO dates (b - a), by their calendar days. */
function dayGap(a: string, b: string): number {
  return (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
}

/**
 * Checks the chosen published date `p` against the page's other published claims (`claims`, parsed), its
 * modified date and the datelines it shows (`vis.shown`, best first). Returns `p`, or `p` restated in the page's
 * offset, or the shown dateline the page corroborates.
 */
export function reconcile(p: string, claims: string[], modified: string | null, vis: Visible): string {
  // The best dateline, and the other clear ones (a bare date in a "meta" box may be another story's).
  const shown = vis.shown.filter((v, i) => v.iso.length > 10 && (i === 0 || v.score >= 2));
  // The shown dateline is the same minute as the claim: take its offset.
  for (const v of shown) {
    if (ZONED.test(p) && ZONED.test(v.iso) && sameMinute(p, v.iso)) return inZoneOf(p, v.iso) ?? p;
    if (p.endsWith('Z') && !ZONED.test(v.iso)) {
      const local = localise(p, v.iso);
      if (local !== p) return local;
    }
    if (!ZONED.test(p) && p.length > 10 && ZONED.test(v.iso)) {
      // A zone-less claim that is the page's wall clock, or UTC written without its "Z".
      if (v.iso.slice(0, 16) === p.slice(0, 16) || utcMinute(v.iso) === p.slice(0, 16)) return v.iso;
    }
    if (!ZONED.test(p) && !ZONED.test(v.iso) && sameMinute(p, v.iso)) return p;
  }
  // The shown dateline agrees with another claim of the page, not with the first one.
  for (const v of shown) {
    if (v.score < 2) continue;
    const other = claims.find(c => c !== p && c.length > 10 && sameMinute(c, v.iso));
    if (other && !sameMinute(other, p)) return ZONED.test(v.iso) ? (inZoneOf(other, v.iso) ?? v.iso) : v.iso;
  }
  // datePublished == dateModified, and a machine dateline at the headline shows an earlier day.
  // Only when the clear datelines agree on that day: a list of teaser dates at the headline is no dateline.
  const top = vis.shown[0];
  const oneDay = !!top && vis.shown.every(v => v.score < 3 || v.iso.slice(0, 10) === top.iso.slice(0, 10));
  if (modified && (modified === p || sameMinute(modified, p)) && top && top.score >= 3 && oneDay) {
    const gap = dayGap(top.iso, p);
    if (gap >= 1 && gap <= 31) return top.iso;
  }
  return p;
}

const TITLE_SEP = /\s+[|·•–—-]\s+|\s*\|\s*/;

/**
 * A date standing as its own part of the page's title ("08.11.2021 | Online-Fachtag ...", "Headline - 3 May
 * 2021"): news CMSs that show no dateline often put the day there.
 */
export function titleDate(titles: (string | null | undefined)[], lang: string | null): string | null {
  for (const t of titles) {
    if (!t) continue;
    const parts = t.split(TITLE_SEP);
    if (parts.length < 2) continue;
    for (const part of [parts[0], parts[parts.length - 1]]) {
      if (!part || part.length > 40 || wordCount(part) > 5 || !/\d{4}/.test(part)) continue;
      const d = parseDate(part, { lang });
      if (d) return d;
    }
  }
  return null;
}
