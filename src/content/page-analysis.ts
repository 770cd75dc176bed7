/**
 * The page's analysis, computed on first need and cached for the current URL and content. `invalidate` drops
 * it (SPA navigation, the article changed). Nothing runs at startup: the caller decides when (at idle when
 * autoDetect is on, on request otherwise).
 *
 * The engine lives in its own bundle in Chrome (analysis.js, see engine.ts), imported on first use;
 * `looksLikeArticle` uses only the cheap detector bundled here, so
 * pages that are not articles never load the engine unless the popup asks.
 *
 * The analysis runs in slices (analyzePageSliced: about 8 ms of work, then a pause that gives the page a task
 * turn), so it causes no long task (issue 8). One run at a time: callers during a run share its result; an
 * invalidate() aborts it at its next pause, and its waiting callers get a run for the page as it is then. The
 * page may change while a run is paused; see src/analysis/sliced.ts for what that does.
 *
 * The text stage (key figures, people, summary) is not in the page's bundle: `textStage` has the background
 * worker compute it from the extracted text (src/background/handlers/analysis.ts). When that fails, the
 * analysis is returned without them, with a reason, and not cached, so the next request tries again.
 */
import { detect } from '../analysis/detect';
import type { TextStageInput, TextStageResult } from '../analysis/text-stage';
import type { DetectResult, PageAnalysis, TextMap } from '../analysis/types';
import type { PageInput } from '../shared/messages';
import type { BackgroundApi } from './api';
import { loadEngine, type Engine } from './engine';
import { MARK_TAG } from './highlighter';

export interface AnalysisState {
  analysis: PageAnalysis;
  textMap: TextMap;
  root: Element | null;
}

interface Run {
  href: string;
  abort: AbortController;
  promise: Promise<AnalysisState>;
}

/** Runs aborted by invalidate() that a waiting caller restarts before giving up (a page that never settles). */
const RESTARTS = 3;

/**
 * A pause that lets the page run its tasks, input and rendering: scheduler.yield() where it exists (Chrome
 * 129+: the continuation keeps its place ahead of other queued tasks), else a MessageChannel message (a
 * new task, not clamped or throttled like a chain of zero-delay timers), else setTimeout.
 *
 * In a Firefox content script `scheduler` is the page's, seen through an Xray wrapper, and its promise
 * belongs to the page's realm: promise chains built on it report the rejection of an aborted run as
 * uncaught (Browser Console, tests/e2e/firefox-hostile.e2e.ts on history-spa), though it is handled.
 * Promise.resolve adopts it into a promise of our own realm (and returns it unchanged in Chrome).
 */
