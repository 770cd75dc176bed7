/** Display formatting shared by the popup views. Pure functions of their input. */
import type { Approx, Figure } from '../../../analysis/types';

export const APPROX_MARK: Record<Approx, string> = {
  eq: '',
  approx: '≈',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
};

// Intl formatters cost milliseconds to create (ICU data): made on first use, once, not at module
// load (that would delay every popup opening) nor per call (toLocaleDateString with options builds
// a new formatter each time).
let compact: Intl.NumberFormat | undefined;
let plain: Intl.NumberFormat | undefined;
let dates: Intl.DateTimeFormat | undefined;

function num(n: number, kind: Figure['kind']): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 10_000 && kind !== 'year')
    return (compact ??= new Intl.NumberFormat('en', {
      notation: 'compact',
      maximumFractionDigits: 1,
    })).format(n);
  return (plain ??= new Intl.NumberFormat('en', { maximumFractionDigits: 2 })).format(n);
}

function withUnit(n: string, unit: string, kind: Figure['kind']): string {
  if (!unit) return n;
  if (kind === 'money') return /^[A-Z]{3}$/.test(unit) ? `${unit} ${n}` : `${unit}${n}`;
  if (unit === '%') return `${n}%`;
  if (kind === 'duration') return `${n} ${unit}${n === '1' ? '' : 's'}`;
  return `${n} ${unit}`;
}

/** "≈ USD 1.2B", "> 40K", "2026-06": the figure's value as read, with its approximation marker. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'kind' | 'approx' | 'text'>): string {
  let body: string;
  if (typeof f.value === 'string') body = f.value || f.text;
  else if (Array.isArray(f.value)) {
    const [lo, hi] = [num(f.value[0], f.kind), num(f.value[1], f.kind)];
    // "USD 1B–2B" (currency in front), "3–4 years", "10–12%" (unit after).
    body =
      f.kind === 'money' ? `${withUnit(lo, f.unit, f.kind)}–${hi}` : `${lo}–${withUnit(hi, f.unit, f.kind)}`;
  } else if (f.kind === 'year') body = String(f.value);
  else body = withUnit(num(f.value, f.kind), f.unit, f.kind);
  const mark = APPROX_MARK[f.approx] ?? '';
  return mark ? `${mark} ${body}` : body;
}

/** A date for people ("12 Mar 2026"); the input when it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  dates ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return dates.format(d);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Tags typed by people: "a, b  c" -> ["a", "b", "c"], trimmed, de-duplicated, at most 40 chars each. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,\s]+/)
        .map(t => t.trim().replace(/^#/, '').slice(0, 40))
        .filter(Boolean),
    ),
  ];
}
