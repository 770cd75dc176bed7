/**
 * Non-article hints from what a page says about itself: an error title ("404", "Page not found",
 * "nie znaleziono strony") and shop markup (prices, offers, add-to-cart). Cheap selector reads on
 * the head and the first headings only; read-only, never throws on ordinary DOMs.
 */

/** An error page's title or main heading, in the languages we meet. */
const ERROR_TITLE = new RegExp(
  [
    String.raw`\b(?:error|fehler|erreur|błąd|errore|fout|fejl|virhe|hata|ошибка|erro)\s*[:#-]?\s*40[0134]\b`,
    String.raw`\b40[0134]\b\s*[-–—:|]?\s*(?:error|not found|page|fehler|erreur|błąd|seite|página|pagina|errore)`,
    String.raw`\bpage (?:not found|introuvable|non trouvée)`,
    String.raw`\b(?:not found|nicht gefunden|introuvable|no encontrad[ao]|non trovat[ao]|niet gevonden|nie znaleziono|ikke fundet|não encontrad[ao])\b`,
    'не найден',
    '見つかりません',
    '找不到',
    '찾을 수 없',
  ].join('|'),
  'i',
);

export interface PageHints {
  /** The error title or heading that matched, or null. */
  error: string | null;
  /** Price and offer markers (microdata, product meta tags, add-to-cart controls). */
  shop: number;
}

export function pageHints(doc: Document): PageHints {
  const hints: PageHints = { error: null, shop: 0 };
  const heads = [doc.title];
  const h1s = doc.body?.getElementsByTagName('h1');
  for (let i = 0; h1s && i < h1s.length && i < 3; i++) heads.push(h1s[i]?.textContent ?? '');
  for (const h of heads) {
    const t = h.replace(/\s+/g, ' ').trim();
    if (t.length > 0 && t.length < 200 && ERROR_TITLE.test(t)) {
      hints.error = t.slice(0, 80);
      break;
    }
  }
  hints.shop = doc.querySelectorAll(
    '[itemprop=price], [itemprop=offers], [itemprop=priceCurrency], meta[property="product:price:amount"], meta[property="og:price:amount"], [name="add-to-cart"], form[action*="cart" i] [type=submit], button[name*="cart" i], [class*="add-to-cart" i], [id*="add-to-cart" i]',
  ).length;
  return hints;
}
