/**
 * Date parsing to ISO 8601. Machine dates ("2025-07-21T10:18:00+08:00", RFC 2822, epoch) and
 * visible datelines in en/de/fr/es (+ it/nl/pt month names): "July 21, 2025, 10:18 a.m.",
 * "21. Juli 2025, 10:18 Uhr", "21 juillet 2025 à 10h18", "21 de julio de 2025".
 *
 * Contract: returns "YYYY-MM-DD" when only a day is known, "YYYY-MM-DDTHH:MM:SS" when a time
 * without zone is given (page-local), and that plus "Z" or "+HH:MM" when the page states a zone.
 * The offset is the page's own, never converted. Relative phrases ("3 hours ago") give null.
 */
import { squash } from './text';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [
    1,
    [
      'january',
      'jan',
      'januar',
      'jänner',
      'jän',
      'janvier',
      'janv',
      'enero',
      'ene',
      'gennaio',
      'januari',
      'janeiro',
    ],
  ],
  [
    2,
    [
      'february',
      'feb',
      'februar',
      'février',
      'fevrier',
      'févr',
      'fevr',
      'febrero',
      'febbraio',
      'februari',
      'fevereiro',
      'fev',
    ],
  ],
  [3, ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'maart', 'março', 'marco']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'julho']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'set']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'outubro', 'out']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [
    12,
    [
      'december',
      'dec',
      'dezember',
      'dez',
      'décembre',
      'decembre',
      'déc',
      'diciembre',
      'dic',
      'dicembre',
      'dezembro',
    ],
  ],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Zone abbreviations with a fixed, unambiguous offset. */
