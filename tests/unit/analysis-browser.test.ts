/**
 * A 10,000-deep DOM and a 5 MB page in a real browser. jsdom needs minutes to build such a tree
 * (its tree insertion is quadratic in depth, its attach step recursive) or to parse 5 MB, so
 * these cases run the analysis bundle inside Debian's Chromium, where the content script really
 * meets such pages. Skips cleanly when Chromium is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

/** The part of analyzePage()'s result this test reads (the page context cannot import types). */
interface AnalyzeResult {
  analysis: { text: string; reasons: string[] };
  textMap: { toRange(start: number, end: number): Range | null };
}

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!existsSync(CHROME))('analyze() on extreme pages in Chromium', () => {
  it('returns cleanly on a 10,000-deep DOM and on a 5 MB page', async () => {
    const bundle = await build({
      stdin: {
        contents:
          "import { analyzePage } from './src/analysis/index'; (globalThis as any).__analyzePage = analyzePage;",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'silent',
    });
    const browser = await chromium.launch({
      executablePath: CHROME,
      headless: true,
      args: [
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(
        '<!doctype html><html lang="en"><head><title>Deep</title></head><body></body></html>',
      );
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const result = await page.evaluate(() => {
        let el: Element = document.body;
        for (let i = 0; i < 10_000; i++) {
          const d = document.createElement(i % 2 ? 'div' : 'span');
          el.appendChild(d);
          el = d;
        }
        el.appendChild(
          document.createTextNode(
            'Deep down there is a sentence, with commas, that is long enough to be a paragraph. '.repeat(5),
          ),
        );
        const depth = (() => {
          let d = 0;
          for (let e: Element | null = document.body; e?.firstElementChild; e = e.firstElementChild) d++;
          return d;
        })();
        const analyzePage = (
          globalThis as unknown as { __analyzePage: (d: Document, o: { url: string }) => AnalyzeResult }
        ).__analyzePage;
        const r = analyzePage(document, { url: location.href || 'about:blank' });
        return {
          depth,
          text: r.analysis.text,
          reasons: r.analysis.reasons,
          range: r.textMap.toRange(0, 9)?.toString() ?? null,
        };
      });
      expect(result.depth).toBe(10_000);
      expect(result.text).toContain('Deep down there is a sentence');
      expect(result.range).toBe('Deep down');

      // A 5 MB article page, built in a fresh page.
      await page.close();
      const page2 = await browser.newPage();
      await page2.setContent(
        '<!doctype html><html lang="en"><head><title>Huge</title></head><body></body></html>',
      );
      await page2.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const huge = await page2.evaluate(() => {
        const para = `<p>${'Paragraph text with several words, a comma, and a figure of 12 million dollars. '.repeat(60)}</p>`;
        const block = `<div class="block"><h2>Heading</h2>${para.repeat(4)}<ul>${'<li><a href="/x">link</a></li>'.repeat(5)}</ul></div>`;
        const parts: string[] = [];
        let size = 0;
        while (size < 5 * 1024 * 1024) {
          parts.push(block);
          size += block.length;
        }
        // Our own static markup, parsed off-document and moved in (no innerHTML sink on the page).
        const parsed = new DOMParser().parseFromString(`<main>${parts.join('')}</main>`, 'text/html');
        document.body.append(...Array.from(parsed.body.childNodes));
        const analyzePage = (
          globalThis as unknown as { __analyzePage: (d: Document, o: { url: string }) => AnalyzeResult }
        ).__analyzePage;
        const r = analyzePage(document, { url: 'https://example.org/huge.html' });
        return {
          size,
          textLength: (r.analysis.text as string).length,
          reasons: r.analysis.reasons,
        };
      });
      expect(huge.size).toBeGreaterThanOrEqual(5 * 1024 * 1024);
      // Either the whole text or a clean give-up with a reason: never a throw.
      if (huge.textLength === 0) expect(huge.reasons.some(r => /gave up|failed/.test(r))).toBe(true);
      else expect(huge.textLength).toBeGreaterThan(1_000_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
