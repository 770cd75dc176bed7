/** Page-side helpers shared by the Chromium highlight tests (they run in the page's own world). */
import type { Page } from 'playwright-core';

/** Select `text` programmatically (the context-menu path does not need the toolbar). */
export async function selectText(page: Page, text: string): Promise<void> {
  const found = await page.evaluate(t => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + t.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return true;
    }
    return false;
  }, text);
  if (!found) throw new Error(`text not on the page: ${text}`);
}

/** The texts drawn under ::highlight(gleaner-<name>), read from the page's own world. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(n => {
    const h = CSS.highlights.get(`gleaner-${n}`);
    const out: string[] = []; // no Array.prototype.map: the hostile-page test replaces it
    for (const r of h ?? []) out.push(r.toString());
    return out;
  }, name);
}
