/**
 * Driving Debian's Firefox (firefox-esr) with the built extension through Firefox's own WebDriver BiDi
 * endpoint: no geckodriver, no Playwright (its Firefox needs a patched build we cannot download).
 *
 * launchFirefox() starts Firefox headless with a fresh profile under <root>/.tmp and
 * `--remote-debugging-port 0`, reads the "WebDriver BiDi listening on ws://…" line from its stderr,
 * connects a WebSocket to <that>/session and sends session.new. The returned `bidi` client sends any
 * BiDi command; the helpers below cover what the e2e test needs (install an unpacked extension, open a
 * tab, evaluate in the page, trusted mouse and keyboard input). close() ends the session, waits for
 * Firefox to exit (kills it after a grace period) and removes the profile.
 *
 * Node 20 has no WebSocket without a flag, so the `ws` package is used when the global is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
];

export const FIREFOX_INSTALL_HINT =
  'Install it with: sudo apt-get install -y firefox-esr   (or set FIREFOX_PATH to a Firefox binary)';

/** Path of a Firefox binary: FIREFOX_PATH, else the usual install paths; null when none is found. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find(p => existsSync(p)) ?? null;
}

/**
 * Profile preferences. The remote agent already applies its own "recommended" automation prefs (no
 * first-run pages, no update checks); these add what keeps a machine without network quiet and fast.
 */
export const FIREFOX_PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.normandy.enabled': false,
  'app.update.disabledForTesting': true,
  'services.settings.server': 'data:,',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.ml.enable': false,
};

/** Milliseconds to wait for each BiDi command before failing with the command's name. */
const COMMAND_TIMEOUT = 30_000;

class BiDiError extends Error {
  constructor(method, error, message) {
    super(`${method}: ${error}: ${message}`);
    this.error = error;
  }
}

/** A minimal WebDriver BiDi client: numbered commands with replies, and event listeners. */
class BiDiClient {
  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    this.closed = false;
    socket.addEventListener('message', event => this.onMessage(String(event.data)));
    socket.addEventListener('close', () => {
      this.closed = true;
      for (const { reject, method } of this.pending.values())
        reject(new Error(`${method}: the BiDi connection closed`));
      this.pending.clear();
    });
  }

  onMessage(text) {
    const msg = JSON.parse(text);
    if (msg.type === 'event') {
      for (const listener of this.listeners.get(msg.method) ?? []) listener(msg.params);
      return;
    }
    const entry = this.pending.get(msg.id);
    if (!entry) return;
    this.pending.delete(msg.id);
    clearTimeout(entry.timer);
    if (msg.type === 'error') entry.reject(new BiDiError(entry.method, msg.error, msg.message));
    else entry.resolve(msg.result);
  }

  send(method, params = {}) {
    if (this.closed) return Promise.reject(new Error(`${method}: the BiDi connection is closed`));
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no reply within ${COMMAND_TIMEOUT} ms`));
      }, COMMAND_TIMEOUT);
      this.pending.set(id, { resolve: resolvePromise, reject, method, timer });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(event, listener) {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return () => list.splice(list.indexOf(listener) >>> 0, 1);
  }

  close() {
    this.socket.close();
  }
}

async function openSocket(url) {
  const Ctor = globalThis.WebSocket ?? (await import('ws')).WebSocket;
  const socket = new Ctor(url);
  await new Promise((done, fail) => {
    socket.addEventListener('open', () => done(), { once: true });
    socket.addEventListener('error', e => fail(new Error(`WebSocket ${url}: ${e.message ?? 'error'}`)), {
      once: true,
    });
  });
  return socket;
}

/** Resolves with the BiDi WebSocket URL Firefox prints on stderr; rejects when it exits first. */
function waitForEndpoint(child, timeoutMs) {
  return new Promise((done, fail) => {
    let log = '';
    const timer = setTimeout(
      () => fail(new Error(`Firefox printed no BiDi endpoint within ${timeoutMs} ms. Output:\n${log}`)),
      timeoutMs,
    );
    const onData = chunk => {
      log += chunk;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        child.stderr.off('data', onData);
        done(m[1]);
      }
    };
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      fail(new Error(`Firefox exited (code ${code}) before it opened BiDi. Output:\n${log}`));
    });
  });
}

/**
 * Start Firefox with a fresh profile in `<root>/.tmp` and open a BiDi session.
 * Options: headless (default true), prefs (merged over FIREFOX_PREFS), extensionUuids ({ addonId: uuid },
 * pins the moz-extension:// host so a test can open the extension's pages), systemAccess (lets BiDi run
 * privileged code in the browser's chrome window: openExtensionPage needs it), args (more command-line
 * arguments), log (receives Firefox's output).
 */
export async function launchFirefox(
  root,
  { headless = true, prefs = {}, extensionUuids, systemAccess = false, args: extraArgs = [], log } = {},
) {
  const executable = findFirefox();
  if (!executable) throw new Error(`Firefox was not found. ${FIREFOX_INSTALL_HINT}`);
  const tmpRoot = join(resolve(root), '.tmp');
  mkdirSync(tmpRoot, { recursive: true });
  const profileDir = mkdtempSync(join(tmpRoot, 'firefox-profile-'));
  const allPrefs = { ...FIREFOX_PREFS, ...prefs };
  if (extensionUuids) allPrefs['extensions.webextensions.uuids'] = JSON.stringify(extensionUuids);
  writeFileSync(
    join(profileDir, 'user.js'),
    Object.entries(allPrefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n',
  );

  const args = ['--no-remote', '--profile', profileDir, '--remote-debugging-port', '0'];
  if (headless) args.push('--headless');
  if (systemAccess) args.push('--remote-allow-system-access');
  args.push(...extraArgs);
  const env = { ...process.env, TMPDIR: tmpRoot };
  if (headless) env.MOZ_HEADLESS = '1';
  const child = spawn(executable, [...args, 'about:blank'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise(done => child.once('exit', () => done()));
  if (log) {
    child.stdout.on('data', chunk => log(String(chunk)));
    child.stderr.on('data', chunk => log(String(chunk)));
  } else child.stdout.resume();

  const cleanup = () => rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  let bidi;
  try {
    const endpoint = await waitForEndpoint(child, 30_000);
    if (!log) child.stderr.resume();
    bidi = new BiDiClient(await openSocket(`${endpoint}/session`));
    const session = await bidi.send('session.new', { capabilities: {} });
    const browserVersion = session.capabilities.browserVersion;

    const close = async () => {
      await bidi.send('browser.close').catch(() => undefined);
      bidi.close();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      cleanup();
    };
    return { bidi, browserVersion, profileDir, process: child, close };
  } catch (error) {
    bidi?.close();
    child.kill('SIGKILL');
    await exited;
    cleanup();
    throw error;
  }
}

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
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(from.x), y: Math.round(from.y) },
          { type: 'pointerDown', button: 0 },
          ...moves,
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** Trusted click at viewport coordinates. */
export async function mouseClick(bidi, context, point) {
  await bidi.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(point.x), y: Math.round(point.y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
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
