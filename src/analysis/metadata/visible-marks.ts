/**
 * What an element of the visible walk (visible.ts) is, by its class names and its text: page chrome
 * or the story's, a credit ("By Jane Doe", "Text von ...") or a media credit, a signed post's closing.
 * Pure reads of one element and its ancestors; never throws on odd markup.
 */
import { parseDate } from './dates';
import { squash } from './text';

const BAD_CLASS =
  /comment|related|teaser|recommend|sidebar|footer|copyright|widget|promo|newsletter|nav|menu|breadcrumb|avatar|more-from|popular|trending/;
/**
 * Share bars hold no other story, but far from the headline they are page furniture ("Follow us", counts);
 * at the headline some sites put the byline and the dateline inside them.
 */
const SHARE_CLASS = /share|social/;
/** "bio" as its own class word ("author-bio", "bio"), not inside "hasnt-bio" or "biography-link". */
const BIO_CLASS = /(?:^|\s)(?:author[-_]?)?bio(?:\s|$)/;
const META_BOX = /(?:^|[\s_-])(?:entry|post|article|story)?[-_]?meta(?:$|[\s_-])|byline|dateline/;
// Longer credits first: the first alternative that matches wins, and "Text" alone would leave "von
// Christian Seiler", which no longer starts with a name.
const BY_PREFIX =
  /^(?:(?:written by|text von|texte de|by|von|par|por|text|texte)\s+|(?:text|texte|autor(?:in)?|author|auteur(?:e)?|autora?|verfasser(?:in)?)\s*:\s*)/i;
/** Class names of the credit line under a photo, a video or a caption. */
export const MEDIA_CREDIT = /(?:photo|video|image|img|media|picture|foto|bild)[-_]?credit|caption|copyright/;
/** The first words of a credit, before the name: the cheap test ahead of reading an element's text. */
export const CREDIT_START =
  /^\s*(?:by|von|par|por|written|text|texte|autor(?:in)?|author|auteure?|autora|verfasser(?:in)?)\b/i;
/** "By Jane Doe", "Autorin: Uta Staschewski": a credit word, then a capitalised name ("Portion Fix" is not one). */
export function byText(t: string): boolean {
  const m = BY_PREFIX.exec(t);
  return !!m && /^[\p{Lu}\p{Lo}]/u.test(t.slice(m[0].length));
}

export function cls(el: Element): string {
  const c = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return (c + ' ' + id).toLowerCase();
}

/**
 * Class words that name the page's layout, not a box in it: "layoutTwoColumnsRightSidebar",
 * "has-sidebar", "container-with-sidebar" wrap the story too.
 */
const LAYOUT_WORD = /^(?:has|with|no)[-_]|layout|container[-_]with/;

/** An element's class and id words, less its layout words (see LAYOUT_WORD), lower-cased. */
function furnitureClass(el: Element): string {
  const c = cls(el);
  return LAYOUT_WORD.test(c)
    ? c
        .split(/\s+/)
        .filter(w => !LAYOUT_WORD.test(w))
        .join(' ')
    : c;
}

/** One to three capitalised words, no digits: a first name or a full name as a post is signed. */
const SIGNED_NAME = /^[\p{Lu}][\p{Ll}'’-]+(?: [\p{Lu}][\p{L}'’.-]*){0,2}$/u;

/**
 * The name in a sign-off paragraph: a name, a line break, a date, and nothing else ("Benni<br>10.
 * September 2017"), as letters and personal posts end. Null for anything else.
 */
export function signature(p: Element, lang: string | null): string | null {
  const br = p.firstElementChild;
  if (br?.localName !== 'br') return null;
  const before = squash(br.previousSibling?.nodeType === 3 ? br.previousSibling.nodeValue : '');
  const after = squash(br.nextSibling?.nodeType === 3 ? br.nextSibling.nodeValue : '');
  if (!before || !after || br.nextSibling?.nextSibling || br.previousSibling?.previousSibling) return null;
  if (before.length > 40 || after.length > 40 || !SIGNED_NAME.test(before)) return null;
  return parseDate(after, { lang }) ? before : null;
}

/** True when the element sits in page chrome or in comments (checked up to 12 ancestors). */
export function inChrome(el: Element, nearHeadline = false): boolean {
  let e: Element | null = el;
  for (let i = 0; e && i < 10; i++, e = e.parentElement) {
    const tag = e.tagName.toLowerCase();
    // Page-level classes ("single-post comments-open") say nothing about this element.
    if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') return false;
    const c = furnitureClass(e);
    if (BAD_CLASS.test(c) || BIO_CLASS.test(c) || (!nearHeadline && SHARE_CLASS.test(c))) return true;
    // An <aside class="meta"> or <footer class="entry-meta"> beside the story holds its own date and credits.
    if ((tag === 'footer' || tag === 'aside') && nearHeadline && META_BOX.test(c)) continue;
    if (tag === 'nav' || tag === 'footer' || tag === 'aside') return true;
  }
  return false;
}
