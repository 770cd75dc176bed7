/**
 * Whole-text regex passes that run before the token grammar: dates and times (which claim their
 * digits), and exclusions (URLs, e-mails, phone numbers, handles, page chrome) whose digits are
 * never figures.
 */

export interface Claim {
  s: number;
  e: number;
  kind_: 'date' | 'time' | 'skip';
  value_: string;
}

/** Full month names, capitalised and "|"-separated (entities/lexicon.ts shares them). */
export const FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ABBR = MONTH_ABBR;
/** Month names and abbreviations, lower case (the grammar's year/count tests use them too). */
export const MONTH_WORDS = new Set((FULL + '|' + ABBR).toLowerCase().split('|'));
const MON3 = FULL.toLowerCase()
  .split('|')
  .map(n => n.slice(0, 3));
// A month: full name, or an abbreviation with an optional dot (abbreviations need a day or year after).
const MON = `(?:(${FULL})|(${ABBR})\\.?)`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])';
const YEAR = '(\\d{4})(?!\\d)';

/** Words before a month or a year that make it a time ("in July", "since 2019"); grammar.ts shares them. */
export const TIME_CUES = 'in|since|by|until|till|from|through|of|early|late|mid|during|before|after';

const pad = (n: number): string => (n < 10 ? '0' : '') + n;
/** 1..12 from any month word: the first three letters are unique ("Sept" -> 9). */
const monthNum = (m: string): number => MON3.indexOf(m.slice(0, 3).toLowerCase()) + 1;

const iso = (y: string | undefined, m: number, d: number | undefined): string =>
  (y ? y : '-') + '-' + pad(m) + (d !== undefined ? '-' + pad(d) : '');

// Order matters: longer forms first, all anchored at the same start.
const DATE_RE = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, // 1-3 ISO
    `\\b${MON}\\s+${DAY}(?:,?\\s+${YEAR})?`, // 4,5 month, 6 day, 7 year
    `\\b${DAY}(?:\\s+of)?\\s+${MON}(?:,?\\s+${YEAR})?`, // 8 day, 9,10 month, 11 year
    `\\b${MON},?\\s+${YEAR}`, // 12,13 month, 14 year
    `\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b`, // 15-17 numeric
    `\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b`, // 18-20 dotted (day.month.year)
    `\\b(?:(${TIME_CUES}|last|next|this)(\\s+|-))?(${FULL})\\b(?!\\s+\\d)`, // 21,22,23 bare month
  ].join('|'),
  'g',
);

function dateClaims(text: string, monthFirst: boolean, out: Claim[]): void {
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text))) {
    const s = m.index;
    let e = s + m[0].length;
    let value: string | null = null;
    let start = s;
    if (m[1]) value = `${m[1]}-${m[2]}-${m[3]}`;
    else if (m[4] || m[5]) {
      const d = +m[6]!;
      if (d >= 1 && d <= 31) value = iso(m[7], monthNum((m[4] ?? m[5])!), d);
    } else if (m[8]) {
      const d = +m[8];
      if (d >= 1 && d <= 31) value = iso(m[11], monthNum((m[9] ?? m[10])!), d);
    } else if (m[12] || m[13]) value = iso(m[14], monthNum((m[12] ?? m[13])!), undefined);
    else if (m[15]) {
      const a = +m[15];
      const b = +m[16]!;
      let y = m[17]!;
      if (y.length === 2) y = (+y > 50 ? '19' : '20') + y;
      const [mo, d] = monthFirst ? [a, b] : [b, a];
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) value = iso(y, mo, d);
    } else if (m[18]) {
      const d = +m[18];
      const mo = +m[19]!;
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) value = iso(m[20], mo, d);
    } else if (m[23]) {
      const name = m[23];
      const cue = m[21];
      // "May" and "March" are also words; alone they need a temporal cue before them.
      if ((name === 'May' || name === 'March') && !cue) continue;
      // "in July" spans only "July"; "mid-July" too.
      start = e - name.length;
      value = '--' + pad(monthNum(name));
    }
    if (value === null) continue;
    // Keep trailing punctuation out ("Jan." is part of the month, a sentence dot after a year is not).
    while (e > start && /[\s,]/.test(text[e - 1] ?? '')) e--;
    out.push({ s: start, e, kind_: 'date', value_: value });
  }
}

