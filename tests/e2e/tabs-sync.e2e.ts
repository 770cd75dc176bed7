/**
 * Two tabs on the same article in a real Chromium: a highlight made in one shows in the other without a
 * reload, and a delete from the library (the popup's path) removes it from both (src/background/announce.ts).
 * A tab on another page is told nothing it should act on.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupExtension } from './harness';

const ext = setupExtension();
const QUOTE = 'Vice Chief of Staff';

function highlightTexts(page: Page, color: string): Promise<string[]> {
  return page.evaluate(c => {
    const out: string[] = [];
    for (const r of CSS.highlights.get(`gleaner-${c}`) ?? []) out.push(r.toString());
    return out;
  }, color);
}

async function select(page: Page, text: string): Promise<void> {
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
  expect(found).toBe(true);
}

describe('tabs stay in step', () => {
  it('a highlight made in one tab appears in the other tab on the same page, and a delete leaves both', async () => {
    await ext.resetStorage();
    const a = await ext.openFixture('nato-patriot/');
    const b = await ext.openFixture('nato-patriot/');
    const elsewhere = await ext.openFixture('home/');
    await ext.tabId(a);
    await select(a, QUOTE);
    const made = await ext.callContent(a, 'highlightSelection', 'green');
    expect(made.ok).toBe(true);
    const id = made.ok ? made.value?.id : undefined;
    expect(id).toBeTruthy();
    await expect.poll(() => highlightTexts(a, 'green')).toEqual([QUOTE]);
    await expect.poll(() => highlightTexts(b, 'green'), { timeout: 10_000 }).toEqual([QUOTE]);
    expect(await highlightTexts(elsewhere, 'green')).toEqual([]);

    const deleted = await ext.callBackground('deleteAnnotation', id!);
    expect(deleted.ok).toBe(true);
    await expect.poll(() => highlightTexts(a, 'green'), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => highlightTexts(b, 'green'), { timeout: 10_000 }).toEqual([]);
    await Promise.all([a.close(), b.close(), elsewhere.close()]);
  });
});
