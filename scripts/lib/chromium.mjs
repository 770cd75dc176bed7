/**
 * Launching Chromium with the built extension, and serving fixture pages on 127.0.0.1.
 * Shared by the e2e tests, the benchmarks and `npm start`.
 *
 * Flags: Playwright adds --disable-extensions by default, which silently stops the extension from
 * loading, so we drop it and name our folder in --disable-extensions-except as well. The
 * background-networking flags keep Chromium from dialling out on a machine with no network.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const INSTALL_HINT =
  'Install it with: sudo apt-get install -y chromium   (or set CHROME_PATH to a Chromium/Chrome binary)';

/** Path of a Chromium binary: CHROME_PATH, else the usual install paths; null when none is found. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find(p => existsSync(p)) ?? null;
}

/** Like findChromium, but throws a clear error with the install command. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    throw new Error(
      `Chromium was not found${process.env.CHROME_PATH ? ` at CHROME_PATH=${process.env.CHROME_PATH}` : ''}. ${INSTALL_HINT}`,
    );
  }
  return path;
}

export const BROWSER_ARGS = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** A fresh temporary folder under the project's .tmp (Chromium litters the system temp dir). */
export function tempDir(root, prefix) {
  const base = join(root, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}

/**
 * Launch Chromium with the unpacked extension at `extensionDir` (absolute).
 * Returns { context, worker, extensionId }. `userDataDir` keeps a profile across launches.
 */
export async function launchWithExtension(
  extensionDir,
  { userDataDir, headless = true, args = [], viewport } = {},
) {
  const { chromium } = await import('playwright-core');
  const executablePath = requireChromium();
  const dir = resolve(extensionDir);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run: npm run build`);
  }
  const context = await chromium.launchPersistentContext(userDataDir ?? '', {
    executablePath,
    headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...BROWSER_ARGS, ...args],
    viewport: viewport === undefined ? { width: 1280, height: 900 } : viewport,
  });
  // The worker often registers before we could subscribe: look first, then wait.
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve a folder on 127.0.0.1 at an ephemeral port. `/name/` serves `name/index.html`.
 * Returns { origin, url(path), close() }.
 */
export async function serveDirectory(dir) {
  const rootDir = resolve(dir);
  const server = createServer((req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(rootDir, path));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(500).end('error');
    }
  });
  await new Promise(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: path => `${origin}/${path.replace(/^\//, '')}`,
    close: () => new Promise(done => server.close(() => done())),
  };
}

export const defaultTmp = tmpdir();
