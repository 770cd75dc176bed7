/**
 * Highlights in a real Chromium with the built extension: the selection toolbar (driven by mouse and
 * keyboard; its shadow root is closed, so the test finds its buttons through CDP's pierce, never through a
 * hook in the product), notes through the card, reload restores, edit, delete with undo, the context-menu
 * path, SPA navigation and key-figure marks. Screenshots go to out/e2e/ (look at them).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/types';
import { repoRoot, setupExtension } from './harness';
import { highlightTexts, selectText } from './page-text';

const ext = setupExtension();
const artifacts = resolve(repoRoot, 'out/e2e');
mkdirSync(artifacts, { recursive: true });

const SENTENCE = 'the U.S. Army has 15 "Patriot" systems';

/** Select `text` (first occurrence in the body) with a real mouse drag. */
async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await page.evaluate(t => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const a = r.getBoundingClientRect();
      r.setStart(n, i + t.length - 1);
      r.setEnd(n, i + t.length);
      const b = r.getBoundingClientRect();
      return { x1: a.left + 1, y1: (a.top + a.bottom) / 2, x2: b.right - 1, y2: (b.top + b.bottom) / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`text not on the page: ${text}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/**
 * Nodes inside our closed shadow root, found with CDP's DOM domain (pierce: true), which sees closed roots.
 * Returns the centre of the first node matching, or null.
 */
async function shadowNode(
  cdp: CDPSession,
  match: { name: string; label?: string; text?: string },
): Promise<{ x: number; y: number; objectId: string } | null> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type N = {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: N[];
    shadowRoots?: N[];
    nodeValue?: string;
  };
  const textOf = (n: N): string => (n.nodeValue ?? '') + [...(n.children ?? [])].map(textOf).join('');
  const found: N[] = [];
  const walk = (n: N, inShadow: boolean) => {
    const attrs = n.attributes ?? [];
    const label = attrs[attrs.indexOf('aria-label') + 1];
    if (
      inShadow &&
      n.nodeName === match.name &&
      (match.label === undefined || (attrs.includes('aria-label') && label === match.label)) &&
      (match.text === undefined || textOf(n).trim() === match.text)
    )
      found.push(n);
    for (const c of n.children ?? []) walk(c, inShadow);
    for (const s of n.shadowRoots ?? []) walk(s, true);
  };
  walk(root as N, false);
  const node = found[0];
  if (!node) return null;
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
  const q = model.content;
  const { object } = await cdp.send('DOM.resolveNode', { nodeId: node.nodeId });
  return { x: (q[0]! + q[4]!) / 2, y: (q[1]! + q[5]!) / 2, objectId: object.objectId! };
}

async function clickShadow(page: Page, cdp: CDPSession, match: Parameters<typeof shadowNode>[1]) {
  const node = await expect
    .poll(() => shadowNode(cdp, match), { timeout: 5000 })
    .not.toBeNull()
    .then(() => shadowNode(cdp, match));
  await page.mouse.click(node!.x, node!.y);
}

async function shadowValue(cdp: CDPSession, match: Parameters<typeof shadowNode>[1]): Promise<string | null> {
  const node = await shadowNode(cdp, match);
  if (!node) return null;
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: node.objectId,
    functionDeclaration: 'function () { return this.value; }',
    returnByValue: true,
  });
  return result.value as string;
}

async function stored(url: string): Promise<Annotation[]> {
  const res = await ext.callBackground('annotationsForPage', url);
  if (!res.ok) throw new Error(`annotationsForPage: ${res.error.message}`);
  return res.value;
}

/** Click the middle of the first drawn range of a highlight. */
async function clickHighlight(page: Page, name: string): Promise<void> {
  const pt = await page.evaluate(n => {
    const r = [...CSS.highlights.get(`gleaner-${n}`)!][0] as Range;
    (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + Math.min(20, rect.width / 2), y: (rect.top + rect.bottom) / 2 };
  }, name);
  await page.mouse.click(pt.x, pt.y);
}

describe('highlights', () => {
  it('marks the key figures on the sample article', async () => {
    const page = await ext.openFixture('nato-patriot/');
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(() => highlightTexts(page, 'figure'), { timeout: 15_000 }).not.toHaveLength(0);
    const marks = await highlightTexts(page, 'figure');
    expect(marks.some(t => /15/.test(t))).toBe(true);
    await page.evaluate(() =>
      document.querySelector('article p:nth-of-type(5)')?.scrollIntoView({ block: 'center' }),
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(artifacts, 'figure-marks.png') });
    await page.close();
  });

  it('select, pick a colour in the toolbar, add a note, reload: the highlight and the note are back', async () => {
    const page = await ext.openFixture('nato-patriot/');
    await page.setViewportSize({ width: 1100, height: 900 });
    const cdp = await page.context().newCDPSession(page);
    const url = ext.fixture('nato-patriot/');
    await page.waitForTimeout(500); // the content script's idle start
    await dragSelect(page, SENTENCE);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(SENTENCE);
    // The toolbar shows; keyboard: Tab into it, arrow to green, Enter.
    await expect
      .poll(() => shadowNode(cdp, { name: 'BUTTON', text: 'Copy quote' }), { timeout: 5000 })
      .not.toBeNull();
    await page.screenshot({ path: resolve(artifacts, 'toolbar.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => highlightTexts(page, 'green')).toEqual([SENTENCE]);
    await expect.poll(async () => (await stored(url)).length, { timeout: 10_000 }).toBe(1);
    const [saved] = await stored(url);
    expect(saved).toMatchObject({ color: 'green', kind: 'highlight', note: '', orphaned: false });

    // The card: click the highlight, type a note, save with Ctrl+Enter.
    await clickHighlight(page, 'green');
    await expect.poll(() => shadowValue(cdp, { name: 'TEXTAREA' })).toBe('');
    const textarea = (await shadowNode(cdp, { name: 'TEXTAREA' }))!;
    await page.mouse.click(textarea.x, textarea.y);
    await page.keyboard.type('Cross-check with the Army count (gleaner-e2e).');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await stored(url))[0]?.note, { timeout: 10_000 })
      .toBe('Cross-check with the Army count (gleaner-e2e).');
    // The note never reaches the page's DOM (only the closed shadow root held it).
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('gleaner-e2e'))).toBe(false);

    await page.reload();
    await expect.poll(() => highlightTexts(page, 'green'), { timeout: 15_000 }).toEqual([SENTENCE]);
    await clickHighlight(page, 'green');
    await expect
      .poll(() => shadowValue(cdp, { name: 'TEXTAREA' }))
      .toBe('Cross-check with the Army count (gleaner-e2e).');
    await page.screenshot({ path: resolve(artifacts, 'highlight-card.png') });

    // Edit: colour to blue, Save.
    await clickShadow(page, cdp, { name: 'BUTTON', label: 'blue' });
    await clickShadow(page, cdp, { name: 'BUTTON', text: 'Save' });
    await expect.poll(() => highlightTexts(page, 'blue')).toEqual([SENTENCE]);
    expect(await highlightTexts(page, 'green')).toEqual([]);
    await expect.poll(async () => (await stored(url))[0]?.color).toBe('blue');

    // Delete, then Undo within the few seconds it is offered.
    await clickHighlight(page, 'blue');
    await clickShadow(page, cdp, { name: 'BUTTON', text: 'Delete' });
    await expect.poll(() => highlightTexts(page, 'blue')).toEqual([]);
    await expect.poll(async () => (await stored(url)).length).toBe(0);
    await clickShadow(page, cdp, { name: 'BUTTON', text: 'Undo' });
    await expect.poll(() => highlightTexts(page, 'blue')).toEqual([SENTENCE]);
    await expect
      .poll(async () => (await stored(url))[0]?.note)
      .toBe('Cross-check with the Army count (gleaner-e2e).');

    // Delete for good.
    await clickHighlight(page, 'blue');
    await clickShadow(page, cdp, { name: 'BUTTON', text: 'Delete' });
    await expect.poll(async () => (await stored(url)).length).toBe(0);
    await page.reload();
    await ext.callContent(page, 'ping');
    await page.waitForTimeout(1000);
    expect(await highlightTexts(page, 'blue')).toEqual([]);
    await cdp.detach();
    await page.close();
  });

  it('highlights through the context-menu path (toolbar off) and reveals it', async () => {
    const page = await ext.openFixture('nato-patriot/');
    const popupSettings = await ext.openExtensionPage('options.html');
    await popupSettings.evaluate(() =>
      chrome.storage.local.set({ settings: { selectionToolbar: false, defaultColor: 'pink' } }),
    );
    await popupSettings.close();
    await selectText(page, 'German Defense Minister Boris Pistorius');
    const res = await ext.callContent(page, 'highlightSelection', null);
    expect(res.ok).toBe(true);
    if (!res.ok || !res.value) throw new Error('no annotation');
    expect(res.value.color).toBe('pink');
    await expect
      .poll(() => highlightTexts(page, 'pink'))
      .toEqual(['German Defense Minister Boris Pistorius']);
    expect(await ext.callContent(page, 'revealAnnotation', res.value.id)).toEqual({ ok: true, value: true });
    expect(await ext.callContent(page, 'revealAnnotation', 'no-such-id')).toEqual({ ok: true, value: false });
    const bad = await ext.callContent(page, 'highlightSelection', 'red' as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    // The host of our UI is not reachable from the page: closed shadow root.
    const host = await page.evaluate(() =>
      [...document.documentElement.children]
        .filter(e => e.localName.startsWith('gleaner-ui-'))
        .map(e => e.shadowRoot),
    );
    expect(host.every(r => r === null)).toBe(true);
    const settings = await ext.openExtensionPage('options.html');
    await settings.evaluate(() => chrome.storage.local.remove('settings'));
    await settings.close();
    await page.close();
  });

  it('swaps the highlights on SPA navigation (pushState and back)', async () => {
    const page = await ext.openFixture('spa/');
    await page.waitForTimeout(500);
    await selectText(page, 'add 1,200 metres of berth');
    expect((await ext.callContent(page, 'highlightSelection', 'yellow')).ok).toBe(true);
    await expect.poll(() => highlightTexts(page, 'yellow')).toEqual(['add 1,200 metres of berth']);
    await expect.poll(async () => (await stored(ext.fixture('spa/'))).length, { timeout: 10_000 }).toBe(1);

    await page.click('a[data-story="2"]');
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?story=2');
    await expect.poll(() => highlightTexts(page, 'yellow'), { timeout: 5000 }).toEqual([]);
    await selectText(page, 'roughly 600 jobs on shore');
    const res = await ext.callContent(page, 'highlightSelection', 'blue');
    expect(res.ok && res.value?.pageUrl).toBe(ext.fixture('spa/?story=2'));
    await expect.poll(() => highlightTexts(page, 'blue')).toEqual(['roughly 600 jobs on shore']);

    await page.goBack();
    await expect
      .poll(() => highlightTexts(page, 'yellow'), { timeout: 5000 })
      .toEqual(['add 1,200 metres of berth']);
    expect(await highlightTexts(page, 'blue')).toEqual([]);
    await page.goForward();
    await expect
      .poll(() => highlightTexts(page, 'blue'), { timeout: 5000 })
      .toEqual(['roughly 600 jobs on shore']);
    await page.close();
  });

  it('re-attaches an orphan to a new selection from the toolbar', async () => {
    const page = await ext.openFixture('nato-patriot/');
    await page.setViewportSize({ width: 1100, height: 900 });
    const cdp = await page.context().newCDPSession(page);
    const url = ext.fixture('nato-patriot/');
    const quote = 'the production cycle of "Patriot" interceptor missiles is long';
    await selectText(page, quote);
    const made = await ext.callContent(page, 'highlightSelection', 'purple');
    if (!made.ok || !made.value) throw new Error('no annotation');
    const id = made.value.id;
    await expect
      .poll(async () => (await stored(url)).find(a => a.id === id)?.orphaned, { timeout: 10_000 })
      .toBe(false);
    // The page rewrites the passage: the highlight loses its place and is flagged once the page settles.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find(e =>
        e.textContent!.includes('production cycle'),
      )!;
      p.textContent =
        'Interceptor output is slow: each missile takes many months to build and costs millions.';
    });
    await expect.poll(() => highlightTexts(page, 'purple'), { timeout: 5000 }).toEqual([]);
    await expect
      .poll(async () => (await stored(url)).find(a => a.id === id)?.orphaned, { timeout: 10_000 })
      .toBe(true);
    await dragSelect(page, 'Interceptor output is slow');
    await clickShadow(page, cdp, { name: 'BUTTON', text: 'Re-attach (1)' });
    await clickShadow(page, cdp, { name: 'BUTTON', text: `“${quote}”` });
    await expect.poll(() => highlightTexts(page, 'purple')).toEqual(['Interceptor output is slow']);
    await expect.poll(async () => (await stored(url)).find(a => a.id === id)?.orphaned).toBe(false);
    const after = (await stored(url)).find(a => a.id === id)!;
    expect(after.target.selector).toContainEqual(
      expect.objectContaining({ exact: 'Interceptor output is slow' }),
    );
    await ext.callBackground('deleteAnnotation', id);
    await cdp.detach();
    await page.close();
  });

  it('works on a hostile page: overridden built-ins, CSS aimed at our host, synthetic events', async () => {
    const page = await ext.context.newPage();
    await page.addInitScript(() => {
      Array.prototype.map = function () {
        throw new Error('hostile map');
      };
      JSON.parse = () => {
        throw new Error('hostile JSON.parse');
      };
      const append = Node.prototype.appendChild;
      Node.prototype.appendChild = function <T extends Node>(this: Node, n: T): T {
        if (n instanceof Element && n.localName.includes('-')) throw new Error('hostile appendChild');
        return append.call(this, n) as T;
      };
      Element.prototype.attachShadow = () => {
        throw new Error('hostile attachShadow');
      };
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent =
          'html > :not(head):not(body) { display: none !important; opacity: 0 !important; } * { font-size: 30px !important; }';
        document.head.append(style);
      });
    });
    await page.goto(ext.fixture('nato-patriot/'));
    await expect.poll(async () => (await ext.callContent(page, 'ping')).ok, { timeout: 15_000 }).toBe(true);
    await page.setViewportSize({ width: 1100, height: 900 });
    const cdp = await page.context().newCDPSession(page);
    await page.waitForTimeout(500);
    await dragSelect(page, 'James Mingus, Vice Chief of Staff');
    await clickShadow(page, cdp, { name: 'BUTTON', label: 'Highlight yellow' });
    await expect.poll(() => highlightTexts(page, 'yellow')).toEqual(['James Mingus, Vice Chief of Staff']);
    const url = ext.fixture('nato-patriot/');
    await expect.poll(async () => (await stored(url)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Synthetic clicks on the highlight do not open the card.
    await page.evaluate(() => {
      const r = [...CSS.highlights.get('gleaner-yellow')!][0] as Range;
      const rect = r.getClientRects()[0]!;
      const init = { bubbles: true, clientX: rect.left + 5, clientY: rect.top + 5, button: 0 };
      r.startContainer.parentElement!.dispatchEvent(new PointerEvent('pointerup', init));
      r.startContainer.parentElement!.dispatchEvent(new MouseEvent('click', init));
    });
    await page.waitForTimeout(300);
    expect(await shadowNode(cdp, { name: 'TEXTAREA' })).toBeNull();
    // A real click does.
    await clickHighlight(page, 'yellow');
    await expect.poll(() => shadowValue(cdp, { name: 'TEXTAREA' })).toBe('');
    await page.screenshot({ path: resolve(artifacts, 'hostile-page-card.png') });
    await cdp.detach();
    await page.close();
  });

  it('opens the toolbar for a keyboard selection (Shift+arrows) and highlights from it by keyboard', async () => {
    const page = await ext.openFixture('nato-patriot/');
    const cdp = await page.context().newCDPSession(page);
    await page.waitForTimeout(500);
    await selectText(page, 'Lockheed Martin');
    await page.keyboard.press('Shift+ArrowRight'); // extends over the following space
    await expect
      .poll(() => shadowNode(cdp, { name: 'BUTTON', text: 'Copy quote' }), { timeout: 5000 })
      .not.toBeNull();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End'); // the last button: Copy quote
    await page.keyboard.press('ArrowLeft'); // Tag
    await page.keyboard.press('Enter');
    // Tag opens the card with the tag field focused: type and save.
    await page.keyboard.type('defence industry, US');
    await page.keyboard.press('Control+Enter');
    const url = ext.fixture('nato-patriot/');
    await expect
      .poll(async () => (await stored(url)).find(a => a.tags.length)?.tags, { timeout: 10_000 })
      .toEqual(['defence industry', 'US']);
    await expect.poll(() => highlightTexts(page, 'yellow')).toContain('Lockheed Martin');
    await cdp.detach();
    await page.close();
  });

  it('shows a key figure card on hover and pins the figure as an annotation', async () => {
    const page = await ext.openFixture('nato-patriot/');
    await page.setViewportSize({ width: 1100, height: 900 });
    const cdp = await page.context().newCDPSession(page);
    await expect
      .poll(() => highlightTexts(page, 'figure'), { timeout: 15_000 })
      .toContain('nearly 4 million U.S. dollars');
    const pt = await page.evaluate(() => {
      for (const r of CSS.highlights.get('gleaner-figure')!) {
        if ((r as Range).toString() !== 'nearly 4 million U.S. dollars') continue;
        (r as Range).startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = (r as Range).getClientRects()[0]!;
        return { x: rect.left + 10, y: (rect.top + rect.bottom) / 2 };
      }
      return null;
    });
    await page.mouse.move(pt!.x - 40, pt!.y - 40);
    await page.mouse.move(pt!.x, pt!.y, { steps: 4 });
    await expect.poll(() => shadowNode(cdp, { name: 'DD', text: 'money' }), { timeout: 5000 }).not.toBeNull();
    expect(await shadowNode(cdp, { name: 'DD', text: '4,000,000 USD' })).not.toBeNull();
    await page.screenshot({ path: resolve(artifacts, 'figure-card.png') });
    await clickShadow(page, cdp, { name: 'BUTTON', text: 'Pin' });
    const url = ext.fixture('nato-patriot/');
    await expect
      .poll(async () => (await stored(url)).filter(a => a.kind === 'figure').length, { timeout: 10_000 })
      .toBe(1);
    await cdp.detach();
    await page.close();
  });
});
