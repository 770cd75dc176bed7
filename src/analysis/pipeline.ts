/**
 * The analysis pipeline: detect -> metadata -> main text (the page stage, which reads the DOM) ->
 * figures/entities -> summary (the text stage, text-stage.ts, which reads only the extracted text).
 * Contract: never throws and never mutates the page. Any internal error, or running past the
 * element/time budget, ends the work cleanly with `isArticle: false` and a reason; what was
 * computed before that (usually the metadata) is kept. Non-articles get metadata and main text
 * only: figures, entities and the summary are skipped to keep every page load cheap.
 *
 * The pipeline is written once, as resumable steps (`analysisSteps`, see steps.ts): analyzePage()
 * (analyze.ts) runs them without pausing; analyzePageSliced() (sliced.ts) runs the same steps in slices
 * so that no task of the page's main thread is long. The text stage is a hook: when a caller gives none
 * (the content script, which has the background run it), the result carries its input in `deferred`.
 * This module does not import the text stage, so the content script's bundle does not contain it.
 */
import type { DetectResult, PageAnalysis, TextMap } from './types';
import { detect } from './detect';
import { emptyMeta, extractMetadataSteps } from './metadata/index';
import { BudgetExceeded, extractBodySteps, type BodyResult } from './body/index';
import { EMPTY_TEXT_MAP } from './body/text-map';
import { runToEnd, type Steps, type WorkClock } from './steps';
import type { TextStageInput, TextStageResult } from './text-stage';

export interface AnalyzeOptions {
  url: string;
  /** Time budget in ms for the whole analysis (default 2000). */
  budgetMs?: number;
  /** Element budget for the main-text walk (default 150,000). */
  maxElements?: number;
  /** detect(doc, url) already computed for this document state (the content script runs it first). */
  detected?: DetectResult;
}

export interface PageAnalysisResult {
  analysis: PageAnalysis;
  /** Maps offsets in analysis.text to the live page (valid while the page's text is unchanged). */
  textMap: TextMap;
  /** The main content container, null when none was found. */
  root: Element | null;
  /**
   * The text stage's input, when the run had no text stage (StepHooks.textStage) and the page is an
   * article with text: the caller runs it elsewhere and fills figures, entities and summary.
   */
  deferred?: TextStageInput;
}

/** What a sliced run gives the steps (sliced.ts); an unsliced run passes the wall clock only. */
export interface StepHooks {
  /** The clock budgets and timings are read on (a sliced run's stops while it is paused). */
  clock: WorkClock;
  /**
   * Called as the body step starts (the one step that reads the live DOM across pauses). The returned
   * check runs when it ends: true when the page changed the collected parts meanwhile, and the body step
   * is run again (see BODY_RUNS).
   */
  watchBody?: () => { changed(parts: readonly Element[]): boolean; stop(): void };
  /** Told how many times the body step ran (1 unless the page changed the article under it). */
  bodyRuns?: (runs: number) => void;
  /** The text stage (textStageSteps); without it the run stops after the body step (see `deferred`). */
  textStage?: (input: TextStageInput, clock: WorkClock) => Steps<TextStageResult>;
}

/**
 * Runs of the body step in a sliced analysis: the first ones pause, and when the page changed the article
 * under each of them, the last runs without pausing (one consistent snapshot, at the price of one long
 * task on a page that keeps rewriting its article).
 */
export const BODY_RUNS = 3;

export const DEFAULT_BUDGET_MS = 2000;
const WORDS_PER_MINUTE = 230;

