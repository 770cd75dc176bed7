/** The text model of text-index.ts for single characters, strings and elements (see there). */

export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'select',
  'iframe',
  'object',
  'canvas',
]);

export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Whitespace for the text model. Kept in sync with normalizeText. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680
  );
}

/** Characters that render as nothing (soft hyphen, zero-width space, BOM). */
export function isInvisibleCode(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0xfeff;
}

/** Anything normalizeText would change: a non-' ' space or invisible, or two spaces in a row. */
const NEEDS_NORMALIZING =
  /[\t\n\v\f\r\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** The text model applied to a plain string: collapse whitespace, drop invisibles. Does not trim. */
export function normalizeText(s: string): string {
  if (!NEEDS_NORMALIZING.test(s)) return s;
  let out = '';
  let lastSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else if (!isInvisibleCode(c)) {
      out += s[i];
      lastSpace = false;
    }
  }
  return out;
}

export function isElementExcluded(el: Element): boolean {
  return SKIP.has(el.localName) || el.hasAttribute('hidden');
}
