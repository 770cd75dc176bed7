/**
 * Page identity: one normalised URL per article, so the same story reached through a newsletter
 * link, a social share or an in-page anchor lands on the same PageRecord.
 *
 * Contract of `normalizePageUrl`: http(s) only; no fragment, no credentials; host lower-cased
 * (the URL parser does it), default ports dropped; tracking parameters removed (utm_*, fbclid,
 * gclid, mc_*, ...); the remaining, meaningful query kept and sorted by name (stable, so repeated
 * names keep their order); an empty query dropped. Idempotent: normalising twice changes nothing.
 */

/** Parameter-name prefixes used only for campaign tracking. */
const TRACKING_PREFIXES = ['utm_', 'mc_', 'pk_', 'mtm_', 'piwik_', 'hsa_', '_hs', 'vero_', 'oly_', 'ga_'];

/** Exact parameter names used only for click/ad/referral tracking. */
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'cmpid',
  's_cid',
  'ncid',
  'sr_share',
  'spm',
  'si',
]);

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_NAMES.has(n) || TRACKING_PREFIXES.some(p => n.startsWith(p));
}

/**
 * Recent results: an import or a page's annotations repeat the same few URLs thousands of times,
 * and parsing a URL costs tens of microseconds. Bounded; cleared when full.
 */
const memo = new Map<string, string>();
const MEMO_MAX = 2000;

/** The normalised form of an http(s) page URL; throws TypeError for anything else. */
export function normalizePageUrl(raw: string): string {
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const normalised = normalize(raw);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(raw, normalised);
  return normalised;
}

function normalize(raw: string): string {
  const url = new URL(raw.trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`not a web page URL: ${url.protocol}`);
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.href;
}

/** `normalizePageUrl`, or null when the input is not an http(s) URL. */
export function tryNormalizePageUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    return normalizePageUrl(raw);
  } catch {
    return null;
  }
}

/** The host a page is filed under in the library ("www." dropped). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
