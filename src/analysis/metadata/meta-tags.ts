/**
 * <meta> and <link> reading: OpenGraph, Twitter cards, Dublin Core, citation_*, parsely-*,
 * sailthru.*, itemprop metas. Keys are lower-cased; a space-separated property attribute
 * ("og:title twitter:title") files the content under each key. Never throws.
 */
import { decodeEntities, squash } from './text';

export type MetaMap = Map<string, string[]>;

const MAX_METAS = 600;

export function readMeta(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  let metas: Element[];
  try {
    metas = Array.from(doc.getElementsByTagName('meta')).slice(0, MAX_METAS);
  } catch {
    return map;
  }
  for (const m of metas) {
    // `value` stands in for a missing `content`: some templates write it, and so do tools that save
    // pages (Postlight's parser normalises every meta to name/value). Browsers ignore it, readers don't.
    const content = m.getAttribute('content') ?? m.getAttribute('value');
    if (content == null) continue;
    const value = squash(decodeEntities(content));
    if (!value) continue;
    const keys = [
      m.getAttribute('property'),
      m.getAttribute('name'),
      m.getAttribute('itemprop'),
      m.getAttribute('http-equiv'),
    ];
    for (const k of keys) {
      if (!k) continue;
      for (const raw of k.toLowerCase().split(/\s+/)) {
        if (!raw) continue;
        // Dublin Core is written "DC.creator", "dc:creator", "dcterm:created", "dcterms:title": one spelling.
        const key = raw.replace(/^dc(?:terms?)?[:.]/, m => (m.startsWith('dcterm') ? 'dcterms.' : 'dc.'));
        const list = map.get(key);
        if (list) {
          if (list.length < 20) list.push(value);
        } else map.set(key, [value]);
      }
    }
  }
  return map;
}

/** First non-empty value among `keys`. */
export function first(map: MetaMap, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v && v[0]) return v[0];
  }
  return null;
}

/** All values of all `keys`, in key order. */
export function all(map: MetaMap, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) out.push(...(map.get(k) ?? []));
  return out;
}

/** href of the first <link rel~=rel>. */
export function linkHref(doc: Document, rel: string): string | null {
  try {
    for (const l of Array.from(doc.getElementsByTagName('link')).slice(0, 300)) {
      const r = (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (r.includes(rel)) {
        const href = l.getAttribute('href');
        if (href) return href;
      }
    }
  } catch {
    /* a hostile DOM: no link */
  }
  return null;
}

/** parsely-page: a JSON blob in one meta with title, author, pub_date, section. */
export function parselyPage(map: MetaMap): Record<string, unknown> | null {
  const raw = first(map, 'parsely-page');
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
