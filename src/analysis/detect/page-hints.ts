/**
 * Non-article hints from what a page says about itself: an error title ("404", "Page not found",
 * "nie znaleziono strony") in the title or the first h1s. (Shop markup is counted in the walk.)
 * No selector queries; read-only, never throws on ordinary DOMs.
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
}

export function pageHints(doc: Document): PageHints {
  const hints: PageHints = { error: null };
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
  return hints;
}
