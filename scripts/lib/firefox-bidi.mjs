/**
 * The WebDriver BiDi commands the Firefox e2e test uses, on a connection from launchFirefox() (firefox.mjs,
 * which re-exports this file): install the unpacked extension, open tabs and extension pages, evaluate in a
 * page's own realm, TRUSTED mouse and keyboard input (input.performActions), and a few privileged reads of
 * the browser itself (event page state, Browser Console) that need launchFirefox({ systemAccess: true }).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Install the unpacked extension at `dir` as a temporary add-on; returns its add-on id. */
export async function installExtension(bidi, dir) {
  const path = resolve(dir);
  if (!existsSync(join(path, 'manifest.json')))
    throw new Error(`No built extension at ${path}. Run: npm run build`);
  const { extension } = await bidi.send('webExtension.install', { extensionData: { type: 'path', path } });
  return extension;
}

/** Open a new tab at `url` and wait for its load event; returns the browsing context id. */
export async function openTab(bidi, url) {
  const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
  await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

/** The browser window's chrome context (needs launchFirefox({ systemAccess: true })). */
async function chromeContext(bidi) {
  const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const win = tree.contexts.find(c => c['moz:scope'] === 'chrome');
  if (!win) throw new Error('no chrome window: launch Firefox with systemAccess: true');
  return win.context;
}

/** Run privileged `fn(...args)` (JSON in and out) in the browser's chrome window. */
async function inChrome(bidi, fn, ...args) {
  const result = await bidi.send('script.callFunction', {
    functionDeclaration: `async (json) => JSON.stringify((await (${fn})(...JSON.parse(json))) ?? null)`,
    arguments: [{ type: 'string', value: JSON.stringify(args) }],
    target: { context: await chromeContext(bidi) },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`chrome: ${result.exceptionDetails.text}`);
  return JSON.parse(result.result.value);
}

/**
 * Open an extension page (moz-extension://<uuid>/<path>) in a new tab; returns its browsing context id.
 * BiDi refuses to navigate a tab to moz-extension:// ("not allowed in this context") and pages may not
 * link there, so the tab is opened from the browser's own chrome window with the system principal, which
 * needs launchFirefox({ systemAccess: true }). `uuid` is the one pinned with `extensionUuids`.
 */
export async function openExtensionPage(bidi, uuid, path) {
  const url = `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  const tabs = async () => (await bidi.send('browsingContext.getTree', { maxDepth: 0 })).contexts;
  const before = new Set((await tabs()).map(c => c.context));
  await inChrome(
    bidi,
    u => {
      /* global gBrowser, Services */
      gBrowser.selectedTab = gBrowser.addTab(u, {
        triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
      });
    },
    url,
  );
  const deadline = Date.now() + 15_000;
  for (;;) {
    const tab = (await tabs()).find(c => !before.has(c.context) && c.url === url);
    if (tab) {
      const ready = await bidi
        .send('script.evaluate', {
          expression: 'document.readyState',
          target: { context: tab.context },
          awaitPromise: false,
        })
        .catch(() => null);
      if (ready?.result?.value === 'complete') return tab.context;
    }
    if (Date.now() > deadline) throw new Error(`openExtensionPage: ${url} did not load`);
    await new Promise(done => setTimeout(done, 100));
  }
}

/**
 * The state of an add-on's background (event) page: 'running', 'suspending' or 'stopped' (Firefox stops
 * an idle event page after extensions.background.idle.timeout ms). Needs systemAccess.
 */
export function backgroundState(bidi, addonId) {
  return inChrome(
    bidi,
    id => {
      /* global WebExtensionPolicy */
      return String(WebExtensionPolicy.getByID(id).extension.backgroundState);
    },
    addonId,
  );
}

/** Stop an add-on's event page now, as Firefox does when it is idle; resolves with its new state. */
export function terminateBackground(bidi, addonId) {
  return inChrome(
    bidi,
    async id => {
      const extension = WebExtensionPolicy.getByID(id).extension;
      await extension.terminateBackground();
      return String(extension.backgroundState);
    },
    addonId,
  );
}

/**
 * Errors (not warnings or infos) in the Browser Console whose source starts with `sourcePrefix`, e.g.
 * `moz-extension://<uuid>/`: uncaught exceptions of the extension's pages, event page and content scripts.
 * Needs systemAccess.
 */
export function consoleErrors(bidi, sourcePrefix) {
  return inChrome(
    bidi,
    prefix => {
      /* global Ci */
      const out = [];
      for (const m of Services.console.getMessageArray() ?? []) {
        if (!(m instanceof Ci.nsIScriptError)) continue;
        const nonError = Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag;
        if (m.flags & nonError || !m.sourceName.startsWith(prefix)) continue;
        out.push({ source: `${m.sourceName}:${m.lineNumber}`, message: m.errorMessage });
      }
      return out;
    },
    sourcePrefix,
  );
}

/** Reload the tab and wait for its load event. */
export async function reload(bidi, context) {
  await bidi.send('browsingContext.reload', { context, wait: 'complete' });
}

/** Save a PNG of the tab's viewport to `path` (folders are created). */
export async function screenshot(bidi, context, path) {
  const { data } = await bidi.send('browsingContext.captureScreenshot', { context });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

/**
 * Run `fn` in the page's own realm (not the content script's) with JSON arguments and return its JSON
 * result. `fn` may be async. Errors thrown in the page become rejections with the page's message.
 */
export async function evaluate(bidi, context, fn, ...args) {
  const result = await bidi.send('script.callFunction', {
    functionDeclaration: `async (json) => JSON.stringify((await (${fn})(...JSON.parse(json))) ?? null)`,
    arguments: [{ type: 'string', value: JSON.stringify(args) }],
    target: { context },
    awaitPromise: true,
  });
  if (result.type === 'exception') {
    throw new Error(`evaluate: ${result.exceptionDetails.text}`);
  }
  return JSON.parse(result.result.value);
}

/** Trusted pointer input: move to (x1,y1), press, drag to (x2,y2) in `steps` moves, release. */
export async function mouseDrag(bidi, context, from, to, steps = 8) {
  const moves = [];
  for (let i = 1; i <= steps; i++) {
    moves.push({
      type: 'pointerMove',
      x: Math.round(from.x + ((to.x - from.x) * i) / steps),
      y: Math.round(from.y + ((to.y - from.y) * i) / steps),
      duration: 15,
    });
  }
  await mouseActions(bidi, context, [
    { type: 'pointerMove', x: Math.round(from.x), y: Math.round(from.y) },
    { type: 'pointerDown', button: 0 },
    ...moves,
    { type: 'pointerUp', button: 0 },
  ]);
}

/** Trusted click at viewport coordinates. */
export async function mouseClick(bidi, context, point) {
  await mouseActions(bidi, context, [
    { type: 'pointerMove', x: Math.round(point.x), y: Math.round(point.y) },
    { type: 'pointerDown', button: 0 },
    { type: 'pointerUp', button: 0 },
  ]);
}

/** One sequence of trusted mouse actions (input.performActions with a single mouse pointer source). */
function mouseActions(bidi, context, actions) {
  return bidi.send('input.performActions', {
    context,
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
  });
}

/** WebDriver key values for the named keys the tests press. */
export const KEYS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
};

/**
 * Trusted key presses, one after the other. Each entry is a KEYS name, a single character, or a chord
 * such as 'Control+Enter' (modifiers held down while the last key is pressed).
 */
export async function pressKeys(bidi, context, keys) {
  const actions = [];
  for (const key of keys) {
    const parts = key.length > 1 && key.includes('+') ? key.split('+') : [key];
    const values = parts.map(k => KEYS[k] ?? k);
    for (const value of values) actions.push({ type: 'keyDown', value });
    for (const value of values.reverse()) actions.push({ type: 'keyUp', value });
  }
  await bidi.send('input.performActions', {
    context,
    actions: [{ type: 'key', id: 'keyboard', actions }],
  });
}

/** Type `text` character by character with trusted key events. */
export async function typeText(bidi, context, text) {
  await pressKeys(bidi, context, Array.from(text));
}

/**
 * Like evaluate(), but in a BiDi sandbox realm named `sandbox` of the page (created on first use, then
 * reused). A sandbox has its own JS built-ins and sees the page's DOM through Xray wrappers, so it works on
 * pages that replace JSON, Function.prototype.call, DOM prototypes or clobber document properties: the
 * Firefox counterpart of a Chromium init script that captures pristine built-ins.
 */
export async function evaluateInSandbox(bidi, context, sandbox, fn, ...args) {
  const result = await bidi.send('script.callFunction', {
    functionDeclaration: `async (json) => JSON.stringify((await (${fn})(...JSON.parse(json))) ?? null)`,
    arguments: [{ type: 'string', value: JSON.stringify(args) }],
    target: { context, sandbox },
    awaitPromise: true,
  });
  if (result.type === 'exception') {
    throw new Error(`evaluateInSandbox: ${result.exceptionDetails.text}`);
  }
  return JSON.parse(result.result.value);
}

/**
 * The content of every shadow root, OPEN OR CLOSED, attached to the children of <html> and <body>: what
 * Chromium's CDP DOM.getDocument({ pierce: true }) shows. BiDi serialises closed roots too
 * (includeShadowTree: 'all'); each root is then read by reference in the sandbox realm `sandbox`.
 * Returns [{ host, mode, html, values }]: the host's local name, the root's mode, its markup, and the
 * current values of its form fields (a textarea's typed or scripted value is not in the markup).
 */
export async function shadowRootsContent(bidi, context, sandbox) {
  const roots = [];
  const collect = node => {
    const value = node?.value;
    if (!value) return;
    if (value.shadowRoot?.sharedId)
      roots.push({
        host: value.localName,
        mode: value.shadowRoot.value?.mode,
        sharedId: value.shadowRoot.sharedId,
      });
    for (const child of value.children ?? []) collect(child);
  };
  for (const expression of ['document.documentElement', 'document.body']) {
    const reply = await bidi.send('script.evaluate', {
      expression,
      target: { context, sandbox },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    if (reply.type === 'exception') throw new Error(`shadowRootsContent: ${reply.exceptionDetails.text}`);
    collect(reply.result);
  }
  const out = [];
  for (const { host, mode, sharedId } of roots) {
    const reply = await bidi.send('script.callFunction', {
      functionDeclaration: `root => JSON.stringify({
        html: root.innerHTML,
        values: Array.from(root.querySelectorAll('input, textarea, select'), field => field.value),
      })`,
      arguments: [{ sharedId }],
      target: { context, sandbox },
      awaitPromise: false,
    });
    if (reply.type === 'exception') throw new Error(`shadowRootsContent: ${reply.exceptionDetails.text}`);
    out.push({ host, mode, ...JSON.parse(reply.result.value) });
  }
  return out;
}
