/** Small string helpers shared by the metadata extractors. Pure; never throw. */

/** Collapses every whitespace run (incl. NBSP) to one space and trims. */
export function squash(s: string | null | undefined): string {
  if (!s) return '';
  return s.replace(/[\s\u00a0\u200b\u2009\u202f]+/g, ' ').trim();
}

/**
 * textContent of an element, squashed and capped at `cap` characters. Whitespace is collapsed before the cut
 * (indented markup would otherwise lose words: "By Adam Aaronson Phil"), on a bounded prefix of the raw text.
 */
export function textOf(el: Element | null | undefined, cap = 2000): string {
  if (!el) return '';
  const t = textPrefix(el, cap * 8);
  return squash(t.length > cap * 8 ? t.slice(0, cap * 8) : t).slice(0, cap);
}

/** Lower-case, accents and punctuation removed: for comparing titles, names and site names. */
export function fold(s: string): string {
  return squash(
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' '),
  );
}

export function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** Decodes the few HTML entities that pages double-escape inside JSON-LD and meta content. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|#039|lt|gt|nbsp);/gi, (m, g: string) => {
    const k = g.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'nbsp') return ' ';
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return m;
    try {
      return String.fromCodePoint(code);
    } catch {
      return m;
    }
  });
}

/** A usable absolute http(s) URL resolved against `base`, or null. */
export function absUrl(raw: string | null | undefined, base: string): string | null {
  const s = squash(raw);
  if (!s || s.length > 2000) return null;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function looksLikeUrl(s: string): boolean {
  return /^(https?:)?\/\//i.test(s) || /^www\./i.test(s) || /\.(com|org|net|html?|php)(\/|$)/i.test(s);
}

/**
 * The start of the element's text (textContent order, unsquashed): all of it when it has at most `max`
 * characters, else its first `max + 1` characters. Stops reading there: a class such as "meta" or "author" on a
 * wrapper around the whole story costs a few nodes, not a walk of the story (textContent builds the whole string).
 */
export function textPrefix(el: Node, max: number): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; n = following(n, el)) {
    if (n.nodeType === 3 || n.nodeType === 4) {
      out += n.nodeValue ?? '';
      if (out.length > max) return out.slice(0, max + 1);
    }
  }
  return out;
}

/** The node after `n` in document order inside `el` (into an element's children first), or null at its end. */
function following(n: Node, el: Node): Node | null {
  if (n.nodeType === 1 && n.firstChild) return n.firstChild;
  let c: Node | null = n;
  while (c && c !== el && !c.nextSibling) c = c.parentNode;
  return !c || c === el ? null : c.nextSibling;
}

/** The element's text when it has at most `max` characters (unsquashed), else null. */
export function boundedText(el: Node, max: number): string | null {
  const t = textPrefix(el, max);
  return t.length > max ? null : t;
}

/**
 * The first text in the element that is not only whitespace (its first words as a reader sees them, modulo
 * script/style), looking at no more than `maxNodes` nodes; '' when there is none within them.
 */
export function leadingText(el: Node, maxNodes = 24): string {
  let seen = 0;
  for (let n: Node | null = el.firstChild; n && seen < maxNodes; n = following(n, el), seen++) {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      if (/\S/.test(v)) return v;
    }
  }
  return '';
}
