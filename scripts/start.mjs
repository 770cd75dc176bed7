/**
 * `npm start`: build, serve the fixture pages on 127.0.0.1, open Chromium with dist/chrome on the
 * sample article.
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY set, and no --headless flag): a normal window the
 *   user works in; we wait until the browser is closed, then stop the server.
 * - Without one (or with --headless): headless; we wait until the content script has analysed the
 *   page, save screenshots of the page and of the popup to out/demo/, print where, and exit 0.
 * - No browser found: say so, with the install command, and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findChromium,
  launchWithExtension,
  requireChromium,
  serveDirectory,
  tempDir,
} from './lib/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const SAMPLE = 'nato-patriot/';
const outDir = join(root, 'out', 'demo');

// Chromium leaves temp dirs behind; keep them inside the project.
mkdirSync(join(root, '.tmp'), { recursive: true });
process.env.TMPDIR = join(root, '.tmp');

if (!findChromium()) {
  try {
    requireChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
}

if (!args.has('--no-build')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await serveDirectory(join(root, 'tests', 'fixtures', 'pages'));
const userDataDir = tempDir(root, 'start-profile-');
const cleanup = async () => {
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
};

/** Sends a call to the content script of the active tab, from the worker (as harness.ts does). */
function callActiveTab(worker, type, callArgs = []) {
  return worker.evaluate(
    async ([t, a]) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return { ok: false, error: { code: 'not-found', message: 'no active tab' } };
      return chrome.tabs.sendMessage(tab.id, { gleaner: 1, type: t, args: a }, { frameId: 0 });
    },
    [type, callArgs],
  );
}

/** Polls until the content script answers `type` with ok; returns the reply or the last failure. */
async function waitFor(page, worker, type, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    await page.bringToFront();
    last = await callActiveTab(worker, type).catch(error => ({
      ok: false,
      error: { message: error instanceof Error ? error.message : String(error) },
    }));
    if (last?.ok || Date.now() > deadline) return last;
    await page.waitForTimeout(200);
  }
}

async function runHeaded() {
  const { context } = await launchWithExtension(join(root, 'dist', 'chrome'), {
    userDataDir,
    headless: false,
    viewport: null,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url(SAMPLE));
  console.log(`Gleaner is loaded in Chromium on ${server.url(SAMPLE)}`);
  console.log(`Other fixture pages are served at ${server.origin}/. Close the browser to stop.`);
  await new Promise(done => context.on('close', done));
}

async function runHeadless() {
  const { context, worker, extensionId } = await launchWithExtension(join(root, 'dist', 'chrome'), {
    userDataDir,
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url(SAMPLE));
    const ping = await waitFor(page, worker, 'ping', 20_000);
    if (!ping?.ok) throw new Error(`the content script did not answer: ${JSON.stringify(ping)}`);
    // The analysis may not be wired yet; the screenshots are still worth taking.
    const analysis = await waitFor(page, worker, 'getAnalysis', 10_000);
    const verdict = analysis?.ok
      ? `analysed: ${analysis.value.isArticle ? 'article' : 'not an article'}` +
        (analysis.value.meta?.title ? ` "${analysis.value.meta.title}"` : '') +
        (Array.isArray(analysis.value.figures) ? `, ${analysis.value.figures.length} key figures` : '')
      : `no analysis yet (${analysis?.error?.message ?? 'no reply'})`;

    // Show a highlight in the demo: the first sentence of the article's first paragraph.
    let highlight = '';
    if (analysis?.ok && analysis.value.isArticle) {
      const selected = await page.evaluate(() => {
        const p = [...document.querySelectorAll('article p, main p')].find(el => el.textContent.length > 120);
        const text = p?.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return false;
        const end = text.textContent.indexOf('. ');
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, end > 0 ? end + 1 : text.textContent.length);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return true;
      });
      const made = selected
        ? await callActiveTab(worker, 'highlightSelection', ['yellow']).catch(() => null)
        : null;
      highlight = made?.ok && made.value ? ', one passage highlighted' : '';
      await page.waitForTimeout(1000);
    }

    mkdirSync(outDir, { recursive: true });
    const pageShot = join(outDir, 'page.png');
    await page.screenshot({ path: pageShot });

    await page.bringToFront();
    const tabId = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    // Let the popup render its first data (it asks the background and the tab).
    await popup.waitForLoadState('networkidle').catch(() => undefined);
    await popup.waitForTimeout(1500);
    const popupShot = join(outDir, 'popup.png');
    await popup.screenshot({ path: popupShot });

    console.log(`Headless run (no display): ${verdict}${highlight}.`);
    console.log(
      `Screenshots: ${relative(process.cwd(), pageShot)} and ${relative(process.cwd(), popupShot)}`,
    );
  } finally {
    await context.close();
  }
}

let code = 0;
try {
  if (headless) await runHeadless();
  else await runHeaded();
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
