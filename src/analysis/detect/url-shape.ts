/**
 * What a URL's shape says about the page: the site root, a date or a headline slug in the path
 * (articles), or a listing / search / account / app pattern (not articles). Pure; never throws.
 */

export interface UrlShape {
  root: boolean;
  date: boolean;
  slug: boolean;
  /** Which listing / app pattern the URL matched, or null. */
  negative: string | null;
  depth: number;
  /** A source repository's front page on a code host: a README, not an article. */
  repository: boolean;
  /** The path ends in a legal or policy page (terms, privacy, imprint): prose, but not a story. */
  legal: boolean;
}

/** Code hosts whose /owner/repo pages show a repository (README, files), not a story. */
const CODE_HOSTS = /(^|\.)(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sr\.ht|gitee\.com)$/i;
/** Paths under a repository that are still repository views (files, issues, releases). */
const REPO_VIEW = /^(tree|blob|issues|pulls?|releases|tags|commits?|branches|actions|wiki|-)$/i;

const NEG_PATH =
  /\/(search|suche|recherche|buscar|tag|tags|tagged|category|categories|kategorie|categorie|categoria|topics?|section|archive|archives|author|authors|product|products|produkt|p|dp|item|shop|store|cart|checkout|login|log-in|signin|sign-in|signup|sign-up|register|registration|account|my-account|user|users|profile|members?|forum|forums|threads?|board|viewforum|viewtopic|showthread|community|help|support|faq|contact|kontakt|contacto|contatti|impressum|about|status|video|videos|watch|gallery|photos?|player|app|dashboard|settings|r|comments|questions)(\/|$|\.|\?)/i;
/** Last path segments of legal and policy pages. */
const LEGAL =
  /^(terms|terms-of-service|terms-of-use|terms-and-conditions|tos|conditions|privacy|privacy-policy|privacy-notice|data-protection|datenschutz|agb|legal|legal-notice|imprint|disclaimer|cookies|cookie-policy|mentions-legales|aviso-legal)$/i;
const NEG_QUERY = /[?&](q|query|s|search|keyword|keywords|term|searchterm|tag|category)=/i;

export function urlShape(url: string): UrlShape {
  const shape: UrlShape = {
    root: false,
    date: false,
    slug: false,
    negative: null,
    depth: 0,
    repository: false,
    legal: false,
  };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return shape;
  }
  // Index files are the directory's page, and MediaWiki names a wiki's front page Main_Page
  // (the software's default, kept by most wikis): all of them are the site root.
  const path = u.pathname
    .replace(/\/(index|default|home)\.(html?|php|aspx?|cfm)$/i, '/')
    .replace(/^\/(wiki\/)?Main_Page$/, '/');
  const segs = path.split('/').filter(Boolean);
  shape.depth = segs.length;
  shape.root = segs.length === 0 && !u.search;
  shape.date = /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])\/|\/(19|20)\d{2}-\d{2}-\d{2}|\/(19|20)\d{6}\//.test(path);
  const last = segs[segs.length - 1] ?? '';
  shape.legal = LEGAL.test(last.replace(/\.(s?html?|php|aspx?)$/i, ''));
  const lastWords = last
    .replace(/\.(s?html?|php|aspx?)$/i, '')
    .split(/[-_+]/)
    .filter(w => /[a-z]/i.test(w));
  shape.slug =
    lastWords.length >= 4 || segs.some(s => s.split(/[-_]/).filter(w => /[a-z]{2}/i.test(w)).length >= 4);
  shape.repository =
    CODE_HOSTS.test(u.hostname) &&
    (segs.length === 2 || (segs.length > 2 && REPO_VIEW.test(segs[2] ?? ''))) &&
    !/^(orgs|settings|marketplace|topics|explore|login|join)$/i.test(segs[0] ?? '');
  const neg = NEG_PATH.exec(path) ?? NEG_QUERY.exec(u.search);
  shape.negative = neg ? (neg[1] ?? null) : null;
  return shape;
}
