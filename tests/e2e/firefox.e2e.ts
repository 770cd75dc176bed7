/**
 * The Firefox build (dist/firefox) in a real Firefox: Debian's firefox-esr, driven through its own WebDriver
 * BiDi endpoint (scripts/lib/firefox.mjs; Playwright cannot drive a stock Firefox). The extension is installed
 * as a temporary add-on, the sample article is served from 127.0.0.1, and the test checks what a reader would
 * see: the key-figure marks painted by the analysis engine bundled into content.js, a highlight made with
 * TRUSTED mouse input (drag-select, click a colour in the closed-shadow toolbar found by hit-testing), one made
 * with the keyboard (Tab into the toolbar, arrow, Enter), and both restored in a new tab and after a reload
 * (stored by the event page in IndexedDB, re-anchored by a fresh content script), the popup listing them, a
 * note typed into the card, and SPA navigation swapping the highlights.
 *
 * Skips, with the install command in its name and on stderr, when no Firefox is installed (FIREFOX_PATH or
 * /usr/bin/firefox-esr). Screenshots go to out/e2e/firefox-*.png.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/result';
import type { Annotation } from '../../src/shared/types';
import { serveDirectory } from '../../scripts/lib/chromium.mjs';
import {
  FIREFOX_INSTALL_HINT,
  evaluate,
  findFirefox,
  installExtension,
  launchFirefox,
  backgroundState,
  consoleErrors,
  mouseClick,
  openExtensionPage,
  openTab,
  pressKeys,
  reload,
  screenshot,
  terminateBackground,
  typeText,
  type FirefoxSession,
} from '../../scripts/lib/firefox.mjs';
import { centreOf, firstSwatch, highlightTexts, selectWithToolbar } from './firefox-page';

const repoRoot = resolve(import.meta.dirname, '../..');
const extensionDir = resolve(repoRoot, 'dist/firefox');
const fixturesDir = resolve(repoRoot, 'tests/fixtures/pages');
const artifacts = resolve(repoRoot, 'out/e2e');

const executable = findFirefox();
const where = process.env.FIREFOX_PATH ? `FIREFOX_PATH=${process.env.FIREFOX_PATH}` : '/usr/bin/firefox-esr';
if (!executable) console.warn(`[firefox.e2e] SKIPPED: no Firefox at ${where}. ${FIREFOX_INSTALL_HINT}`);
const title = executable
  ? `Gleaner in Firefox (${executable}, WebDriver BiDi)`
  : `Gleaner in Firefox: SKIPPED, no Firefox at ${where}. ${FIREFOX_INSTALL_HINT}`;

/** Selected with the mouse, coloured by clicking the first swatch (yellow). */
const MOUSE_PHRASE = "Ukraine's air defense capabilities have always been a focus of NATO";
/** Selected with the mouse, coloured with the keyboard: Tab, ArrowRight (green), Enter. */
const KEYBOARD_PHRASE = 'the U.S. Army has 15 "Patriot" systems';
/** Selected with the mouse; "Note" in the toolbar (keyboard), then a note typed into the card. */
const NOTE_PHRASE = 'James Mingus, Vice Chief of Staff of the U.S. Army';
const NOTE = 'Cross-check with the Army count (gleaner-firefox-e2e).';
/** Highlighted pink (keyboard) while the event page is stopped. */
const WAKE_PHRASE = 'the production cycle of "Patriot" interceptor missiles is long';

