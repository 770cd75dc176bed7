/**
 * The popup in a real Chromium with the built extension, on the sample article: what the analysis
 * found is shown, a figure click scrolls the page, a note saved in the popup is found by library
 * search, an export downloads the right file, and importing that file into a fresh profile restores
 * the library. Screenshots of both main tabs in light and dark go to out/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension, tempDir } from '../../scripts/lib/chromium.mjs';
import type { PageAnalysis } from '../../src/analysis/types';
import { figureRows } from '../../src/popup/components/ThisPage/figure-rows';
import { extensionDir, repoRoot, setupExtension } from './harness';

const ext = setupExtension();
const shots = resolve(repoRoot, 'out/screenshots');
mkdirSync(shots, { recursive: true });
const NOTE = 'Check the quokka-zebra figure against the ministry release';

let article: Page;
let popup: Page;
let analysis: PageAnalysis;
let exportedFile = '';
const errors: string[] = [];

async function openPopup(query: string): Promise<Page> {
  const p = await ext.openExtensionPage(`popup.html?${query}`);
  p.on('pageerror', e => errors.push(e.message));
  await p.setViewportSize({ width: 400, height: 600 });
  return p;
}

afterAll(() => {
  expect(errors).toEqual([]);
});

describe('popup on the sample article', () => {
  it('shows the summary, the key figures and the key people', async () => {
    article = await ext.openFixture('nato-patriot/');
    await article.setViewportSize({ width: 900, height: 500 });
    const reply = await ext.callContent(article, 'getAnalysis');
    if (!reply.ok) throw new Error(`getAnalysis failed: ${JSON.stringify(reply.error)}`);
    analysis = reply.value;
    expect(analysis.isArticle).toBe(true);
    const tabId = await ext.tabId(article);
    popup = await openPopup(`tab=${tabId}`);

    await expect
      .poll(() => popup.getByRole('heading', { level: 2 }).first().innerText(), { timeout: 15_000 })
      .toBe(analysis.meta.title);
    const summary = popup.locator('ul.summary li');
    await expect.poll(() => summary.count()).toBe(analysis.summary.length);
    expect(analysis.summary.length).toBeGreaterThan(0);
    expect(await summary.first().innerText()).toBe(analysis.summary[0]);

    // The key figures (or, when the analysis marks none key, the best-scored few), in text order.
    const shown = figureRows(analysis.figures).rows;
    expect(shown.length).toBeGreaterThan(0);
    const rows = popup.locator('table.figures tbody tr');
    expect(await rows.count()).toBe(shown.length);
    expect(await rows.locator('td.counted').allInnerTexts()).toEqual(shown.map(r => r.f.counted || r.f.text));

    const people = analysis.entities.filter(e => e.key && e.kind === 'person');
    expect(people.length).toBeGreaterThan(0);
    const entityText = await popup.locator('ul.entities').innerText();
    for (const p of people) expect(entityText).toContain(p.name);
  });

  it('scrolls the page to a figure when it is clicked', async () => {
    const shown = figureRows(analysis.figures).rows;
    // The figure furthest down the text: the page must scroll to show it.
    const position = shown.length - 1;
    const target = shown[position]!;
    await article.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('table.figures .figure-value').nth(position).click();
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
    // The scroll may be smooth: wait until the figure's text is inside the viewport.
    const inView = () =>
      article.evaluate(
        ({ text }) => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.textContent!.indexOf(text);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + text.length);
            const r = range.getBoundingClientRect();
            if (r.bottom > 0 && r.top < innerHeight) return true;
          }
          return false;
        },
        { text: target.f.text },
      );
    await expect.poll(inView, { timeout: 5_000 }).toBe(true);
  });

  it('saves a note in place, and library search finds it', async () => {
    // Highlight the first sentence of the body through the content script, as the toolbar would.
    const quote = await article.evaluate(() => {
      const p = [...document.querySelectorAll('article p, main p, p')].find(
        el => (el.textContent ?? '').trim().length > 80,
      )!;
      const text = p.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, Math.min(60, text.textContent!.length));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return range.toString();
    });
    const made = await ext.callContent(article, 'highlightSelection', 'green');
    expect(made.ok && made.value).toBeTruthy();

    await popup.reload();
    const note = popup.getByPlaceholder('Add a note…');
    await note.waitFor({ timeout: 15_000 });
    expect(await popup.locator('ul.annotations .quote').first().innerText()).toBe(quote.trim() || quote);
    await note.fill(NOTE);
    await note.blur();
    await expect.poll(() => popup.locator('.toast').innerText()).toBe('Saved.');

    await popup.getByRole('tab', { name: 'Library' }).click();
    await popup.getByRole('searchbox').fill('quokka');
    const row = popup.locator('.vrow').first();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain(NOTE.slice(0, 20));
    const marks = await popup.locator('.vrow mark').allInnerTexts();
    expect(marks.map(m => m.toLowerCase())).toContain('quokka');
  });

  it('saves screenshots of both tabs in light and dark', async () => {
    const tabId = await ext.tabId(article);
    for (const scheme of ['light', 'dark'] as const) {
      for (const view of ['page', 'library'] as const) {
        const p = await openPopup(`tab=${tabId}&view=${view}`);
        await p.emulateMedia({ colorScheme: scheme });
        if (view === 'page') await p.locator('table.figures').waitFor({ timeout: 15_000 });
        else await p.locator('.vrow').first().waitFor({ timeout: 15_000 });
        await p.screenshot({
          path: resolve(shots, `popup-${view === 'page' ? 'this-page' : 'library'}-${scheme}.png`),
        });
        if (view === 'page') {
          // The lower half: key figures, people and the user's highlights.
          await p.locator('#figures-h').evaluate(h => h.scrollIntoView({ block: 'start' }));
          await p.screenshot({ path: resolve(shots, `popup-this-page-figures-${scheme}.png`) });
        }
        await p.close();
      }
    }
  });

  it('options: a setting changed there is stored at once; screenshots in light and dark', async () => {
    const options = await ext.openExtensionPage('options.html');
    options.on('pageerror', e => errors.push(e.message));
    await options.setViewportSize({ width: 760, height: 1000 });
    const toggle = options.getByRole('checkbox', { name: 'Mark key figures in articles' });
    await toggle.waitFor();
    await toggle.uncheck();
    await expect
      .poll(() =>
        ext.worker.evaluate(() =>
          chrome.storage.local
            .get('settings')
            .then(s => (s.settings as { highlightFigures?: boolean } | undefined)?.highlightFigures),
        ),
      )
      .toBe(false);
    await toggle.check();
    await expect.poll(() => options.getByText('Alt+Shift+G').count()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.screenshot({ path: resolve(shots, `options-${scheme}.png`), fullPage: true });
    }
    await options.close();
  });

  it('exports a file whose content is right', async () => {
    await popup.getByRole('tab', { name: 'Export and import' }).click();
    await popup.getByRole('radio', { name: 'JSON (W3C Web Annotation)' }).check();
    await popup.getByRole('radio', { name: 'Everything' }).check();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Download' }).click(),
    ]);
    exportedFile = resolve(tempDir(repoRoot, 'popup-export-'), download.suggestedFilename());
    await download.saveAs(exportedFile);
    const text = readFileSync(exportedFile, 'utf8');
    const json: unknown = JSON.parse(text);
    expect(json).toBeTruthy();
    expect(text).toContain(NOTE);
    expect(text).toContain(analysis.url);
    expect(await popup.locator('.export-form .ok').innerText()).toMatch(/^Exported 1 item to /);
  });

  it('imports that file into a fresh profile and restores the library', async () => {
    const second = await launchWithExtension(extensionDir, {
      userDataDir: tempDir(repoRoot, 'popup-import-'),
    });
    try {
      const p = await second.context.newPage();
      p.on('pageerror', e => errors.push(e.message));
      await p.goto(`chrome-extension://${second.extensionId}/popup.html?view=export`);
      await p.locator('input[type=file]').setInputFiles(exportedFile);
      await expect
        .poll(() => p.locator('.import-form').innerText(), { timeout: 15_000 })
        .toMatch(/Imported “.*”: 1 added, 0 updated, 0 skipped/);
      await p.getByRole('tab', { name: 'Library' }).click();
      await p.getByRole('searchbox').fill('quokka');
      await expect
        .poll(() => p.locator('.vrow').first().innerText(), { timeout: 10_000 })
        .toContain(NOTE.slice(0, 20));
    } finally {
      await second.context.close();
    }
  });
});
