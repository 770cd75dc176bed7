/**
 * An in-memory inverted index with field weights, prefix matching and AND semantics.
 *
 * Why our own and not MiniSearch/FlexSearch: the index lives only in worker memory and is rebuilt
 * from IndexedDB after every worker restart, so build time matters as much as query time; what we
 * need (idf x saturated tf with field weights, prefix expansion over a sorted term list, AND
 * semantics, per-document removal for live updates) is ~150 lines, with no dependency to vet or
 * ship. Persisting a serialised index was rejected: it doubles every write and can drift from the
 * records. Measured (bench/results/storage.md, real Chromium, 10,200 annotations): warm queries
 * and the cold rebuild against a linear-scan baseline in the same run. We did not benchmark the
 * libraries themselves; if the goal is missed on bigger libraries, MiniSearch is the first to try.
 *
 * Scoring per query term t: max over the index terms u that equal t or start with it (prefix
 * matches only for t of 2+ characters, at most MAX_EXPANSIONS of them) of
 *   idf(u) * w / (w + 1.2) * (u === t ? 1 : 0.6)
 * where w is the summed field weight of u in the document. A document must match every term.
 */

export interface Field {
  text: string;
  weight: number;
}

const MAX_EXPANSIONS = 64;

import { terms } from './tokenize';

export class TextIndex {
  private keys: (string | undefined)[] = [];
  private byKey = new Map<string, number>();
  private postings = new Map<string, Map<number, number>>();
  private docTerms: (string[] | undefined)[] = [];
  private sorted: string[] | null = null;
  private live = 0;

  get size(): number {
    return this.live;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Add or replace the document `key`. */
  set(key: string, fields: Field[]): void {
    this.remove(key);
    const weights = new Map<string, number>();
    for (const f of fields) {
      for (const t of terms(f.text)) weights.set(t, (weights.get(t) ?? 0) + f.weight);
    }
    const doc = this.keys.length;
    this.keys.push(key);
    this.byKey.set(key, doc);
    this.docTerms.push([...weights.keys()]);
    this.live++;
    for (const [term, w] of weights) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Map();
        this.postings.set(term, list);
        this.sorted = null;
      }
      list.set(doc, w);
    }
  }

  remove(key: string): void {
    const doc = this.byKey.get(key);
    if (doc === undefined) return;
    for (const term of this.docTerms[doc] ?? []) {
      const list = this.postings.get(term);
      list?.delete(doc);
      if (list && list.size === 0) {
        this.postings.delete(term);
        this.sorted = null;
      }
    }
    this.byKey.delete(key);
    this.keys[doc] = undefined;
    this.docTerms[doc] = undefined;
    this.live--;
  }

  /** Index terms equal to `t` or starting with it. */
  private expand(t: string): string[] {
    const out = this.postings.has(t) ? [t] : [];
    if (t.length < 2) return out;
    this.sorted ??= [...this.postings.keys()].sort();
    const terms = this.sorted;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && out.length < MAX_EXPANSIONS; i++) {
      const u = terms[i]!;
      if (!u.startsWith(t)) break;
      if (u !== t) out.push(u);
    }
    return out;
  }

  /** Documents matching every term, with scores, best first. */
  query(terms: string[]): { key: string; score: number }[] {
    if (!terms.length || !this.live) return [];
    const n = this.live;
    const perTerm: Map<number, number>[] = [];
    for (const t of terms) {
      const scores = new Map<number, number>();
      for (const u of this.expand(t)) {
        const list = this.postings.get(u)!;
        const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5));
        const factor = u === t ? 1 : 0.6;
        for (const [doc, w] of list) {
          const s = ((idf * w) / (w + 1.2)) * factor;
          const prev = scores.get(doc);
          if (prev === undefined || s > prev) scores.set(doc, s);
        }
      }
      if (!scores.size) return [];
      perTerm.push(scores);
    }
    perTerm.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = perTerm;
    const out: { key: string; score: number }[] = [];
    for (const [doc, s0] of smallest!) {
      let score = s0;
      let all = true;
      for (const m of rest) {
        const s = m.get(doc);
        if (s === undefined) {
          all = false;
          break;
        }
        score += s;
      }
      if (all) out.push({ key: this.keys[doc]!, score });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}