describe.skipIf(!executable)(title, () => {
  let ff: FirefoxSession;
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let tab: string;
  let url: string;
  const uuid = randomUUID();
  let popup: string;
  let addonId: string;

  /** The sample article's annotations, asked of the event page from the popup tab (an extension sender). */
  async function storedOnPage(pageUrl = url): Promise<Annotation[]> {
    const reply = await evaluate(
      ff.bidi,
      popup,
      u => browser.runtime.sendMessage({ gleaner: 1, type: 'annotationsForPage', args: [u] }),
      pageUrl,
    );
    const res = reply as Result<Annotation[]>;
    if (!res.ok) throw new Error(`annotationsForPage: ${res.error.message}`);
    return res.value;
  }

  beforeAll(async () => {
    if (!existsSync(resolve(extensionDir, 'manifest.json')))
      throw new Error(`No Firefox build at ${extensionDir}. Run: npm run build`);
    server = await serveDirectory(fixturesDir);
    url = server.url('nato-patriot/');
    const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    addonId = manifest.browser_specific_settings.gecko.id;
    // A pinned moz-extension:// host and system access, so the test can open popup.html in a tab.
    ff = await launchFirefox(repoRoot, { extensionUuids: { [addonId]: uuid }, systemAccess: true });
    expect(await installExtension(ff.bidi, extensionDir)).toBe(addonId);
    // The popup in a tab: the tests ask the event page through it (an extension sender) what is stored.
    popup = await openExtensionPage(ff.bidi, uuid, 'popup.html');
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('the content script runs and the bundled engine paints the key figures (CSS Custom Highlight API)', async () => {
    tab = await openTab(ff.bidi, url);
    await ff.bidi.send('browsingContext.setViewport', {
      context: tab,
      viewport: { width: 1100, height: 900 },
    });
    await expect
      .poll(() => highlightTexts(ff.bidi, tab, 'figure'), { timeout: 20_000, interval: 250 })
      .not.toHaveLength(0);
    const marks = await highlightTexts(ff.bidi, tab, 'figure');
    expect(marks).toContain('15');
    expect(marks.some(t => /million/.test(t))).toBe(true);
    // The native highlighter is used: the page's DOM carries no fallback marks.
    expect(await evaluate(ff.bidi, tab, () => document.querySelectorAll('gleaner-mark').length)).toBe(0);
    await screenshot(ff.bidi, tab, resolve(artifacts, 'firefox-figure-marks.png'));
  });

  it('trusted mouse: drag-select a phrase, click the first colour in the toolbar: yellow highlight', async () => {
    const box = await selectWithToolbar(ff.bidi, tab, MOUSE_PHRASE);
    await screenshot(ff.bidi, tab, resolve(artifacts, 'firefox-toolbar.png'));
    await mouseClick(ff.bidi, tab, firstSwatch(box));
    await expect
      .poll(() => highlightTexts(ff.bidi, tab, 'yellow'), { timeout: 5000 })
      .toEqual([MOUSE_PHRASE]);
    await expect
      .poll(async () => (await storedOnPage()).map(a => a.color), { timeout: 10_000 })
      .toEqual(['yellow']);
  });

  it('keyboard: Tab into the toolbar, ArrowRight, Enter: green highlight', async () => {
    await selectWithToolbar(ff.bidi, tab, KEYBOARD_PHRASE);
    await pressKeys(ff.bidi, tab, ['Tab', 'ArrowRight', 'Enter']);
    await expect
      .poll(() => highlightTexts(ff.bidi, tab, 'green'), { timeout: 5000 })
      .toEqual([KEYBOARD_PHRASE]);
    expect(await highlightTexts(ff.bidi, tab, 'yellow')).toEqual([MOUSE_PHRASE]);
    // The save is asynchronous: wait for it, or a tab opened next could read the store before it lands.
    await expect
      .poll(async () => (await storedOnPage()).map(a => a.color).sort(), { timeout: 10_000 })
      .toEqual(['green', 'yellow']);
  });

  it('a new tab and a reload: both highlights come back from the background store', async () => {
    // A fresh content script in a second tab can only learn the highlights from the background's IndexedDB.
    const both = async (context: string) => ({
      yellow: await highlightTexts(ff.bidi, context, 'yellow'),
      green: await highlightTexts(ff.bidi, context, 'green'),
    });
    const expected = { yellow: [MOUSE_PHRASE], green: [KEYBOARD_PHRASE] };
    const second = await openTab(ff.bidi, url);
    await expect.poll(() => both(second), { timeout: 20_000, interval: 250 }).toEqual(expected);
    await ff.bidi.send('browsingContext.close', { context: second });

    await reload(ff.bidi, tab);
    await expect.poll(() => both(tab), { timeout: 20_000, interval: 250 }).toEqual(expected);
    await expect.poll(() => highlightTexts(ff.bidi, tab, 'figure')).not.toHaveLength(0);
    await screenshot(ff.bidi, tab, resolve(artifacts, 'firefox-restored.png'));
  });

  it('the popup (in a tab) lists both highlights; the event page answers from IndexedDB', async () => {
    // Opened before the highlights were made: reload it, as a user opens the popup afresh.
    await reload(ff.bidi, popup);
    const stored = (await storedOnPage()).map(a => ({ color: a.color, kind: a.kind, orphaned: a.orphaned }));
    expect(stored).toEqual(
      expect.arrayContaining([
        { color: 'yellow', kind: 'highlight', orphaned: false },
        { color: 'green', kind: 'highlight', orphaned: false },
      ]),
    );
    expect(stored).toHaveLength(2);
    await evaluate(ff.bidi, popup, () =>
      Array.from(document.querySelectorAll<HTMLElement>('[role="tab"], button'))
        .find(b => /Library/.test(b.textContent ?? ''))
        ?.click(),
    );
    const text = () => evaluate(ff.bidi, popup, () => document.body.innerText);
    await expect.poll(text, { timeout: 10_000 }).toMatch(/2 highlights, newest first/);
    expect(await text()).toContain(MOUSE_PHRASE);
    expect(await text()).toContain(KEYBOARD_PHRASE);
    await ff.bidi.send('browsingContext.setViewport', {
      context: popup,
      viewport: { width: 480, height: 640 },
    });
    await screenshot(ff.bidi, popup, resolve(artifacts, 'firefox-popup.png'));
  });

  it('keyboard note: "Note" in the toolbar focuses the card, typed text is saved with Ctrl+Enter', async () => {
    await ff.bidi.send('browsingContext.activate', { context: tab });
    await selectWithToolbar(ff.bidi, tab, NOTE_PHRASE);
    // Five swatches, then Note.
    await pressKeys(ff.bidi, tab, [
      'Tab',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'Enter',
    ]);
    await typeText(ff.bidi, tab, NOTE);
    await pressKeys(ff.bidi, tab, ['Control+Enter']);
    await expect
      .poll(async () => (await storedOnPage()).find(a => a.note === NOTE)?.target, { timeout: 10_000 })
      .toBeDefined();
    const saved = (await storedOnPage()).find(a => a.note === NOTE)!;
    expect(saved).toMatchObject({ kind: 'highlight', orphaned: false });
    const quote = saved.target.selector.find(s => s.type === 'TextQuoteSelector');
    expect(quote).toMatchObject({ exact: NOTE_PHRASE });
    // The note lives only in the closed shadow root and the store, never in the page's DOM.
    expect(
      await evaluate(ff.bidi, tab, () => document.documentElement.outerHTML.includes('gleaner-firefox-e2e')),
    ).toBe(false);
  });

  it('a stopped event page wakes for the content script: reload restores, a new highlight is stored', async () => {
    await ff.bidi.send('browsingContext.activate', { context: tab });
    expect(await terminateBackground(ff.bidi, addonId)).toBe('stopped');
    await reload(ff.bidi, tab);
    await expect
      .poll(() => highlightTexts(ff.bidi, tab, 'green'), { timeout: 20_000, interval: 250 })
      .toEqual([KEYBOARD_PHRASE]);
    expect(await backgroundState(ff.bidi, addonId)).toBe('running');

    expect(await terminateBackground(ff.bidi, addonId)).toBe('stopped');
    await selectWithToolbar(ff.bidi, tab, WAKE_PHRASE);
    await pressKeys(ff.bidi, tab, ['Tab', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'Enter']); // pink
    await expect.poll(() => highlightTexts(ff.bidi, tab, 'pink')).toEqual([WAKE_PHRASE]);
    // Only the content script's save can have started it: the popup tab is idle.
    await expect.poll(() => backgroundState(ff.bidi, addonId), { timeout: 10_000 }).toBe('running');
    await expect
      .poll(async () => (await storedOnPage()).find(a => a.color === 'pink')?.orphaned, { timeout: 10_000 })
      .toBe(false);
  });

  it('SPA navigation (pushState from a trusted click, then back and forward) swaps the highlights', async () => {
    const spaUrl = server.url('spa/');
    const spa = await openTab(ff.bidi, spaUrl);
    const first = 'add 1,200 metres of berth';
    const second = 'roughly 600 jobs on shore';
    const box = await selectWithToolbar(ff.bidi, spa, first);
    await mouseClick(ff.bidi, spa, firstSwatch(box));
    await expect.poll(() => highlightTexts(ff.bidi, spa, 'yellow')).toEqual([first]);
    await expect.poll(async () => (await storedOnPage(spaUrl)).length, { timeout: 10_000 }).toBe(1);

    await mouseClick(ff.bidi, spa, await centreOf(ff.bidi, spa, 'a[data-story="2"]'));
    await expect.poll(() => evaluate(ff.bidi, spa, () => location.search)).toBe('?story=2');
    await expect.poll(() => highlightTexts(ff.bidi, spa, 'yellow'), { timeout: 5000 }).toEqual([]);
    await selectWithToolbar(ff.bidi, spa, second);
    await pressKeys(ff.bidi, spa, ['Tab', 'ArrowRight', 'ArrowRight', 'Enter']); // yellow, green, blue
    await expect.poll(() => highlightTexts(ff.bidi, spa, 'blue')).toEqual([second]);
    await expect
      .poll(async () => (await storedOnPage(server.url('spa/?story=2'))).map(a => a.color), {
        timeout: 10_000,
      })
      .toEqual(['blue']);

    await ff.bidi.send('browsingContext.traverseHistory', { context: spa, delta: -1 });
    await expect.poll(() => highlightTexts(ff.bidi, spa, 'yellow'), { timeout: 5000 }).toEqual([first]);
    expect(await highlightTexts(ff.bidi, spa, 'blue')).toEqual([]);
    await ff.bidi.send('browsingContext.traverseHistory', { context: spa, delta: 1 });
    await expect.poll(() => highlightTexts(ff.bidi, spa, 'blue'), { timeout: 5000 }).toEqual([second]);
    expect(await highlightTexts(ff.bidi, spa, 'yellow')).toEqual([]);
    await ff.bidi.send('browsingContext.close', { context: spa });
  });

  it('the Browser Console holds no uncaught error from the extension (pages, event page, content scripts)', async () => {
    expect(await consoleErrors(ff.bidi, `moz-extension://${uuid}/`)).toEqual([]);
  });
});