/**
 * Clock times: "20:00", "8 p.m.", "8pm", and as German and French write them, "20 Uhr", "20.30 Uhr",
 * "20h30" (a time of day is not a count of anything).
 */
const TIME_RE =
  /\b([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?:\s?([ap])\.?m\.?(?![a-z]))?|\b(1[0-2]|0?[1-9])\s?([ap])(?:\.m\.|m\b)|\b([01]?\d|2[0-4])(?:\.([0-5]\d))?\s?Uhr\b|\b([01]?\d|2[0-3])h([0-5]\d)\b/gi;

function timeClaims(text: string, out: Claim[]): void {
  TIME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME_RE.exec(text))) {
    let h: number;
    let min = 0;
    let ap: string | undefined;
    if (m[1]) {
      h = +m[1];
      min = +m[2]!;
      ap = m[3];
      // "2:35" without am/pm after a digit-colon context ("views:48") is handled by exclusions first.
    } else if (m[6] || m[8]) {
      h = +(m[6] ?? m[8])! % 24;
      min = +(m[7] ?? m[9] ?? 0);
    } else {
      h = +m[4]!;
      ap = m[5];
    }
    if (ap) {
      const pm = ap.toLowerCase() === 'p';
      if (h > 12) continue;
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    }
    out.push({ s: m.index, e: m.index + m[0].length, kind_: 'time', value_: pad(h) + ':' + pad(min) });
  }
}

const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const SKIP_RES: RegExp[] = [
  /\b(?:https?:\/\/|www\.)[^\s)\]>"']+/gi,
  EMAIL_RE,
  /[@#][A-Za-z_]\w*/g,
  /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g,
  /\+\d{1,3}(?:[\s.-]?\d{2,4}){3,5}\b/g,
  /\b(?:views?|reads?|likes?|shares?|comments?|replies|followers|votes)\s*[:：]\s*[\d.,]+[kKmM]?/gi,
  /\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b/gi,
  /\b(?:photo|image|slide|picture|page|item)s?\s+\d+\s+(?:of|\/)\s+\d+\b/gi,
  /(?:^|\n)[ \t]*\d+\s*(?:of|\/)\s*\d+[ \t]*(?=\n|$)/g,
  /©\s*\d{4}(?:\s*[-–]\s*\d{4})?/g,
  /\b(?:ISBN|DOI|ISSN)[:\s]*[\d\-Xx./]+/g,
];

function skipClaims(text: string, out: Claim[]): void {
  const hasAt = text.includes('@');
  for (const re of SKIP_RES) {
    // The e-mail pattern is costly to try everywhere; most texts have no "@".
    if (!hasAt && re === EMAIL_RE) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push({ s: m.index, e: m.index + m[0].length, kind_: 'skip', value_: '' });
  }
}

/** All claims, sorted, overlaps resolved in favour of skips, then the earlier and longer claim. */
export function claims(text: string, monthFirst: boolean): Claim[] {
  const skips: Claim[] = [];
  skipClaims(text, skips);
  const rest: Claim[] = [];
  dateClaims(text, monthFirst, rest);
  timeClaims(text, rest);
  rest.sort((a, b) => a.s - b.s || b.e - a.e);
  const out: Claim[] = [...skips];
  let lastEnd = -1;
  for (const c of rest) {
    if (c.s < lastEnd) continue;
    if (skips.some(k => c.s < k.e && k.s < c.e)) continue;
    out.push(c);
    lastEnd = c.e;
  }
  return out.sort((a, b) => a.s - b.s || b.e - a.e);
}
