/**
 * Static security gates, run by `npm run check` after the build (issue 8, RELIABILITY.md):
 *
 * 1. Built bundles (dist/chrome, dist/firefox): no eval, no new Function / string timers, no
 *    remote code (importScripts, dynamic import, script elements, remote <script src>), and no
 *    network API at all (Gleaner makes no network requests: fetch, XMLHttpRequest, WebSocket,
 *    EventSource, sendBeacon).
 * 2. Manifests: permissions, host access, CSP and the other security-relevant keys equal the
 *    approved values below. Adding a permission means changing this list in review, on purpose.
 * 3. Source (src/, shipped code only; *.test.* files are not bundled): no HTML sinks
 *    (innerHTML/outerHTML assignment, insertAdjacentHTML, document.write, dangerouslySetInnerHTML,
 *    srcdoc) outside ALLOWED_HTML_SINKS, which is empty on purpose.
 *
 * Exits 1 and lists every finding when a gate fails. `--json` prints the findings as JSON.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The approved manifest surface. Changing it is a security review decision. */
export const APPROVED = {
  permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'],
  host_permissions: [],
  optional_permissions: [],
  optional_host_permissions: [],
  content_script_matches: ['http://*/*', 'https://*/*'],
  csp: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  /**
   * Chrome only: the analysis engine, imported by the content script on article pages. A per-session
   * dynamic URL keeps pages from probing for it. Firefox bundles the engine and exposes nothing.
   */
  web_accessible_resources: {
    chrome: [{ resources: ['analysis.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    firefox: undefined,
  },
  /** Keys that open the extension to other origins or pages; none are approved. */
  forbidden_keys: ['externally_connectable', 'sandbox', 'update_url'],
};

/** Files allowed to contain an HTML sink, as repo-relative paths. Empty on purpose. */
export const ALLOWED_HTML_SINKS = [];

/** [label, pattern] scanned in every built .js file. */
const BUNDLE_RULES = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function constructor call', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts', /\bimportScripts\s*\(/],
  // The one approved import(): the content script's own engine bundle (src/content/engine.ts).
  ['dynamic import', /(?<![\w$.])import\s*\((?![\w$]+\.runtime\.getURL\("analysis\.js"\)\))/],
  ['static import of a URL', /\bfrom\s*["'`](?:https?:)?\/\//],
  ['script element', /createElement\s*\(\s*["'`]script["'`]\s*\)/i],
  ['fetch', /(?<![\w$])fetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
];

/** [label, pattern] scanned in built .html files. */
const HTML_RULES = [
  ['remote script', /<script[^>]*\ssrc\s*=\s*["']?(?:https?:)?\/\//i],
  ['inline script', /<script(?![^>]*\ssrc\s*=)[^>]*>\s*\S/i],
  ['inline event handler', /<[a-z][^>]*\son[a-z]+\s*=/i],
  ['remote stylesheet', /<link[^>]*href\s*=\s*["']?(?:https?:)?\/\//i],
];

/** [label, pattern] scanned in shipped source files. */
const SOURCE_RULES = [
  ['innerHTML assignment', /\.innerHTML\s*(?:\+?=)(?!=)/],
  ['outerHTML assignment', /\.outerHTML\s*(?:\+?=)(?!=)/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\s*\(/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['createContextualFragment', /\bcreateContextualFragment\s*\(/],
];

function walk(dir, keep) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

/** Line number (1-based) of a character offset. */
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** Findings of `rules` in `text` as { file, line, rule, excerpt }. */
export function scan(text, rules, file) {
  const findings = [];
  for (const [rule, pattern] of rules) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g',
    );
    for (const match of text.matchAll(global)) {
      const at = match.index ?? 0;
      findings.push({
        file,
        line: lineOf(text, at),
        rule,
        excerpt: text.slice(Math.max(0, at - 30), at + 50).replace(/\s+/g, ' '),
      });
    }
  }
  return findings;
}

/** Differences between a built manifest and APPROVED, as findings. */
export function checkManifest(manifest, file) {
  const findings = [];
  const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  const report = (rule, got) => findings.push({ file, line: 0, rule, excerpt: JSON.stringify(got) });
  for (const key of [
    'permissions',
    'host_permissions',
    'optional_permissions',
    'optional_host_permissions',
  ]) {
    const got = manifest[key] ?? [];
    if (!same(got, APPROVED[key]))
      report(`${key} differ from the approved list ${JSON.stringify(APPROVED[key])}`, got);
  }
  for (const script of manifest.content_scripts ?? []) {
    if (!same(script.matches ?? [], APPROVED.content_script_matches))
      report('content script matches differ from the approved list', script.matches);
  }
  const csp = manifest.content_security_policy?.extension_pages;
  if (csp !== APPROVED.csp) report('extension_pages CSP differs from the approved policy', csp);
  if (manifest.content_security_policy?.sandbox !== undefined)
    report('a sandbox CSP is not approved', manifest.content_security_policy.sandbox);
  const browser = file.includes('firefox') ? 'firefox' : 'chrome';
  if (
    JSON.stringify(manifest.web_accessible_resources) !==
    JSON.stringify(APPROVED.web_accessible_resources[browser])
  )
    report('web_accessible_resources differ from the approved list', manifest.web_accessible_resources);
  for (const key of APPROVED.forbidden_keys) {
    if (manifest[key] !== undefined) report(`manifest key "${key}" is not approved`, manifest[key]);
  }
  return findings;
}

/** Every finding for the repository at `repoRoot`; throws when a browser build is missing. */
export function checkAll(repoRoot = root) {
  const findings = [];
  for (const browser of ['chrome', 'firefox']) {
    const dir = join(repoRoot, 'dist', browser);
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(`no build in dist/${browser}: run npm run build`);
    const rel = path => relative(repoRoot, path);
    for (const file of walk(dir, name => name.endsWith('.js') || name.endsWith('.mjs')))
      findings.push(...scan(readFileSync(file, 'utf8'), BUNDLE_RULES, rel(file)));
    for (const file of walk(dir, name => name.endsWith('.html')))
      findings.push(...scan(readFileSync(file, 'utf8'), HTML_RULES, rel(file)));
    const manifestPath = join(dir, 'manifest.json');
    findings.push(...checkManifest(JSON.parse(readFileSync(manifestPath, 'utf8')), rel(manifestPath)));
  }
  const sources = walk(
    join(repoRoot, 'src'),
    name => /\.(?:ts|tsx|js|mjs|html)$/.test(name) && !/\.test\./.test(name),
  );
  for (const file of sources) {
    const rel = relative(repoRoot, file).split('\\').join('/');
    if (ALLOWED_HTML_SINKS.includes(rel)) continue;
    findings.push(...scan(readFileSync(file, 'utf8'), SOURCE_RULES, rel));
  }
  return { findings, sources: sources.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { findings, sources } = checkAll();
    if (process.argv.includes('--json')) console.log(JSON.stringify(findings, null, 2));
    else if (findings.length === 0) {
      console.log(
        `check-bundles: ok (dist/chrome + dist/firefox bundles, manifests, ${sources} source files: no eval, no remote code, no network API, approved permissions, no HTML sinks)`,
      );
    } else {
      for (const f of findings)
        console.error(`${f.file}${f.line ? `:${f.line}` : ''}: ${f.rule}: ${f.excerpt}`);
      console.error(`check-bundles: ${findings.length} finding(s)`);
    }
    process.exit(findings.length === 0 ? 0 : 1);
  } catch (error) {
    console.error(`check-bundles: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
