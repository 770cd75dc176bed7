/**
 * What people type as a site to exclude ("https://www.Example.com/news", "example.com", ".foo.org")
 * -> a host name the settings accept, or an error in plain words. Subdomains are covered by
 * isExcluded (shared/settings.ts), so "example.com" also excludes "news.example.com".
 */
export type SiteParse = { ok: true; host: string } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function parseSite(input: string): SiteParse {
  let s = input.trim().toLowerCase();
  if (!s) return { ok: false, message: 'Type a site, for example example.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return { ok: false, message: `“${input.trim()}” is not a web address Gleaner understands.` };
    }
  } else {
    s = s.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  s = s
    .replace(/^\*?\./, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  const labels = s.split('.');
  const valid =
    s.length <= 253 && (s === 'localhost' || (labels.length >= 2 && labels.every(l => LABEL.test(l))));
  if (!valid)
    return {
      ok: false,
      message: `“${input.trim()}” is not a site name. Use a host name such as example.com or news.example.org.`,
    };
  return { ok: true, host: s };
}
