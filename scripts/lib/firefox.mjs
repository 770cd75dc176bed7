/**
 * Driving Debian's Firefox (firefox-esr) with the built extension through Firefox's own WebDriver BiDi
 * endpoint: no geckodriver, no Playwright (its Firefox needs a patched build we cannot download).
 *
 * launchFirefox() starts Firefox headless with a fresh profile under <root>/.tmp and
 * `--remote-debugging-port 0`, reads the "WebDriver BiDi listening on ws://…" line from its stderr,
 * connects a WebSocket to <that>/session and sends session.new. The returned `bidi` client sends any
 * BiDi command; firefox-bidi.mjs has the ones the e2e test needs (install an unpacked extension, open a
 * tab, evaluate in the page, trusted mouse and keyboard input). close() ends the session, waits for
 * Firefox to exit (kills it after a grace period) and removes the profile.
 *
 * Node 20 has no WebSocket without a flag, so the `ws` package is used when the global is missing.
 * The BiDi commands themselves are in firefox-bidi.mjs, re-exported here: import everything from this file.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export * from './firefox-bidi.mjs';

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
