/**
 * Two tabs on the same article in a real Chromium: a highlight made in one shows in the other without a
 * reload, and a delete from the library (the popup's path) removes it from both (src/background/announce.ts).
 * A tab on another page is told nothing it should act on.
 */
import { describe, expect, it } from 'vitest';
import { setupExtension } from './harness';
import { highlightTexts, selectText } from './page-text';

const ext = setupExtension();
const QUOTE = 'Vice Chief of Staff';

describe('tabs stay in step', () => {
  it('a highlight made in one tab appears in the other tab on the same page, and a delete leaves both', async () => {
    await ext.resetStorage();
    const a = await ext.openFixture('nato-patriot/');
    const b = await ext.openFixture('nato-patriot/');
    const elsewhere = await ext.openFixture('home/');
    await ext.tabId(a);
    await selectText(a, QUOTE);
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
