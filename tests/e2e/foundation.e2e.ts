/**
 * The foundation in a real Chromium: the extension loads, its worker starts, the content script
 * runs on the sample article, the content -> background round trip works, and the popup renders.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, setupExtension } from './harness';

const ext = setupExtension();
const artifacts = resolve(repoRoot, 'out/e2e');
mkdirSync(artifacts, { recursive: true });

describe('foundation', () => {
  it('loads the extension and starts its service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.worker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Gleaner');
    expect(manifest.manifest_version).toBe(3);
  });

  it('runs the content script on the sample article and completes the ping round trip', async () => {
    const page = await ext.openFixture('nato-patriot/');
    const reply = await ext.callContent(page, 'ping');
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.url).toBe(ext.fixture('nato-patriot/'));
    // The content script asked the background; the router saw a content-script sender.
    expect(reply.value.background.pong).toBe(true);
    expect(reply.value.background.from).toBe('content');
    expect(Math.abs(reply.value.background.at - Date.now())).toBeLessThan(60_000);
    await page.close();
  });

  it('answers the popup as an extension sender', async () => {
    const reply = await ext.callBackground('ping');
    expect(reply).toMatchObject({ ok: true, value: { pong: true, from: 'extension' } });
  });

  it('wakes the worker again after it is stopped', async () => {
    await ext.stopWorkers();
    const reply = await ext.callBackground('ping');
    expect(reply).toMatchObject({ ok: true, value: { pong: true } });
  });

  it('opens popup.html in a tab and renders it', async () => {
    const popup = await ext.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain('Gleaner');
    const errors: string[] = [];
    popup.on('pageerror', e => errors.push(e.message));
    await popup.screenshot({ path: resolve(artifacts, 'popup.png') });
    expect(errors).toEqual([]);
    await popup.close();
  });
});
