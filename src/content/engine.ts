/**
 * Loads the analysis engine (analysis.js, a web-accessible ES module with a per-session dynamic URL)
 * on first use. Chrome build only: the Firefox build swaps this module for engine.firefox.ts (see
 * scripts/build.mjs), because addons-linter, and so AMO review, rejects import() of a computed URL.
 */
import type { analyzePageSliced } from '../analysis/sliced';
import { browser } from '../platform/browser';

/** What analysis-entry.ts exports. */
export interface Engine {
  /** The page stage of the analysis in slices of a few ms, pausing between them. */
  analyzePageSliced: typeof analyzePageSliced;
}

let engine: Promise<Engine> | null = null;

/** Import the engine once per page; a failed import is retried on the next call. */
export function loadEngine(): Promise<Engine> {
  // The URL is our own packaged file, named by a literal: nothing page-controlled reaches import().
  // eslint-disable-next-line no-unsanitized/method
  engine ??= (import(/* @vite-ignore */ browser.runtime.getURL('analysis.js')) as Promise<Engine>).catch(
    error => {
      engine = null;
      throw error;
    },
  );
  return engine;
}
