/**
 * The store packages: scripts/lib/zip.mjs writes archives that its reader and Info-ZIP's `unzip`
 * accept, and scripts/package.mjs leaves source maps and dotfiles out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageBrowser, packageFiles } from '../../scripts/package.mjs';
import { unzip, zip } from '../../scripts/lib/zip.mjs';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const work = mkdtempSync(join(tmpdir(), 'gleaner-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fakeBuild(distDir: string, version: string) {
  const dir = join(distDir, 'chrome');
  mkdirSync(join(dir, 'icons'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, version }));
  writeFileSync(join(dir, 'background.js'), 'console.log("bg");\n'.repeat(200));
  writeFileSync(join(dir, 'background.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'content.js'), 'x');
  writeFileSync(join(dir, 'content.js.map'), '{"version":3}');
  writeFileSync(join(dir, '.DS_Store'), 'junk');
  writeFileSync(join(dir, 'icons', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
  return dir;
}

describe('zip', () => {
  it('round-trips stored and deflated entries byte for byte, with UTF-8 names', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello hello hello hello hello hello') },
      { name: 'dir/b.bin', data: Buffer.from([0, 255, 1, 254]) },
      { name: 'empty', data: Buffer.alloc(0) },
      { name: 'ünïcode/名前.json', data: Buffer.from('{"ok":true}') },
    ];
    const back = unzip(zip(entries));
    expect(back.map(e => e.name)).toEqual(entries.map(e => e.name));
    back.forEach((e, i) => expect(e.data.equals(entries[i]!.data)).toBe(true));
    expect(back[0]!.method).toBe(8);
    expect(back[1]!.method).toBe(0);
  });

  it('is reproducible: the same entries give the same bytes', () => {
    const entries = [{ name: 'x.js', data: Buffer.from('let x = 1;'.repeat(50)) }];
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });

  it('refuses names that escape the archive root', () => {
    for (const name of ['../evil', '/abs', 'a\\b', 'a/../../b', ''])
      expect(() => zip([{ name, data: Buffer.from('x') }])).toThrow(/bad zip entry name/);
  });

  it('detects a corrupted archive', () => {
    const archive = zip([{ name: 'a.txt', data: Buffer.from('abcdefgh') }]);
    const broken = Buffer.from(archive);
    broken[38] = broken[38]! ^ 0xff; // inside the stored body of a.txt
    expect(() => unzip(broken)).toThrow(/CRC mismatch/);
    expect(() => unzip(Buffer.from('not a zip at all, just text'))).toThrow(/not a zip/);
  });
});

describe('packageBrowser', () => {
  it('packages a build without source maps or dotfiles', () => {
    const distDir = join(work, 'dist');
    const dir = fakeBuild(distDir, '9.8.7');
    expect(packageFiles(dir)).toEqual(['background.js', 'content.js', 'icons/icon-16.png', 'manifest.json']);
    const { out, count } = packageBrowser('chrome', 'zip', distDir);
    expect(out).toBe(join(distDir, 'packages', 'gleaner-chrome-9.8.7.zip'));
    expect(count).toBe(4);
    const names = unzip(readFileSync(out)).map(e => e.name);
    expect(names).toEqual(['background.js', 'content.js', 'icons/icon-16.png', 'manifest.json']);
    expect(names.some(n => n.endsWith('.map'))).toBe(false);
  });

  it.skipIf(!hasUnzip)('writes archives that Info-ZIP unzip lists and tests clean', () => {
    const distDir = join(work, 'dist');
    if (!existsSync(join(distDir, 'chrome'))) fakeBuild(distDir, '9.8.7');
    const { out } = packageBrowser('chrome', 'zip', distDir);
    const test = execFileSync('unzip', ['-t', out], { encoding: 'utf8' });
    expect(test).toMatch(/No errors detected/);
    const list = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n');
    expect(list).toContain('manifest.json');
  });

  it('refuses a folder with no build', () => {
    expect(() => packageBrowser('firefox', 'xpi', join(work, 'nothing'))).toThrow(/no build/);
  });
});