export function yieldToPage(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof sched?.yield === 'function') return Promise.resolve(sched.yield());
  if (typeof MessageChannel === 'function') {
    return new Promise(resolve => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise(resolve => setTimeout(resolve, 0));
}

/** Our own nodes in the page (wrapping highlighter marks): adding or removing them is not a page change. */
const ownMark = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === MARK_TAG;

export class PageAnalyzer {
  private cached: AnalysisState | null = null;
  private cachedFor = '';
  private running: Run | null = null;
  /** The detector's verdict from looksLikeArticle, handed to the engine so it does not detect again. */
  private detected: { href: string; result: DetectResult } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly load: () => Promise<Engine> = loadEngine,
    private readonly opts: {
      yield?: () => Promise<void>;
      isOwn?: (node: Node) => boolean;
      /** Runs the text stage (the content script: in the background worker); rejects on failure. */
      textStage?: (input: TextStageInput) => Promise<TextStageResult>;
    } = {},
  ) {}

  get current(): AnalysisState | null {
    return this.cached && this.cachedFor === this.doc.location.href ? this.cached : null;
  }

  /** The full analysis of the current page (loads the engine on first use). */
  async get(): Promise<AnalysisState> {
    for (let attempt = 0; ; attempt++) {
      const href = this.doc.location.href;
      if (this.cached && this.cachedFor === href) return this.cached;
      const run = this.running?.href === href ? this.running : this.start(href);
      try {
        return await run.promise;
      } catch (error) {
        // Invalidated while it ran (navigation, the article changed): analyse the page as it is now.
        if (run.abort.signal.aborted && attempt < RESTARTS) continue;
        throw error;
      }
    }
  }

  private start(href: string): Run {
    this.running?.abort.abort();
    const abort = new AbortController();
    const detected = this.detected?.href === href ? this.detected.result : undefined;
    const isOwn = this.opts.isOwn;
    const pause = this.opts.yield ?? yieldToPage;
    const run: Run = {
      href,
      abort,
      // Tasks of their own for the engine's import (its first call compiles analysis.js) and for the
      // analysis: the caller has usually just run detect() in this task (looksLikeArticle), and the first
      // import evaluates the module in the task that resolves load().
      promise: pause()
        .then(() => this.load())
        .then(async ({ analyzePageSliced }) => {
          await pause();
          abort.signal.throwIfAborted();
          const { analysis, textMap, root, deferred } = await analyzePageSliced(
            this.doc,
            { url: href, detected },
            {
              signal: abort.signal,
              yield: pause,
              ignore: isOwn ? n => ownMark(n) || isOwn(n) : ownMark,
            },
          );
          const complete = deferred ? await this.completeText(analysis, deferred) : true;
          abort.signal.throwIfAborted();
          const state: AnalysisState = { analysis, textMap, root };
          if (this.running === run && complete) {
            this.cached = state;
            this.cachedFor = href;
          }
          return state;
        }),
    };
    const done = () => {
      if (this.running === run) this.running = null;
    };
    run.promise.then(done, done);
    this.running = run;
    return run;
  }

  /** Fills figures, entities and summary from the text stage; false when it could not run. */
  private async completeText(analysis: PageAnalysis, input: TextStageInput): Promise<boolean> {
    const stage = this.opts.textStage;
    if (!stage) {
      analysis.reasons.push('key figures, people and summary: no text stage here');
      return true;
    }
    try {
      const out = await stage(input);
      analysis.figures = out.figures;
      analysis.entities = out.entities;
      analysis.summary = out.summary;
      analysis.timings.figures = out.timings.figures;
      analysis.timings.summary = out.timings.summary;
      return true;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      analysis.reasons.push(`key figures, people and summary unavailable: ${why}`);
      return false;
    }
  }

  /** The cheap detector alone (bundled in the content script): worth loading the engine for? */
  looksLikeArticle(): boolean {
    try {
      const href = this.doc.location.href;
      const result = detect(this.doc, href);
      this.detected = { href, result };
      return result.isArticle;
    } catch {
      return false;
    }
  }

  invalidate(): void {
    this.cached = null;
    this.detected = null;
    this.running?.abort.abort();
    this.running = null;
  }
}

/** The snapshot of a page saved with its first annotation (the library lists pages by it). */
export function pageInputFrom(url: string, a: PageAnalysis | null, doc: Document): PageInput {
  const meta = a?.meta;
  return {
    url,
    title: (meta?.title || doc.title || url).slice(0, 2000),
    authors: meta?.authors.slice(0, 50) ?? [],
    published: meta?.published ?? null,
    siteName: meta?.siteName ?? null,
    lang: meta?.lang ?? null,
    summary: a?.summary.slice(0, 50) ?? [],
    figures: a?.figures.filter(f => f.key).slice(0, 1000) ?? [],
    entities: a?.entities.slice(0, 1000) ?? [],
  };
}

/**
 * The text stage in the background worker. One retry after a short pause when the worker did not answer
 * (it may have been stopped between our calls, and the first message only wakes it).
 */
export async function textStageIn(api: BackgroundApi, input: TextStageInput): Promise<TextStageResult> {
  let res = await api('analyzeText', input);
  if (!res.ok && res.error.code === 'unavailable') {
    await new Promise(resolve => setTimeout(resolve, 200));
    res = await api('analyzeText', input);
  }
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}