/** Words in the text; CJK ideographs and kana (written without spaces) count two characters a word. */
export function countWords(text: string): number {
  let words = 0;
  let cjk = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    const ideo = w.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    if (ideo === 0) words++;
    else {
      cjk += ideo;
      if (ideo < w.length) words++;
    }
  }
  return words + Math.ceil(cjk / 2);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs `body` steps without offering to pause (the body step's last run in a sliced analysis). */
function* atOnce<T>(steps: Steps<T>): Steps<T> {
  return runToEnd(steps);
}

/** The pipeline as resumable steps: offers to pause between steps and inside the body step's walks. */
export function* analysisSteps(
  doc: Document,
  opts: AnalyzeOptions,
  hooks: StepHooks,
): Steps<PageAnalysisResult> {
  const clock = hooks.clock;
  const t0 = clock.now();
  const deadline = t0 + (opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const analysis: PageAnalysis = {
    url: opts.url,
    isArticle: false,
    articleScore: 0,
    reasons: [],
    meta: emptyMeta(),
    text: '',
    wordCount: 0,
    readingMinutes: 0,
    summary: [],
    figures: [],
    entities: [],
    timings: { detect: 0, metadata: 0, body: 0, figures: 0, summary: 0 },
  };
  let textMap: TextMap = EMPTY_TEXT_MAP;
  let root: Element | null = null;
  const timings = analysis.timings;
  let step = 'detect';
  let t = clock.now();
  const lap = (): number => {
    const now = clock.now();
    const d = now - t;
    t = now;
    return d;
  };
  const checkBudget = (): void => {
    if (clock.now() > deadline) throw new BudgetExceeded('time budget exceeded');
  };
  try {
    if (!doc || !doc.documentElement) {
      analysis.reasons.push('empty document');
      return { analysis, textMap, root };
    }
    // Detection shares the analysis' budget (not its own default), so a caller's larger budget holds for it too.
    const d = opts.detected ?? detect(doc, opts.url, { budgetMs: Math.max(0, deadline - clock.now()) });
    analysis.isArticle = d.isArticle;
    analysis.articleScore = d.score;
    analysis.reasons = [...d.reasons];
    timings.detect = lap();
    checkBudget();
    yield;

    step = 'metadata';
    analysis.meta = yield* extractMetadataSteps(doc, opts.url);
    timings.metadata = lap();
    checkBudget();
    yield;

    step = 'body';
    let body: BodyResult | undefined;
    for (let run = 1; !body; run++) {
      const watch = run < BODY_RUNS ? hooks.watchBody?.() : undefined;
      try {
        const steps = extractBodySteps(doc, {
          title: analysis.meta.title,
          deadline,
          maxElements: opts.maxElements,
          now: () => clock.now(),
        });
        const result = yield* watch ? steps : atOnce(steps);
        if (!watch?.changed(result.parts)) {
          body = result;
          hooks.bodyRuns?.(run);
        }
      } finally {
        watch?.stop();
      }
    }
    analysis.text = body.text;
    analysis.wordCount = countWords(body.text);
    analysis.readingMinutes =
      analysis.wordCount > 0 ? Math.max(1, Math.round(analysis.wordCount / WORDS_PER_MINUTE)) : 0;
    textMap = body.textMap;
    root = body.root;
    timings.body = lap();
    if (!analysis.isArticle || !body.text) return { analysis, textMap, root };
    checkBudget();
    yield;

    step = 'figures';
    const input: TextStageInput = {
      text: body.text,
      blocks: body.blocks,
      lang: analysis.meta.lang ?? (doc.documentElement.getAttribute('lang') || null),
      title: analysis.meta.title,
    };
    if (!hooks.textStage) return { analysis, textMap, root, deferred: input };
    const out = yield* hooks.textStage(input, clock);
    analysis.figures = out.figures;
    analysis.entities = out.entities;
    analysis.summary = out.summary;
    timings.figures = out.timings.figures;
    timings.summary = out.timings.summary;
  } catch (e) {
    const budget = e instanceof BudgetExceeded;
    analysis.isArticle = false;
    analysis.reasons.push(
      budget ? `gave up at ${step}: ${message(e)}` : `analysis failed at ${step}: ${message(e)}`,
    );
    if (step === 'body' || step === 'detect' || step === 'metadata') {
      // A half-built text is not returned: it would not match the page's article.
      analysis.text = '';
      analysis.wordCount = 0;
      analysis.readingMinutes = 0;
      textMap = EMPTY_TEXT_MAP;
      root = null;
    }
    const key = step as keyof typeof timings;
    if (key in timings) timings[key] = lap();
  }
  return { analysis, textMap, root };
}
