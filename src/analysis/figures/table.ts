/**
 * Compact lexicon tables, so word lists ship as one string instead of object literals of quoted
 * keys (the figures + entities share of the content-script bundle is budgeted).
 *
 * Spec grammar: groups separated by ";", each "value:surface,surface,..." (or a bare "value",
 * which is its own only surface). A surface ending in "+" stands for itself and its plural in
 * "s" ("mile+" = mile, miles). Spaces around separators are ignored; inner spaces are kept
 * ("square miles"). Tables have no prototype, so page words like "constructor" never hit.
 */
export function table(spec: string): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const group of spec.split(';')) {
    const [value = '', list = value] = group.split(':').map(x => x.trim());
    for (const raw of list.split(',')) {
      const s = raw.trim();
      if (s.endsWith('+')) out[s.slice(0, -1)] = out[s.slice(0, -1) + 's'] = value;
      else if (s) out[s] = value;
    }
  }
  return out;
}

/** `table` with numeric values ("1e6:million+"). */
export function numTable(spec: string): Record<string, number> {
  const t = table(spec);
  const out = Object.create(null) as Record<string, number>;
  for (const k in t) out[k] = Number(t[k]);
  return out;
}

/** Space-separated words, numbered by position: `numbered('one two', i => i + 1)`. */
export function numbered(words: string, value: (i: number) => number): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  words.split(' ').forEach((w, i) => (out[w] = value(i)));
  return out;
}

/** A set of space-separated words. */
export const words = (s: string): Set<string> => new Set(s.split(' '));