const ZONES: Record<string, string> = {
  z: 'Z',
  utc: 'Z',
  gmt: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  cet: '+01:00',
  cest: '+02:00',
  mez: '+01:00',
  mesz: '+02:00',
  bst: '+01:00',
  eet: '+02:00',
  eest: '+03:00',
  jst: '+09:00',
  kst: '+09:00',
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function offset(sign: string, hh: string, mm: string | undefined): string | null {
  const h = Number(hh);
  const m = Number(mm ?? '0');
  if (h > 14 || m > 59) return null;
  if (h === 0 && m === 0) return sign === '-' ? '-00:00' : 'Z';
  return `${sign}${pad(h)}:${pad(m)}`;
}

/** Zone at the start of `rest`: "Z", "+0800", "+08:00", "GMT+2", "EDT", "UTC". */
function zoneAt(rest: string): string | null {
  const m =
    /^\s*(?:\(?\s*)(?:(utc|gmt)\s*([+-])(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):?(\d{2})\b|([a-z]{1,4})\b)/i.exec(
      rest,
    );
  if (!m) return null;
  if (m[1] && m[2] && m[3]) return offset(m[2], m[3], m[4]);
  if (m[5] && m[6]) return offset(m[5], m[6], m[7]);
  if (m[8]) return ZONES[m[8].toLowerCase()] ?? null;
  return null;
}

interface Time {
  h: number;
  min: number;
  s: number;
  zone: string | null;
}

/** A clock time at the start of `rest` (after a date): "10:18 a.m.", "10.18 Uhr", "10h18", "6:01 am EDT". */
function timeAt(rest: string): Time | null {
  const m =
    /^[\s,|·•–—-]*(?:(?:at|um|à|a las|a la|alle|om|às|kl\.?|-)\s*)?(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?(?::(\d{2}))?(?:[.,]\d+)?\s*(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h(?![a-z]))?/i.exec(
      rest,
    );
  if (!m || !m[1]) return null;
  if (m[2] === undefined && !m[4]) return null;
  if (m[2] === undefined && /^(uhr|h)$/i.test(m[4] ?? '')) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  const s = Number(m[3] ?? '0');
  const ap = (m[4] ?? '').toLowerCase().replace(/[\s.]/g, '');
  if (ap === 'am' || ap === 'pm') {
    if (h < 1 || h > 12) return null;
    if (ap === 'pm' && h < 12) h += 12;
    if (ap === 'am' && h === 12) h = 0;
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return { h, min, s, zone: zoneAt(rest.slice(m[0].length)) };
}

function format(y: number, mo: number, d: number, t: Time | null): string {
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (!t) return day;
  return `${day}T${pad(t.h)}:${pad(t.min)}:${pad(t.s)}${t.zone ?? ''}`;
}

export interface DateOptions {
  /** For "07/08/2025": month first only for English pages. */
  lang?: string | null;
  /**
   * The year of a machine date beside the text: lets a year-less dateline ("Posted Nov 18, 8:19 PM") be read as
   * a day of that year (or of the year before, for "Dec 31" shown beside a January machine date).
   */
  year?: { y: number; mo: number };
}

const ISO_RE =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?/i;
const SLASH_YMD_RE = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const MDY_RE = new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})\\b`, 'i');
const DMY_RE = new RegExp(
  `\\b(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s*(?:de\\s+)?(${MONTH_RE})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})\\b`,
  'i',
);
const NUM_RE = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/;
/** Year-less "Nov 18" / "18. November" (only with DateOptions.year): not followed by a year or more digits. */
const MD_NOYEAR_RE = new RegExp(
  `\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,]?\\s*\\d{2,4}\\b(?![:.h]))`,
  'i',
);
const DM_NOYEAR_RE = new RegExp(
  `\\b(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s*(?:de\\s+)?(${MONTH_RE})\\b\\.?(?!,?\\s*(?:de\\s+)?\\d{4})`,
  'i',
);

/** Parses the first absolute date in `raw`; null when none (or only a relative one). */
export function parseDate(raw: string | null | undefined, opts: DateOptions = {}): string | null {
  const s = squash(raw).slice(0, 300);
  if (!s) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100) return null;
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  let m = ISO_RE.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (validDay(y, mo, d)) {
      if (m[4] === undefined) return format(y, mo, d, null);
      const h = Number(m[4]);
      const min = Number(m[5]);
      const sec = Number(m[6] ?? '0');
      if (h > 23 || min > 59 || sec > 59) return format(y, mo, d, null);
      return format(y, mo, d, { h, min, s: sec, zone: m[7] ? zoneAt(m[7]) : null });
    }
  }
  const lower = s.toLowerCase();
  const found: { idx: number; end: number; y: number; mo: number; d: number }[] = [];
  m = MDY_RE.exec(lower);
  if (m && m[1] && m[2] && m[3]) {
    found.push({
      idx: m.index,
      end: m.index + m[0].length,
      y: Number(m[3]),
      mo: MONTHS[m[1]] ?? 0,
      d: Number(m[2]),
    });
  }
  m = DMY_RE.exec(lower);
  if (m && m[1] && m[2] && m[3]) {
    found.push({
      idx: m.index,
      end: m.index + m[0].length,
      y: Number(m[3]),
      mo: MONTHS[m[2]] ?? 0,
      d: Number(m[1]),
    });
  }
  m = SLASH_YMD_RE.exec(lower);
  if (m)
    found.push({
      idx: m.index,
      end: m.index + m[0].length,
      y: Number(m[1]),
      mo: Number(m[2]),
      d: Number(m[3]),
    });
  m = NUM_RE.exec(lower);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const english = (opts.lang ?? '').toLowerCase().startsWith('en');
    // d/m/y everywhere except US-style English pages; a part over 12 settles it either way.
    let mo = b;
    let d = a;
    if (b > 12 && a <= 12) [mo, d] = [a, b];
    else if (a <= 12 && b <= 12 && m[2] === '/' && english) [mo, d] = [a, b];
    found.push({ idx: m.index, end: m.index + m[0].length, y: Number(m[4]), mo, d });
  }
  if (!found.length && opts.year) {
    const md = MD_NOYEAR_RE.exec(lower);
    const dm = DM_NOYEAR_RE.exec(lower);
    const hit =
      md && (!dm || md.index <= dm.index)
        ? { m: md, mo: md[1], d: md[2] }
        : dm
          ? { m: dm, mo: dm[2], d: dm[1] }
          : null;
    if (hit && hit.mo && hit.d) {
      const mo = MONTHS[hit.mo] ?? 0;
      // A December day beside a January machine date is last year's.
      const y = mo === 12 && opts.year.mo === 1 ? opts.year.y - 1 : opts.year.y;
      found.push({ idx: hit.m.index, end: hit.m.index + hit.m[0].length, y, mo, d: Number(hit.d) });
    }
  }
  const best = found.filter(f => validDay(f.y, f.mo, f.d)).sort((a, b) => a.idx - b.idx)[0];
  if (!best) return null;
  let t = timeAt(s.slice(best.end));
  if (!t) {
    // "10:18 AM EDT, Mon July 21, 2025": a time just before the date.
    const before = s.slice(Math.max(0, best.idx - 40), best.idx);
    const bm =
      /(\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|uhr)?(?:\s*[a-z]{2,4}\b)?)[\s,|·•–—-]*(?:[a-z]+\.?,?\s*)?$/i.exec(
        before,
      );
    if (bm && bm[1]) t = timeAt(bm[1]);
  }
  return format(best.y, best.mo, best.d, t);
}

/** The YYYY-MM-DD part of an ISO string from parseDate. */
export function dayOf(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}

/**
 * `utc` ("...Z") restated in the page's own offset when `local` is a zone-less wall-clock time ("YYYY-MM-DDTHH:MM")
 * of the same minute, a whole quarter-hour offset away (within 14 hours); else `utc` unchanged.
 */
export function localise(utc: string, local: string | null): string {
  if (!local) return utc;
  // Already the same moment with the page's own offset: take it.
  if (/T\d\d:\d\d(:\d\d)?[+-]\d\d:\d\d$/.test(local)) {
    const a = Date.parse(utc);
    const b = Date.parse(local);
    return Math.abs(a - b) < 60_000 ? local : utc;
  }
  if (!/T\d\d:\d\d(:\d\d)?$/.test(local)) return utc;
  const u = Date.parse(utc);
  const l = Date.parse(local.slice(0, 16) + ':00Z');
  if (Number.isNaN(u) || Number.isNaN(l)) return utc;
  const uMinute = Math.floor(u / 60_000) * 60_000;
  const diff = l - uMinute;
  if (diff === 0 || Math.abs(diff) > 14 * 3_600_000 || diff % (15 * 60_000) !== 0) return utc;
  const wall = new Date(u + diff).toISOString().slice(0, 19);
  const mins = Math.abs(diff) / 60_000;
  const sign = diff < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

/** True when both ISO strings name the same minute: as instants when both carry a zone, else as wall clocks. */
export function sameMinute(a: string, b: string): boolean {
  if (a.length <= 10 || b.length <= 10) return false;
  const zoned = (x: string): boolean => /(Z|[+-]\d\d:\d\d)$/.test(x);
  if (zoned(a) && zoned(b)) {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    return Math.floor(ta / 60_000) === Math.floor(tb / 60_000);
  }
  return a.slice(0, 16) === b.slice(0, 16);
}

/** The UTC wall clock ("YYYY-MM-DDTHH:MM") of a zoned ISO string, else null. */
export function utcMinute(iso: string): string | null {
  if (!/T\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)$/.test(iso)) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 16);
}

/** The instant of zoned `iso` restated with the zone of zoned `like` ("...Z" or "+HH:MM"); null if either has none. */
export function inZoneOf(iso: string, like: string): string | null {
  const z = /(Z|([+-])(\d\d):(\d\d))$/.exec(like);
  const t = Date.parse(iso);
  if (!z || !/(Z|[+-]\d\d:\d\d)$/.test(iso) || Number.isNaN(t)) return null;
  if (z[1] === 'Z') return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const mins = (z[2] === '-' ? -1 : 1) * (Number(z[3]) * 60 + Number(z[4]));
  return new Date(t + mins * 60_000).toISOString().slice(0, 19) + z[1];
}
