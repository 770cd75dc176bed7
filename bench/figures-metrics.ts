/**
 * Scoring for the key-figures gold set (shared/notes/key-figures.md §5): one-to-one span matching
 * (exact, and overlap by largest shared length), value+unit accuracy on overlap-matched pairs,
 * key-figure precision/recall, per kind.
 */
import type { Figure } from '../src/analysis/types';

export interface GoldFigure {
  start: number;
  end: number;
  text: string;
  kind: string;
  value: number | [number, number] | string;
  unit: string;
  approx: string;
  counted: string;
  key: boolean;
}

export interface Counts {
  gold: number;
  pred: number;
  exact: number;
  overlap: number;
  valueUnitOk: number;
  kindOk: number;
  approxOk: number;
  goldKey: number;
  predKey: number;
  keyHit: number;
  /** Gold keys matched by an overlapping predicted key. */
  keyRecalled: number;
}

export const zero = (): Counts => ({
  gold: 0,
  pred: 0,
  exact: 0,
  overlap: 0,
  valueUnitOk: 0,
  kindOk: 0,
  approxOk: 0,
  goldKey: 0,
  predKey: 0,
  keyHit: 0,
  keyRecalled: 0,
});

export function add(a: Counts, b: Counts): void {
  for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += b[k];
}

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

export function valueEq(g: GoldFigure['value'], p: Figure['value']): boolean {
  if (Array.isArray(g)) return Array.isArray(p) && close(g[0], p[0]) && close(g[1], p[1]);
  if (typeof g === 'number') return typeof p === 'number' && close(g, p);
  return g === p;
}

/** Greedy one-to-one matching by largest overlap. Returns pairs [goldIndex, predIndex]. */
export function matchOverlap(
  gold: { start: number; end: number }[],
  pred: { start: number; end: number }[],
): [number, number][] {
  const cands: [number, number, number][] = [];
  for (let i = 0; i < gold.length; i++)
    for (let j = 0; j < pred.length; j++) {
      const ov = Math.min(gold[i]!.end, pred[j]!.end) - Math.max(gold[i]!.start, pred[j]!.start);
      if (ov > 0) cands.push([ov, i, j]);
    }
  cands.sort((a, b) => b[0] - a[0]);
  const ug = new Set<number>();
  const up = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of cands) {
    if (ug.has(i) || up.has(j)) continue;
    ug.add(i);
    up.add(j);
    out.push([i, j]);
  }
  return out;
}

export function scoreArticle(gold: GoldFigure[], pred: Figure[], byKind: Map<string, Counts>): Counts {
  const c = zero();
  const kindC = (k: string): Counts => {
    let v = byKind.get(k);
    if (!v) byKind.set(k, (v = zero()));
    return v;
  };
  c.gold = gold.length;
  c.pred = pred.length;
  for (const g of gold) kindC(g.kind).gold++;
  for (const p of pred) kindC(p.kind).pred++;
  const exactSet = new Set(pred.map(p => p.start + ':' + p.end));
  for (const g of gold)
    if (exactSet.has(g.start + ':' + g.end)) {
      c.exact++;
      kindC(g.kind).exact++;
    }
  const pairs = matchOverlap(gold, pred);
  for (const [i, j] of pairs) {
    const g = gold[i]!;
    const p = pred[j]!;
    const kc = kindC(g.kind);
    c.overlap++;
    kc.overlap++;
    if (valueEq(g.value, p.value) && (g.unit ?? '') === p.unit) {
      c.valueUnitOk++;
      kc.valueUnitOk++;
    }
    if (g.kind === p.kind) {
      c.kindOk++;
      kc.kindOk++;
    }
    if ((g.approx ?? 'eq') === p.approx) c.approxOk++;
  }
  const gk = gold.filter(g => g.key);
  const pk = pred.filter(p => p.key);
  c.goldKey = gk.length;
  c.predKey = pk.length;
  const kp = matchOverlap(gk, pk);
  c.keyHit = kp.length;
  c.keyRecalled = kp.length;
  return c;
}

export const prf = (hit: number, pred: number, gold: number): [number, number, number] => {
  const p = pred ? hit / pred : 0;
  const r = gold ? hit / gold : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
};

/** One labelled person or organisation (tests/fixtures/figures/entities/gold.json). */
export interface GoldEntity {
  name: string;
  kind: 'person' | 'organization';
  role?: string;
  aliases?: string[];
}

export interface EntityCounts {
  gold: number;
  /** Predicted people and organisations (places are not labelled and not scored). */
  pred: number;
  /** Gold entities matched one-to-one by name or alias. */
  hit: number;
  kindOk: number;
  /** Gold people with a role, and how many of them got a role sharing a content word with it. */
  goldRoles: number;
  roleOk: number;
}

/** Name normal form: lower case, no dots, no leading "the", no trailing possessive. */
export const normName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

const ROLE_STOP = new Set(['of', 'the', 'and', 'for', 'to', 'a', 'an', 'us', "'s"]);
const roleWords = (s: string): string[] =>
  normName(s)
    .split(/[^\p{L}\d-]+/u)
    .filter(w => w && !ROLE_STOP.has(w));

/**
 * Entity scoring for one article: each predicted person/organisation matches at most one gold
 * entity whose name or an alias has the same normal form (first come, in the predicted order);
 * unmatched predictions are false positives (including a second prediction for the same entity).
 */
export function scoreEntities(
  gold: GoldEntity[],
  pred: { name: string; kind: string; role: string }[],
): EntityCounts {
  const c: EntityCounts = { gold: gold.length, pred: 0, hit: 0, kindOk: 0, goldRoles: 0, roleOk: 0 };
  const used = new Set<number>();
  for (const g of gold) if (g.kind === 'person' && g.role) c.goldRoles++;
  for (const p of pred) {
    if (p.kind !== 'person' && p.kind !== 'organization') continue;
    c.pred++;
    const n = normName(p.name);
    const k = gold.findIndex(
      (g, i) => !used.has(i) && [g.name, ...(g.aliases ?? [])].some(a => normName(a) === n),
    );
    if (k < 0) continue;
    used.add(k);
    const g = gold[k]!;
    c.hit++;
    if (g.kind === p.kind) c.kindOk++;
    if (g.kind === 'person' && g.role && p.role) {
      const want = new Set(roleWords(g.role));
      if (roleWords(p.role).some(w => want.has(w))) c.roleOk++;
    }
  }
  return c;
}
