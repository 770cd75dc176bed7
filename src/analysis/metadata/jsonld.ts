/**
 * JSON-LD reading: every `<script type="application/ld+json">`, tolerant of the malformed
 * JSON pages ship (comments, CDATA, trailing commas, raw newlines in strings). Nodes are
 * flattened from arrays and `@graph`, and `{"@id": ...}` references resolve against every
 * node that carries that @id. Never throws.
 */
import { squash } from './text';

export type LdNode = Record<string, unknown>;

const MAX_SCRIPTS = 20;
const MAX_SCRIPT_CHARS = 400_000;
const MAX_NODES = 400;

export const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'report',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'asknewsarticle',
  'scholarlyarticle',
  'techarticle',
  'medicalscholarlyarticle',
  'liveblogposting',
  'satiricalarticle',
  'advertisercontentarticle',
]);

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    /* fall through to the repaired text */
  }
  const repaired = text
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/,\s*([}\]])/g, '$1')
    // Raw control characters inside strings are the commonest CMS bug.
    .replace(/[\u0000-\u001f]+/g, ' ');
  try {
    return JSON.parse(repaired);
  } catch {
    return undefined;
  }
}

/** Lower-cased local type names of a node ("https://schema.org/NewsArticle" -> "newsarticle"). */
export function typesOf(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const t = (node as LdNode)['@type'];
  const list = Array.isArray(t) ? t : [t];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x !== 'string') continue;
    const local = x.replace(/^.*[/#:]/, '').toLowerCase();
    if (local) out.push(local);
  }
  return out;
}

export interface JsonLd {
  /** Top-level entities: the scripts' roots, array members and @graph members, in page order. */
  nodes: LdNode[];
  byId: Map<string, LdNode>;
}

function addNode(node: unknown, out: LdNode[], depth: number): void {
  if (out.length >= MAX_NODES || depth > 4) return;
  if (Array.isArray(node)) {
    for (const n of node) addNode(n, out, depth + 1);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as LdNode;
  out.push(o);
  const graph = o['@graph'];
  if (graph) addNode(graph, out, depth + 1);
}

function indexIds(node: unknown, byId: Map<string, LdNode>, depth: number, budget: { n: number }): void {
  if (depth > 6 || budget.n-- <= 0 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) indexIds(n, byId, depth + 1, budget);
    return;
  }
  const o = node as LdNode;
  const id = o['@id'];
  // Keep the richest node for an id: a bare {"@id"} reference must not shadow the definition.
  if (typeof id === 'string' && Object.keys(o).length > 1) {
    const prev = byId.get(id);
    if (!prev || Object.keys(prev).length < Object.keys(o).length) byId.set(id, o);
  }
  for (const [k, v] of Object.entries(o))
    if (k !== '@context' && v && typeof v === 'object') indexIds(v, byId, depth + 1, budget);
}

export function readJsonLd(doc: Document): JsonLd {
  const nodes: LdNode[] = [];
  const byId = new Map<string, LdNode>();
  let scripts: NodeListOf<HTMLScriptElement>;
  try {
    scripts = doc.querySelectorAll('script[type]');
  } catch {
    return { nodes, byId };
  }
  let seen = 0;
  for (const s of Array.from(scripts)) {
    if (!/ld\+json/i.test(s.getAttribute('type') ?? '')) continue;
    if (++seen > MAX_SCRIPTS) break;
    const text = s.textContent ?? '';
    if (!text.trim() || text.length > MAX_SCRIPT_CHARS) continue;
    const parsed = tryParse(text.trim());
    if (parsed === undefined) continue;
    addNode(parsed, nodes, 0);
    indexIds(parsed, byId, 0, { n: 5000 });
  }
  return { nodes, byId };
}

/** Follows a `{"@id": ...}` reference to its definition when the page defines it. */
export function resolve(v: unknown, ld: JsonLd): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as LdNode;
    const id = o['@id'];
    if (typeof id === 'string' && Object.keys(o).length <= 2) return ld.byId.get(id) ?? v;
  }
  return v;
}

/** A plain string from a JSON-LD value: string, number, {"@value"}, {name}, or the first of an array. */
export function ldString(v: unknown, ld?: JsonLd): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return squash(v) || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = ldString(x, ld);
      if (s) return s;
    }
    return null;
  }
  if (typeof v === 'object') {
    const o = (ld ? resolve(v, ld) : v) as LdNode;
    return ldString(o['@value'] ?? o['name'] ?? o['url'] ?? o['@id'] ?? null);
  }
  return null;
}

/** Names of a JSON-LD author value: string, Person/Organization, arrays of those, or @id refs. */
export function ldNames(v: unknown, ld: JsonLd, depth = 0): { name: string; org: boolean }[] {
  if (v == null || depth > 3) return [];
  if (typeof v === 'string') return squash(v) ? [{ name: squash(v), org: false }] : [];
  if (Array.isArray(v)) return v.slice(0, 30).flatMap(x => ldNames(x, ld, depth + 1));
  if (typeof v !== 'object') return [];
  const o = resolve(v, ld) as LdNode;
  const org = typesOf(o).some(
    t => t.includes('organization') || t === 'newsmediaorganization' || t === 'corporation',
  );
  let name = o['name'];
  if (name && typeof name === 'object' && !Array.isArray(name)) name = (name as LdNode)['@value'];
  if (Array.isArray(name)) name = name.find(x => typeof x === 'string');
  if (typeof name === 'string' && squash(name)) return [{ name: squash(name), org }];
  const given = typeof o['givenName'] === 'string' ? o['givenName'] : '';
  const family = typeof o['familyName'] === 'string' ? o['familyName'] : '';
  const full = squash(`${given} ${family}`);
  return full ? [{ name: full, org }] : [];
}

/** The page's main article node: the first article-typed top-level node, else a WebPage's mainEntity. */
export function articleNode(ld: JsonLd): LdNode | null {
  for (const n of ld.nodes) if (typesOf(n).some(t => ARTICLE_TYPES.has(t))) return n;
  for (const n of ld.nodes) {
    const main = resolve(n['mainEntity'], ld);
    if (main && typeof main === 'object' && typesOf(main).some(t => ARTICLE_TYPES.has(t)))
      return main as LdNode;
  }
  return null;
}

/** Top-level @types of all nodes plus the types of WebPage mainEntity nodes. */
export function topTypes(ld: JsonLd): string[] {
  const out: string[] = [];
  for (const n of ld.nodes) {
    out.push(...typesOf(n));
    const main = resolve(n['mainEntity'], ld);
    if (main && typeof main === 'object' && !Array.isArray(main)) out.push(...typesOf(main));
  }
  return out;
}
