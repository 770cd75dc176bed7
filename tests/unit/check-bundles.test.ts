/**
 * The static gates of scripts/check-bundles.mjs catch what they claim to, on a throwaway tree
 * (so these tests need no build), and the source manifest is within the approved surface.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWED_HTML_SINKS, APPROVED, checkAll, checkManifest } from '../../scripts/check-bundles.mjs';

const repoRoot = resolve(import.meta.dirname, '../..');
const sourceManifest = JSON.parse(readFileSync(join(repoRoot, 'manifest.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'gleaner-gates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal tree: two clean browser builds and one clean source file; returns its root. */
function tree(name: string): string {
  const dir = join(work, name);
  for (const browser of ['chrome', 'firefox']) {
    mkdirSync(join(dir, 'dist', browser), { recursive: true });
    // As scripts/build.mjs writes them: Firefox bundles the analysis engine and exposes nothing.
    const manifest =
      browser === 'firefox' ? { ...sourceManifest, web_accessible_resources: undefined } : sourceManifest;
    writeFileSync(join(dir, 'dist', browser, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(
      join(dir, 'dist', browser, 'content.js'),
      browser === 'chrome'
        ? '(()=>{const evaluate=1;x.retrieval(2);import(D.runtime.getURL("analysis.js"))})();'
        : '(()=>{const evaluate=1;x.retrieval(2)})();',
    );
    writeFileSync(join(dir, 'dist', browser, 'popup.html'), '<script type="module" src="popup.js"></script>');
  }
  mkdirSync(join(dir, 'src', 'popup'), { recursive: true });
  writeFileSync(join(dir, 'src', 'popup', 'view.ts'), 'el.textContent = note; if (a.innerHTML == b) {}');
  return dir;
}

describe('check-bundles gates', () => {
  it('passes a clean tree', () => {
    expect(checkAll(tree('clean')).findings).toEqual([]);
  });

  it('flags eval, new Function, remote code and network APIs in bundles', () => {
    const dir = tree('bundles');
    const bad = [
      'eval("1")',
      'new Function("return 1")',
      'setTimeout("alert(1)", 0)',
      'importScripts("x.js")',
      'import("https://cdn.example/x.js")',
      'import(D.runtime.getURL("other.js"))',
      'document.createElement("script")',
      'fetch("https://t.example/")',
      'new XMLHttpRequest()',
      'navigator.sendBeacon("/x")',
    ];
    writeFileSync(join(dir, 'dist', 'chrome', 'background.js'), bad.join(';\n'));
    writeFileSync(
      join(dir, 'dist', 'firefox', 'popup.html'),
      '<script src="https://cdn.example/a.js"></script>',
    );
    const rules = checkAll(dir).findings.map(f => f.rule);
    for (const rule of [
      'eval',
      'new Function',
      'string timer',
      'importScripts',
      'dynamic import',
      'script element',
      'fetch',
      'XMLHttpRequest',
      'sendBeacon',
      'remote script',
    ])
      expect(rules).toContain(rule);
  });

  it('flags HTML sinks in shipped source but not in tests or comparisons', () => {
    const dir = tree('sources');
    writeFileSync(
      join(dir, 'src', 'popup', 'bad.tsx'),
      'el.innerHTML = title;\n<div dangerouslySetInnerHTML={x} />',
    );
    writeFileSync(
      join(dir, 'src', 'popup', 'bad2.ts'),
      "el.insertAdjacentHTML('beforeend', s); el.outerHTML += s;",
    );
    writeFileSync(join(dir, 'src', 'popup', 'ok.test.ts'), 'document.body.innerHTML = "<p>fixture</p>";');
    const found = checkAll(dir).findings.map(f => `${f.file}: ${f.rule}`);
    expect(found.sort()).toEqual(
      [
        'src/popup/bad.tsx: innerHTML assignment',
        'src/popup/bad.tsx: dangerouslySetInnerHTML',
        'src/popup/bad2.ts: insertAdjacentHTML',
        'src/popup/bad2.ts: outerHTML assignment',
      ].sort(),
    );
  });

  it('flags a manifest that widens permissions, host access or the CSP', () => {
    const wider = structuredClone(sourceManifest);
    wider.permissions = [...wider.permissions, 'tabs'];
    wider.host_permissions = ['<all_urls>'];
    wider.content_security_policy = { extension_pages: "script-src 'self' 'unsafe-eval'" };
    wider.externally_connectable = { matches: ['https://*.example/*'] };
    const rules = checkManifest(wider, 'manifest.json').map(f => f.rule);
    expect(rules).toHaveLength(4);
    expect(rules.join('\n')).toMatch(/permissions differ/);
    expect(rules.join('\n')).toMatch(/host_permissions differ/);
    expect(rules.join('\n')).toMatch(/CSP differs/);
    expect(rules.join('\n')).toMatch(/externally_connectable/);
  });

  it('approves exactly the source manifest, with an empty HTML-sink allow-list', () => {
    expect(checkManifest(sourceManifest, 'manifest.json')).toEqual([]);
    expect([...sourceManifest.permissions].sort()).toEqual(APPROVED.permissions);
    expect(ALLOWED_HTML_SINKS).toEqual([]);
  });

  it('fails clearly when a build is missing', () => {
    const dir = join(work, 'empty');
    mkdirSync(dir, { recursive: true });
    cpSync(join(tree('x'), 'src'), join(dir, 'src'), { recursive: true });
    expect(() => checkAll(dir)).toThrow(/no build in dist\/chrome/);
  });
});
