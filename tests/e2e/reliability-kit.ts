/**
 * Shared pieces of the real-browser reliability tests (worker death, concurrency, long tasks,
 * message size): valid annotations with caller-made ids, a seeded RNG, and the JSON records
 * written to out/reliability/ for RELIABILITY.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Result } from '../../src/shared/result';
import type { Annotation } from '../../src/shared/types';
import { repoRoot } from './harness';

export const SOAK = Boolean(process.env.GLEANER_SOAK);

/** mulberry32: small, seedable, good enough to pick moments and delays reproducibly. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid highlight on `pageUrl`; `run` and `i` make the UUID (v4 layout) unique and reproducible. */
export function annotationFor(pageUrl: string, run: number, i: number): Annotation {
  const exact = `Germany will send ${i} Patriot batteries (run ${run})`;
  const id = `${run.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString();
  return {
    id,
    pageUrl,
    target: {
      source: pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: 'NATO said ', suffix: ' next year' },
        { type: 'TextPositionSelector', start: i * 100, end: i * 100 + exact.length },
      ],
    },
    kind: 'highlight',
    color: 'yellow',
    note: `note ${i} of run ${run}`,
    tags: ['reliability'],
    created: at,
    updated: at,
    orphaned: false,
  };
}

/** The value of an ok reply; throws with the error message otherwise. */
export async function value<T>(reply: Promise<Result<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The Chromium version string, for the records ('unknown' when the binary does not answer). */
export function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** Write out/reliability/<name>.json with the date, sizes and environment. */
export function writeRecord(name: string, figures: Record<string, unknown>): string {
  const dir = resolve(repoRoot, 'out/reliability');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}.json`);
  const record = {
    test: name,
    date: new Date().toISOString(),
    soak: SOAK,
    node: process.version,
    chromium: chromiumVersion(),
    ...figures,
  };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/**
 * An extension page (options.html) in `context`, to send background calls from, for tests that launch their
 * own browser (a restart, a crash, a special profile) rather than use the harness.
 */
export async function openBridge(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** A background call from an extension page, through the real runtime message path (the router sees an extension sender). */
export function sendFrom(bridge: Page, type: string, args: unknown[]): Promise<Result<unknown>> {
  return bridge.evaluate(([t, a]) => chrome.runtime.sendMessage({ gleaner: 1, type: t, args: a }), [
    type,
    args,
  ] as const) as Promise<Result<unknown>>;
}
