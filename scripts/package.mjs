/**
 * `npm run package` (after `npm run build`): zips each browser folder for the stores.
 *
 *   dist/packages/gleaner-chrome-<version>.zip    Chrome Web Store upload
 *   dist/packages/gleaner-firefox-<version>.xpi   addons.mozilla.org upload (a .xpi is a zip)
 *
 * Source maps never go in (the build keeps them in dist/sourcemaps/); dotfiles are left out too.
 * Exits 1 when a folder is missing or holds no manifest.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './lib/zip.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** Files under `dir`, sorted, as '/'-separated relative names; skips source maps and dotfiles. */
export function packageFiles(dir) {
  const files = [];
  const walk = current => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.map')) files.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return files;
}

/**
 * Zips one built browser folder (`distDir`/<browser>) into `distDir`/packages, named by its manifest
 * version; returns the archive path and the number of files.
 */
export function packageBrowser(browser, extension, distDir = dist) {
  const dir = join(distDir, browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`no build at ${relative(root, dir)}: run npm run build first`);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const entries = packageFiles(dir).map(name => ({ name, data: readFileSync(join(dir, name)) }));
  const out = join(distDir, 'packages', `gleaner-${browser}-${manifest.version}.${extension}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip(entries));
  return { out, count: entries.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const [browser, extension] of [
      ['chrome', 'zip'],
      ['firefox', 'xpi'],
    ]) {
      const { out, count } = packageBrowser(browser, extension);
      if (!out.endsWith(`-${version}.${extension}`)) throw new Error(`stale ${browser} build: rebuild`);
      const kb = (statSync(out).size / 1024).toFixed(1);
      console.log(`${relative(process.cwd(), out)}: ${count} files, ${kb} KB`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
