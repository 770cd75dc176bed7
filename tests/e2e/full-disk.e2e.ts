/**
 * A really full disk under real Chromium: the profile lives on a small tmpfs, which is then filled to
 * the last byte. Saves must fail with a clear error ('storage' or 'quota', in plain words), change
 * nothing (the library digest is the same once space is back), and work again as soon as space is
 * freed, without restarting the browser or the worker.
 *
 * Why a disk and not a quota: the extension holds "unlimitedStorage", which makes Chromium ignore the
 * per-origin quota (CDP Storage.overrideQuotaForOrigin was measured to have no effect: 18.8 MB written
 * under a 2 MB override), so a full disk is the only real "no space" a user meets.
 *
 * Needs root (mount -t tmpfs); elsewhere it skips and says so. Figures go to out/reliability/full-disk.json.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension, tempDir } from '../../scripts/lib/chromium.mjs';
import type { Annotation } from '../../src/shared/types';
import { extensionDir, repoRoot } from './harness';
import { annotationFor, openBridge, sendFrom, writeRecord } from './reliability-kit';

const PAGE = 'https://news.example.org/2026/11/full-disk.html';

/** Mount a tmpfs of `mb` MB at a new directory; null (and why) when this machine does not allow it. */
function mountTmpfs(mb: number): { dir: string } | { skip: string } {
  if (process.getuid?.() !== 0) return { skip: 'not root: cannot mount a small disk' };
  const dir = tempDir(repoRoot, 'full-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return { dir };
  } catch (error) {
    return { skip: `mount failed: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}` };
  }
}

const mount = mountTmpfs(150);
const skipReason = 'skip' in mount ? mount.skip : null;
if (skipReason) console.warn(`full-disk e2e skipped: ${skipReason}`);

/** Random text: compresses as badly as a real note, so a few saves really need disk. */
function noise(n: number): string {
  let s = '';
  while (s.length < n) s += Math.random().toString(36).slice(2);
  return s.slice(0, n);
}

describe.skipIf(skipReason !== null)('a full disk in Chromium', () => {
  const dir = 'dir' in mount ? mount.dir : '';
  const filler = join(dir, 'filler');
  let context: BrowserContext | null = null;
  let bridge: Page;

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });

  const send = (type: string, ...args: unknown[]) =>
    sendFrom(bridge, type, args) as Promise<
      { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
    >;

  async function digest(): Promise<string> {
    const r = await send('listAnnotations', { pageUrl: PAGE, limit: 1000 });
    if (!r.ok) throw new Error(`listAnnotations: ${r.error.message}`);
    const items = (r.value as { items: Annotation[] }).items.map(a => JSON.stringify(a)).sort();
    return createHash('sha256').update(items.join('\n')).digest('hex');
  }

  function fillDisk(): number {
    const fd = openSync(filler, 'w');
    let bytes = 0;
    try {
      for (const size of [1 << 20, 4096, 1]) {
        const chunk = Buffer.alloc(size, 1);
        try {
          for (;;) bytes += writeSync(fd, chunk);
        } catch {
          // ENOSPC at this chunk size: go on with a smaller one, to the last byte.
        }
      }
    } finally {
      closeSync(fd);
    }
    return bytes;
  }

  it('refuses saves clearly while the disk is full, changes nothing, and recovers when space is freed', async () => {
    const profile = join(dir, 'profile');
    mkdirSync(profile);
    const launched = await launchWithExtension(extensionDir, { userDataDir: profile });
    context = launched.context;
    bridge = await openBridge(context, launched.extensionId);

    for (let i = 0; i < 5; i++)
      expect(await send('addAnnotation', { ...annotationFor(PAGE, 1, i), note: noise(2000) })).toMatchObject({
        ok: true,
      });
    const before = await digest();
    const filled = fillDisk();

    const refusals: { code: string | null; message: string }[] = [];
    for (let i = 5; i < 15; i++) {
      const r = await send('addAnnotation', { ...annotationFor(PAGE, 1, i), note: noise(90_000) });
      refusals.push(r.ok ? { code: null, message: '' } : { code: r.error.code, message: r.error.message });
    }
    // While full, Chromium may not even open the store to read; reads must fail as clearly.
    const readWhileFull = await send('stats');

    rmSync(filler);
    const after = await digest();
    const retry = await send('addAnnotation', { ...annotationFor(PAGE, 1, 20), note: noise(90_000) });
    const stats = await send('stats');

    writeRecord('full-disk', {
      diskMb: 150,
      fillerBytes: filled,
      attemptsWhileFull: refusals.length,
      refusedWhileFull: refusals.filter(r => r.code !== null).length,
      codes: [...new Set(refusals.map(r => r.code))],
      firstMessage: refusals[0]?.message,
      readWhileFull: readWhileFull.ok ? 'ok' : readWhileFull.error.code,
      digestUnchanged: after === before,
      savedAfterSpaceFreed: retry.ok,
    });

    // No save while full was confirmed, and each refusal says what happened in words.
    for (const r of refusals) {
      expect(r.code === 'storage' || r.code === 'quota').toBe(true);
      expect(r.message).toMatch(/full/i);
    }
    if (!readWhileFull.ok) expect(['storage', 'quota']).toContain(readWhileFull.error.code);
    expect(after).toBe(before);
    expect(retry).toMatchObject({ ok: true });
    expect(stats).toMatchObject({ ok: true, value: { annotations: 6 } });
  });
});
