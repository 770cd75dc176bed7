/**
 * Builds the extension for Chrome and Firefox, and the CLI, with esbuild: one build per context.
 *
 *   node scripts/build.mjs             production: minified, source maps in dist/sourcemaps (not in the packages)
 *   node scripts/build.mjs --dev       readable output with inline source maps
 *   node scripts/build.mjs --watch     rebuild on change (implies --dev)
 *   node scripts/build.mjs --cli-only  only dist/cli/gleaner.mjs
 *
 * Output: dist/chrome/ and dist/firefox/ (each a loadable unpacked extension), dist/cli/gleaner.mjs.
 * The content script is an IIFE (content scripts are classic scripts); background, popup and options
 * are ES modules. The background must not code-split: import() is disallowed in service workers.
 */
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng } from './icons.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const dev = watch || args.has('--dev');
const cliOnly = args.has('--cli-only');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The parts of one browser build. */
const contexts = [
  { name: 'background', entry: 'src/background/index.ts', format: 'esm' },
  { name: 'content', entry: 'src/content/index.ts', format: 'iife' },
  { name: 'popup', entry: 'src/popup/index.tsx', format: 'esm' },
  { name: 'options', entry: 'src/options/index.tsx', format: 'esm' },
  // The analysis engine, imported by the content script on article pages only (see src/content/analysis-entry.ts).
  { name: 'analysis', entry: 'src/content/analysis-entry.ts', format: 'esm' },
];

/** Static files copied as they are: [source, destination in the browser folder]. */
const statics = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/content/content.css', 'content.css'],
];

function manifestFor(browser) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  if (browser === 'firefox') {
    // Firefox MV3 has no service workers for extensions: the same module runs as an event page.
    manifest.background = { scripts: ['background.js'], type: 'module' };
    delete manifest.minimum_chrome_version;
    // The engine is bundled into content.js in Firefox (see firefoxEngine): nothing is web-accessible.
    delete manifest.web_accessible_resources;
    manifest.browser_specific_settings = {
      gecko: {
        id: 'gleaner@gleaner.invalid',
        // 140: CSS Custom Highlight API; 142: data_collection_permissions without a lint warning.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest;
}

/**
 * Preact's one innerHTML sink (`dangerouslySetInnerHTML`) is the only innerHTML assignment in our
 * bundles, and addons-linter flags it (UNSAFE_VAR_ASSIGNMENT). Gleaner never uses that prop (the
 * check-bundles gate forbids it in src/), so the build rewrites the sink to set textContent: an
 * HTML string would show as text, never parse. The build fails if Preact's code no longer
 * matches, so an upgrade cannot silently bring the sink back.
 */
const PREACT_SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
const noInnerHtmlSink = {
  name: 'no-innerhtml-sink',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, args => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(PREACT_SINK, '($1.textContent=$2.__html)');
      if (patched === source || /\.innerHTML\s*=(?!=)/.test(patched)) {
        throw new Error(`preact's innerHTML sink changed shape in ${args.path}: update PREACT_SINK`);
      }
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * Firefox only: the content script bundles the analysis engine instead of importing analysis.js
 * (addons-linter rejects import() of a computed URL), so src/content/engine.ts resolves to
 * engine.firefox.ts there.
 */
const firefoxEngine = {
  name: 'firefox-engine',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine$/ }, args =>
      args.importer.includes(join('src', 'content'))
        ? { path: join(root, 'src/content/engine.firefox.ts') }
        : undefined,
    );
  },
};

function contextOptions(browser, ctx) {
  return {
    absWorkingDir: root,
    entryPoints: [ctx.entry],
    bundle: true,
    format: ctx.format,
    platform: 'browser',
    target: browser === 'firefox' ? ['firefox142'] : ['chrome111'],
    outfile: join(dist, browser, `${ctx.name}.js`),
    minify: !dev,
    sourcemap: dev ? 'inline' : 'external',
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: {
      __DEV__: JSON.stringify(dev),
      __FIREFOX__: JSON.stringify(browser === 'firefox'),
    },
    logLevel: 'warning',
    metafile: true,
    plugins: browser === 'firefox' ? [noInnerHtmlSink, firefoxEngine] : [noInnerHtmlSink],
  };
}

const cliOptions = {
  absWorkingDir: root,
  entryPoints: ['src/cli/gleaner.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node20'],
  outfile: join(dist, 'cli', 'gleaner.mjs'),
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
  sourcemap: 'linked',
  logLevel: 'warning',
};

/**
 * The bundler's record of which source modules went into each bundle, kept outside the packaged folders
 * (dist/meta/<browser>-<context>.json): scripts/size.mjs reads it to hold the page bundles' share of the
 * figure and entity rules to its budget.
 */
function writeMetafile(browser, ctx, metafile) {
  if (!metafile) return;
  mkdirSync(join(dist, 'meta'), { recursive: true });
  writeFileSync(join(dist, 'meta', `${browser}-${ctx.name}.json`), JSON.stringify(metafile));
}

/** Source maps stay out of the packaged folders: move them to dist/sourcemaps/<browser>/. */
function moveSourceMaps(browser) {
  if (dev) return;
  const target = join(dist, 'sourcemaps', browser);
  mkdirSync(target, { recursive: true });
  for (const ctx of contexts) {
    const map = join(dist, browser, `${ctx.name}.js.map`);
    if (existsSync(map)) {
      cpSync(map, join(target, `${ctx.name}.js.map`));
      rmSync(map);
    }
  }
}

function writeStatics(browser) {
  const out = join(dist, browser);
  mkdirSync(join(out, 'icons'), { recursive: true });
  for (const [from, to] of statics) {
    if (existsSync(join(root, from))) cpSync(join(root, from), join(out, to));
  }
  for (const size of [16, 32, 48, 128]) writeFileSync(join(out, 'icons', `icon-${size}.png`), iconPng(size));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
}

async function buildOnce() {
  const started = Date.now();
  const builds = [];
  if (!cliOnly) {
    for (const browser of ['chrome', 'firefox']) {
      rmSync(join(dist, browser), { recursive: true, force: true });
      for (const ctx of contexts) {
        if (browser === 'firefox' && ctx.name === 'analysis') continue;
        builds.push(
          esbuild.build(contextOptions(browser, ctx)).then(r => writeMetafile(browser, ctx, r.metafile)),
        );
      }
    }
  }
  if (existsSync(join(root, cliOptions.entryPoints[0]))) builds.push(esbuild.build(cliOptions));
  await Promise.all(builds);
  if (!cliOnly) {
    for (const browser of ['chrome', 'firefox']) {
      writeStatics(browser);
      moveSourceMaps(browser);
    }
  }
  console.log(
    `built ${cliOnly ? 'cli' : 'dist/chrome, dist/firefox, dist/cli'} in ${Date.now() - started} ms${dev ? ' (dev)' : ''}`,
  );
}

if (watch) {
  const ctxs = [];
  for (const browser of ['chrome', 'firefox']) {
    for (const ctx of contexts) {
      if (browser === 'firefox' && ctx.name === 'analysis') continue;
      ctxs.push(await esbuild.context(contextOptions(browser, ctx)));
    }
    writeStatics(browser);
  }
  await Promise.all(ctxs.map(c => c.watch()));
  console.log(
    `watching; dist at ${relative(process.cwd(), dist) || '.'} (reload the extension after a change)`,
  );
} else {
  try {
    await buildOnce();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
