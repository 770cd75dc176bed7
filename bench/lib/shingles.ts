/**
 * The Zyte article-extraction-benchmark metric (corpus/README.md): tokens are runs of Unicode
 * word characters, shingles are 4-token windows, TP/FP/FN are counted over shingle multisets.
 * Precision is averaged over pages with TP+FP > 0, recall over pages with TP+FN > 0, and
 * F1 = 2PR / (P + R) of the two means.
 */
const WORD = /[\p{L}\p{N}_]+/gu; // Python re \w: alphanumeric (L*, N*) or underscore

export function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  // Short texts still yield one shingle (the whole token list), as upstream does.
  const count = Math.max(1, t.length - n + 1);
  if (t.length === 0) return out;
  for (let i = 0; i < count; i++) {
    const key = t.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export function shingleScore(truth: string, predicted: string): PageScore {
  const a = shingles(truth);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of b) {
    const m = a.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of a) fn += Math.max(0, m - (b.get(k) ?? 0));
  return { tp, fp, fn };
}

export interface Aggregate {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export function aggregate(scores: PageScore[]): Aggregate {
  let p = 0;
  let pn = 0;
  let r = 0;
  let rn = 0;
  for (const s of scores) {
    if (s.tp + s.fp > 0) {
      p += s.tp / (s.tp + s.fp);
      pn++;
    }
    if (s.tp + s.fn > 0) {
      r += s.tp / (s.tp + s.fn);
      rn++;
    }
  }
  const precision = pn ? p / pn : 0;
  const recall = rn ? r / rn : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: scores.length };
}

/** Per-page F1 (for finding the worst pages). */
export function pageF1(s: PageScore): number {
  const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}
